import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Yaml } from 'cdk8s';
import type { SupersetInstanceProps } from '../../src';
import { grafanaDashboard } from '../../src/build/dashboard';
import { expectValidManifests } from '../support/k8s-schema';
import { find, synth, type Manifest } from '../util';
import { expectProblem, expectValid, problemsOf } from '../validation/helpers';

const VALKEY = { host: 'valkey.databases.svc', port: 6380, passwordFrom: { name: 'valkey', key: 'password' }, celeryBroker: { database: 2 } };
const PROPS: Partial<SupersetInstanceProps> = {
  namespace: 'analytics',
  valkey: VALKEY,
  webServer: {},
  celeryWorker: { queueScaling: { maxReplicas: 8 } },
};
const NAME = 'demo-celery-worker';
const scaledObject = (out: Manifest[]) => find(out, 'ScaledObject', NAME);
const withScaling = (queueScaling: object, extra: Partial<SupersetInstanceProps> = {}) =>
  synth({ ...PROPS, ...extra, celeryWorker: { queueScaling } as any });

describe('queueScaling: off unless asked for', () => {
  test('renders no KEDA object by default', () => {
    const out = synth({ ...PROPS, celeryWorker: {} });
    expect(out.filter((m) => m.apiVersion.startsWith('keda.sh/'))).toEqual([]);
    expect(find(out, 'Deployment', NAME).spec.replicas).toBe(1);
  });
});

describe('queueScaling: the ScaledObject and TriggerAuthentication', () => {
  const out = synth(PROPS);

  test('scales the workers\' Deployment on the instance\'s Celery list, on the broker database', () => {
    const so = scaledObject(out);
    expect(so.apiVersion).toBe('keda.sh/v1alpha1');
    expect(so.metadata.namespace).toBe('analytics');
    expect(so.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: NAME },
      // Written although it is the library's default: KEDA's own default is 0.
      minReplicaCount: 1,
      maxReplicaCount: 8,
      pollingInterval: 30,
      cooldownPeriod: 300,
      triggers: [{
        type: 'redis',
        metadata: {
          address: 'valkey.databases.svc:6380',
          listName: 'analytics.demo.analytics.demo',
          listLength: '5',
          databaseIndex: '2',
        },
        authenticationRef: { name: NAME, kind: 'TriggerAuthentication' },
      }],
    });
  });

  test('reads the Valkey password by reference, from the Secret the pods read it from', () => {
    expect(find(out, 'TriggerAuthentication', NAME).spec).toEqual({
      secretTargetRef: [{ parameter: 'password', name: 'valkey', key: 'password' }],
    });
  });

  test('leaves the replicas to KEDA: no replica count, no HorizontalPodAutoscaler for the workers', () => {
    const withTopLevel = synth({ ...PROPS, autoscaling: { maxReplicas: 4 } });
    expect(find(withTopLevel, 'Deployment', NAME).spec.replicas).toBeUndefined();
    const hpas = withTopLevel.filter((m) => m.kind === 'HorizontalPodAutoscaler').map((m) => m.metadata.name);
    // The top-level autoscaling still applies to the other components.
    expect(hpas).toEqual(['demo-web-server']);
  });

  test('scales to zero only when asked: idleReplicaCount 0, and minReplicas as soon as a task waits', () => {
    expect(scaledObject(out).spec.idleReplicaCount).toBeUndefined();
    const spec = scaledObject(withScaling({
      maxReplicas: 3,
      minReplicas: 2,
      scaleToZero: true,
      tasksPerReplica: 10,
      pollingSeconds: 15,
      cooldownSeconds: 600,
    })).spec;
    expect(spec).toMatchObject({ minReplicaCount: 2, idleReplicaCount: 0, maxReplicaCount: 3, pollingInterval: 15, cooldownPeriod: 600 });
    expect(spec.triggers[0].metadata.listLength).toBe('10');
  });

  test('TLS: on with valkey.ssl, unverified only with certRequired none, CA and client certificate by reference', () => {
    const tls = { caFrom: { name: 'valkey-tls', key: 'ca.crt' }, certFrom: { name: 'valkey-tls', key: 'tls.crt' }, keyFrom: { name: 'valkey-tls', key: 'tls.key' } };
    const verified = withScaling({ maxReplicas: 2, tls }, { valkey: { ...VALKEY, username: 'superset', ssl: {} } });
    expect(scaledObject(verified).spec.triggers[0].metadata).toMatchObject({ enableTLS: 'true', username: 'superset' });
    expect(scaledObject(verified).spec.triggers[0].metadata.unsafeSsl).toBeUndefined();
    expect(find(verified, 'TriggerAuthentication', NAME).spec.secretTargetRef).toEqual([
      { parameter: 'password', name: 'valkey', key: 'password' },
      { parameter: 'ca', name: 'valkey-tls', key: 'ca.crt' },
      { parameter: 'cert', name: 'valkey-tls', key: 'tls.crt' },
      { parameter: 'key', name: 'valkey-tls', key: 'tls.key' },
    ]);
    const unverified = withScaling({ maxReplicas: 2 }, { valkey: { ...VALKEY, ssl: { certRequired: 'none' } } });
    expect(scaledObject(unverified).spec.triggers[0].metadata).toMatchObject({ enableTLS: 'true', unsafeSsl: 'true' });
  });

  test('without a password or TLS material, no TriggerAuthentication and no reference to one', () => {
    const open = withScaling({ maxReplicas: 2 }, { valkey: { host: 'valkey' } });
    expect(open.filter((m) => m.kind === 'TriggerAuthentication')).toEqual([]);
    expect(scaledObject(open).spec.triggers[0].authenticationRef).toBeUndefined();
  });

  test('with externalSecrets, KEDA reads the password from the Secret the ExternalSecret creates', () => {
    const out2 = synth({ ...PROPS, valkey: { host: 'valkey' }, externalSecrets: { storeRef: { name: 'vault' }, valkeyPassword: { key: 'v' } } });
    expect(find(out2, 'TriggerAuthentication', NAME).spec.secretTargetRef).toEqual([
      { parameter: 'password', name: 'demo-external-secrets', key: 'valkey-password' },
    ]);
  });

  test('passes the unknown-field check of the bindings generated from the KEDA CRDs, with everything else', () => {
    expectValidManifests(synth({
      ...PROPS,
      valkey: { ...VALKEY, ssl: {} },
      celeryWorker: {
        queueScaling: { maxReplicas: 3, scaleToZero: true, tls: { caFrom: { name: 'c', key: 'ca' } } },
      },
    }));
  });

  test('adds no pod: the workers\' pods are the same as without queue scaling', () => {
    const pod = (o: Manifest[]) => find(o, 'Deployment', NAME).spec.template;
    expect(pod(out)).toEqual(pod(synth({ ...PROPS, celeryWorker: {} })));
  });
});

