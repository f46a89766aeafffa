// The backup alerts of instance `a` (daily at 03:00, so "missing" means no success for 48 h), run by Prometheus'
// own rule engine (`promtool test rules`) on kube-state-metrics series: a failed backup alerts until a later run
// succeeds, also before the first success; a missing success alerts after twice the schedule, also when there never
// was one; a failed restore Job alerts; neighbours (`a-2`, and `a` in another namespace) never make `a` alert.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Yaml } from 'cdk8s';
import { MONITORED, NAMESPACE } from '../monitoring/fixture';
import { synth } from '../util';

type Labels = Record<string, string>;
type Series = { readonly series: string; readonly values: string };
const series = (metric: string, labels: Labels, values: string): Series => ({
  series: `${metric}{${Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`,
  values,
});
// One sample every 4 minutes (within Prometheus' 5-minute lookback, so the series never go stale) for 60 hours.
const INTERVAL = '4m';
const constant = (value: number) => `${value}x900`;

let dir: string;
let rules: { alert: string; expr: string; for: string; labels: Labels }[];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'promtool-backup-'));
  const manifests = synth({
    ...MONITORED,
    metastore: { host: 'db', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'password' } },
    backup: { schedule: '0 3 * * *', persistentVolumeClaim: { claimName: 'backups' } },
  }, 'a');
  const rule = manifests.find((m) => m.kind === 'PrometheusRule')!;
  rules = rule.spec.groups[0].rules.map((r: any) => ({ alert: r.alert, expr: r.expr, for: r.for, labels: r.labels }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A backup Job of `instance`: failed or not, started at `start` (seconds). */
const job = (instance: string, namespace: string, name: string, failed: boolean, start: number) => [
  series('kube_job_failed', { namespace, job_name: `${instance}-backup-${name}`, condition: 'true' }, constant(failed ? 1 : 0)),
  series('kube_job_status_start_time', { namespace, job_name: `${instance}-backup-${name}` }, constant(start)),
];
const lastSuccess = (instance: string, namespace: string, at: number) =>
  [series('kube_cronjob_status_last_successful_time', { namespace, cronjob: `${instance}-backup` }, constant(at))];
const created = (instance: string, namespace: string, at: number) =>
  [series('kube_cronjob_created', { namespace, cronjob: `${instance}-backup` }, constant(at))];
/** A restore Job of `instance` for the dump taken at `stamp`, failed or not. */
const restore = (instance: string, namespace: string, stamp: string, failed: boolean) =>
  [series('kube_job_failed', { namespace, job_name: `${instance}-restore-${stamp}`, condition: 'true' }, constant(failed ? 1 : 0))];
/** Neighbours in a bad state: a failed backup Job, no success for long, a failed restore. */
const badNeighbours = () => [['a-2', NAMESPACE], ['a', 'staging']].flatMap(([i, n]) => [
  ...job(i, n, '29000000', true, 100_000), ...lastSuccess(i, n, 0), ...created(i, n, 0), ...restore(i, n, '20260101t021500z', true),
]);

function promtool(alert: string, cases: { input: Series[]; at: string; expected: Labels[] }[]): string {
  const rule = rules.find((r) => r.alert === alert)!;
  writeFileSync(path.join(dir, `${alert}.rules.yml`), Yaml.stringify({ groups: [{ name: 'test', rules: [rule] }] }));
  writeFileSync(path.join(dir, `${alert}.test.yml`), Yaml.stringify({
    rule_files: [`${alert}.rules.yml`],
    evaluation_interval: '1m',
    tests: cases.map((c) => ({
      interval: INTERVAL,
      input_series: [...c.input, ...badNeighbours()],
      alert_rule_test: [{
        eval_time: c.at, alertname: alert, exp_alerts: c.expected.map((labels) => ({ exp_labels: { ...rule.labels, ...labels } })),
      }],
    })),
  }));
  const run = spawnSync('promtool', ['test', 'rules', `${alert}.test.yml`], { cwd: dir, encoding: 'utf-8' });
  return run.status === 0 ? '' : run.stdout + run.stderr;
}

test('the instance gets exactly the backup and restore alerts', () => {
  expect(rules.map((r) => r.alert).filter((a) => /Backup|Restore/.test(a))).toEqual(['SupersetBackupFailed', 'SupersetBackupMissing', 'SupersetRestoreFailed']);
});

test('SupersetRestoreFailed: a failed restore Job of the instance, whatever its dump; not another Job of the instance', () => {
  const failed = (stamp: string) => ({ namespace: NAMESPACE, job_name: `a-restore-${stamp}` });
  expect(promtool('SupersetRestoreFailed', [
    { input: restore('a', NAMESPACE, '20260101t021500z', true), at: '10m', expected: [failed('20260101t021500z')] },
    {
      input: [...restore('a', NAMESPACE, '20260101t021500z', false), ...restore('a', NAMESPACE, '20260102t021500z', true)],
      at: '10m',
      expected: [failed('20260102t021500z')],
    },
    { input: restore('a', NAMESPACE, '20260101t021500z', false), at: '10m', expected: [] },
    // Not a restore Job of `a`: a Job by hand named like one but without a dump's time, a backup Job.
    { input: [...restore('a', NAMESPACE, 'manual', true), ...job('a', NAMESPACE, '29000100', true, 5000)], at: '10m', expected: [] },
  ])).toBe('');
});

test('SupersetBackupFailed: a failed Job newer than the last success, or with no success yet', () => {
  const failedJob = { namespace: NAMESPACE, job_name: 'a-backup-29000100' };
  expect(promtool('SupersetBackupFailed', [
    { input: [...job('a', NAMESPACE, '29000100', true, 5000), ...lastSuccess('a', NAMESPACE, 1000)], at: '10m', expected: [failedJob] },
    // A later run succeeded: the failed Job kept in the history no longer alerts.
    { input: [...job('a', NAMESPACE, '29000100', true, 1000), ...lastSuccess('a', NAMESPACE, 5000)], at: '10m', expected: [] },
    { input: job('a', NAMESPACE, '29000100', true, 1000), at: '10m', expected: [failedJob] },
    { input: [...job('a', NAMESPACE, '29000100', false, 5000), ...lastSuccess('a', NAMESPACE, 1000)], at: '10m', expected: [] },
  ])).toBe('');
});

test('SupersetBackupMissing: no success for twice the schedule (48 h), counted from creation before the first', () => {
  const cronJob = { namespace: NAMESPACE, cronjob: 'a-backup' };
  expect(promtool('SupersetBackupMissing', [
    { input: [...lastSuccess('a', NAMESPACE, 0), ...created('a', NAMESPACE, 0)], at: '47h', expected: [] },
    { input: [...lastSuccess('a', NAMESPACE, 0), ...created('a', NAMESPACE, 0)], at: '49h', expected: [cronJob] },
    { input: created('a', NAMESPACE, 0), at: '47h', expected: [] },
    { input: created('a', NAMESPACE, 0), at: '49h', expected: [cronJob] },
    { input: [...lastSuccess('a', NAMESPACE, 40 * 3600), ...created('a', NAMESPACE, 0)], at: '59h', expected: [] },
  ])).toBe('');
});