describe('queueScaling: validation', () => {
  const base = { image: { tag: '6.1.0' }, secretKeyFrom: { name: 's', key: 'k' }, namespace: 'analytics', valkey: { host: 'v' } };
  const worker = (queueScaling: object, extra: object = {}) => ({ ...base, celeryWorker: { queueScaling, ...extra } });

  test('accepts the smallest setting', () => expectValid(worker({ maxReplicas: 1 })));

  test('refuses autoscaling and replicas on the workers next to it', () => {
    expectProblem(worker({ maxReplicas: 2 }, { autoscaling: { maxReplicas: 3 } }), 'celeryWorker.autoscaling',
      'must not be set with celeryWorker.queueScaling', 'would both set the workers\' replicas');
    expectProblem(worker({ maxReplicas: 2 }, { replicas: 3 }), 'celeryWorker.replicas', 'KEDA sets the workers\' replicas');
  });

  test('refuses minReplicas above maxReplicas, and minReplicas 0 (scaling to zero is asked for with scaleToZero)', () => {
    expectProblem(worker({ minReplicas: 3, maxReplicas: 2 }), 'celeryWorker.queueScaling', 'minReplicas must not exceed maxReplicas');
    expect(problemsOf(worker({ minReplicas: 0, maxReplicas: 2 }))).toContain('celeryWorker.queueScaling.minReplicas: must be an integer >= 1, '
      + 'got 0; for no workers while the queue is empty, set scaleToZero: true (minReplicas is the count while tasks wait)');
  });

  test('refuses what keeps KEDA from finding the queue or reading the password by reference', () => {
    expectProblem({ ...worker({ maxReplicas: 2 }), valkey: undefined }, 'valkey', 'is required by celeryWorker.queueScaling');
    expectProblem({ ...worker({ maxReplicas: 2 }), valkey: { host: 'v', celeryBroker: { disabled: true } } },
      'valkey.celeryBroker.disabled', 'must not be true');
    expectProblem({ ...worker({ maxReplicas: 2 }), environment: 'Development', valkey: { host: 'v', password: 'pw' } },
      'valkey.password', 'KEDA reads the password only from a Secret');
    expectProblem(worker({ maxReplicas: 2, tls: { caFrom: { name: 'c', key: 'k' } } }), 'celeryWorker.queueScaling.tls', 'needs valkey.ssl');
    expectProblem({ ...worker({ maxReplicas: 2, tls: { certFrom: { name: 'c', key: 'k' } } }), valkey: { host: 'v', ssl: {} } },
      'celeryWorker.queueScaling.tls', 'certFrom and keyFrom go together');
  });

  test('refuses an instance name whose ScaledObject KEDA would refuse', () => {
    // keda-hpa-<instance>-celery-worker: 9 + 40 + 14 = 63 characters is the most KEDA takes.
    expect(problemsOf(worker({ maxReplicas: 2 }), 'a'.repeat(40)).join('\n')).not.toContain('KEDA refuses');
    expect(problemsOf(worker({ maxReplicas: 2 }), 'a'.repeat(41))).toContainEqual(expect.stringContaining(
      'name: must be at most 40 characters with celeryWorker.queueScaling: KEDA refuses a ScaledObject'));
  });
});

describe('queueScaling to zero: no worker online is normal while the queue is empty', () => {
  const alertOf = (out: Manifest[]) => find(out, 'PrometheusRule', 'demo').spec.groups[0].rules
    .find((r: any) => r.alert === 'SupersetNoCeleryWorkerOnline');

  test('without scale to zero the alert is unchanged', () => {
    const rule = alertOf(synth({ ...PROPS, celeryFlower: {}, monitoring: { serviceMonitor: {} } }));
    expect(rule.expr).not.toContain('keda_scaler_metrics_value');
  });

  test('promtool: with scale to zero it fires only while tasks wait and no worker is online', () => {
    const rule = alertOf(withScaling({ maxReplicas: 5, scaleToZero: true }, { celeryFlower: {}, monitoring: { serviceMonitor: {} } }));
    const dir = mkdtempSync(path.join(tmpdir(), 'zero-promtool-'));
    try {
      const queue = (values: string) => ({
        series: `keda_scaler_metrics_value{namespace="analytics",scaledObject="${NAME}",triggerIndex="0",metric="s0-redis-x",scaler="redisScaler",type="scaledobject"}`,
        values,
      });
      const exported = (namespace: string, values: string) => ({
        series: `keda_scaler_metrics_value{namespace="keda",exported_namespace="${namespace}",scaledObject="${NAME}",triggerIndex="0"}`,
        values,
      });
      const online = (values: string) => ({ series: 'flower_worker_online{namespace="analytics",service="demo-celery-flower"}', values });
      const test = (input: object[], fires: boolean) => ({
        interval: '1m',
        input_series: input,
        alert_rule_test: [{
          eval_time: '15m',
          alertname: rule.alert,
          exp_alerts: fires ? [{ exp_labels: { severity: 'critical', namespace: 'analytics' } }] : [],
        }],
      });
      writeFileSync(path.join(dir, 'rules.yml'), Yaml.stringify({ groups: [{ name: 't', rules: [{ alert: rule.alert, expr: rule.expr, for: rule.for, labels: rule.labels }] }] }));
      writeFileSync(path.join(dir, 'test.yml'), Yaml.stringify({
        rule_files: ['rules.yml'],
        evaluation_interval: '1m',
        tests: [
          test([queue('0x20'), online('0x20')], false), // scaled to zero, nothing waits
          test([queue('4x20'), online('0x20')], true), // tasks wait and no worker starts
          test([queue('4x20'), online('2x20')], false), // tasks wait, workers run
          test([exported('analytics', '4x20'), online('0x20')], true), // as scraped from the KEDA operator's pod
          test([exported('staging', '4x20'), online('0x20')], false), // another namespace's queue waits
        ],
      }));
      const run = spawnSync('promtool', ['test', 'rules', 'test.yml'], { cwd: dir, encoding: 'utf-8' });
      expect(run.status === 0 ? '' : run.stdout + run.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('queueScaling: the queue length on the dashboard and in an alert', () => {
  const out = synth({ ...PROPS, monitoring: { serviceMonitor: {} } });
  const rule = find(out, 'PrometheusRule', 'demo').spec.groups[0].rules.find((r: any) => r.alert === 'SupersetCeleryQueueGrowing');

  test('no queue alert without queue scaling', () => {
    const plain = synth({ ...PROPS, celeryWorker: {}, monitoring: { serviceMonitor: {} } });
    const rules = find(plain, 'PrometheusRule', 'demo').spec.groups[0].rules.map((r: any) => r.alert);
    expect(rules).not.toContain('SupersetCeleryQueueGrowing');
  });

  test('the shared dashboard shows, for the selected instance, the waiting tasks of its ScaledObject and the worker replicas', () => {
    const panels = grafanaDashboard().panels.filter((p) => p.type !== 'row');
    // Grafana inserts a single-valued variable's value as it is.
    const selected = (expr: string) => expr.replace(/\$namespace/g, 'analytics').replace(/\$instance/g, 'demo');
    const queue = panels.find((p) => p.title === 'Celery tasks waiting in the queue')!;
    // As Prometheus stores it when scraping the KEDA operator (KEDA's namespace label kept as exported_namespace), or
    // with honoured labels (then there is no exported_namespace): what the alert reads.
    expect(selected(queue.targets![0].expr)).toBe('max(keda_scaler_metrics_value{exported_namespace="analytics", scaledObject="demo-celery-worker", '
      + 'triggerIndex="0"} or keda_scaler_metrics_value{namespace="analytics", exported_namespace="", scaledObject="demo-celery-worker", '
      + 'triggerIndex="0"})');
    expect(rule.expr).toContain('keda_scaler_metrics_value{exported_namespace="analytics", scaledObject="demo-celery-worker", triggerIndex="0"}');
    expect(selected(panels.find((p) => p.title === 'Celery worker replicas')!.targets![0].expr))
      .toBe('max(kube_deployment_status_replicas{namespace="analytics", deployment="demo-celery-worker"})');
  });

  test('promtool: the alert fires after 10 minutes of growth of this queue only', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'queue-promtool-'));
    try {
      const series = (namespace: string, object: string, values: string) => ({
        series: `keda_scaler_metrics_value{namespace="${namespace}",scaledObject="${object}",triggerIndex="0",metric="s0-redis-x",scaler="redisScaler",type="scaledobject"}`,
        values,
      });
      const expected = [{ exp_labels: { severity: 'warning', namespace: 'analytics', scaledObject: NAME } }];
      writeFileSync(path.join(dir, 'rules.yml'), Yaml.stringify({ groups: [{ name: 't', rules: [{ alert: rule.alert, expr: rule.expr, for: rule.for, labels: rule.labels }] }] }));
      writeFileSync(path.join(dir, 'test.yml'), Yaml.stringify({
        rule_files: ['rules.yml'],
        evaluation_interval: '1m',
        tests: [
          // Growing by 3 tasks a minute: pending once the 5-minute trend is up, firing 10 minutes later, not before.
          {
            interval: '1m',
            input_series: [series('analytics', NAME, '0+3x30')],
            alert_rule_test: [
              { eval_time: '8m', alertname: rule.alert, exp_alerts: [] },
              { eval_time: '20m', alertname: rule.alert, exp_alerts: expected },
            ],
          },
          // The same growth as scraped from the KEDA operator's pod (namespace `keda`, KEDA's label kept as exported_namespace).
          {
            interval: '1m',
            input_series: [{ series: `keda_scaler_metrics_value{namespace="keda",exported_namespace="analytics",scaledObject="${NAME}",triggerIndex="0"}`, values: '0+3x30' }],
            alert_rule_test: [{ eval_time: '20m', alertname: rule.alert, exp_alerts: expected }],
          },
          // KEDA running in this namespace, growing the queue of a same-named ScaledObject of another namespace: silence.
          {
            interval: '1m',
            input_series: [{ series: `keda_scaler_metrics_value{namespace="analytics",exported_namespace="staging",scaledObject="${NAME}",triggerIndex="0"}`, values: '0+3x30' }],
            alert_rule_test: [{ eval_time: '20m', alertname: rule.alert, exp_alerts: [] }],
          },
          // A long but steady queue, a draining one, and growing queues of other ScaledObjects: silence.
          {
            interval: '1m',
            input_series: [
              series('analytics', NAME, '50x30'), series('analytics', `${NAME}-2`, '0+3x30'), series('staging', NAME, '0+3x30'),
            ],
            alert_rule_test: [{ eval_time: '25m', alertname: rule.alert, exp_alerts: [] }],
          },
          { interval: '1m', input_series: [series('analytics', NAME, '90-3x30')], alert_rule_test: [{ eval_time: '25m', alertname: rule.alert, exp_alerts: [] }] },
          // Growth that stops for a few minutes resets the 10 minutes.
          { interval: '1m', input_series: [series('analytics', NAME, '0+3x6 18x6 18+3x8')], alert_rule_test: [{ eval_time: '20m', alertname: rule.alert, exp_alerts: [] }] },
        ],
      }));
      const run = spawnSync('promtool', ['test', 'rules', 'test.yml'], { cwd: dir, encoding: 'utf-8' });
      expect(run.status === 0 ? '' : run.stdout + run.stderr).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
