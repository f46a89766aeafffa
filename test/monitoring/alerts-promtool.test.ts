// Each alert of instance `a`, run by Prometheus' own rule engine (`promtool test rules`): it fires for `a`'s pods,
// Deployments, Jobs and Services, and stays silent when only neighbours whose names extend `a` (and one of the same
// name in another namespace) are unhealthy. The rule file is generated from the rendered PrometheusRule.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Yaml } from 'cdk8s';
import { MONITORED, NAMESPACE } from './fixture';
import { SCHEMA_WAIT_CONTAINER } from '../../src/base/task-types';
import { synth } from '../util';

const OWN = 'a';
const NEIGHBOURS: readonly [string, string][] = [
  ['a-web-server', NAMESPACE], ['a-celery', NAMESPACE], ['a-celery-worker', NAMESPACE], ['a-web', NAMESPACE],
  ['a-init', NAMESPACE], ['a-seed', NAMESPACE], ['a-migrate', NAMESPACE], ['a', 'staging'],
];

type Series = { readonly series: string; readonly values: string };
type Labels = Record<string, string>;

const series = (metric: string, labels: Labels, values: string): Series => ({
  series: `${metric}{${Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`,
  values,
});

/**
 * The pods of an instance as Kubernetes names them: its web server's (ReplicaSet hash and suffix from Kubernetes'
 * alphabet) and its lifecycle Jobs' (hooks and Jobs named after their content).
 */
const deploymentPods = (instance: string) => [`${instance}-web-server-7c9b4d8f5-x2k4q`];
const jobPods = (instance: string) => ['init', 'migrate', 'rotate', 'seed'].flatMap((task) => [
  `${instance}-${task}-x7k2p`, `${instance}-${task}-1a2b3c-x7k2p`,
]);
const jobs = (instance: string) => [`${instance}-migrate`, `${instance}-init-1a2b3c`, `${instance}-seed-28912345`];

/** One alert's scenario: the series of an instance, unhealthy or healthy, and the labels `a`'s alerts carry. */
interface Scenario {
  readonly make: (instance: string, namespace: string, unhealthy: boolean) => Series[];
  readonly expected: Labels[];
}

/** kube-state-metrics' owner series of a pod: a Deployment pod's ReplicaSet is its name without the suffix. */
const owner = (pod: string, namespace: string, kind: 'ReplicaSet' | 'Job') =>
  series('kube_pod_owner', { namespace, pod, owner_kind: kind, owner_name: pod.replace(/-[^-]+$/, ''), owner_is_controller: 'true' }, '1x45');
const perPod = (make: (pod: string, namespace: string, unhealthy: boolean) => Series[]) =>
  (instance: string, namespace: string, unhealthy: boolean) => [
    ...deploymentPods(instance).flatMap((pod) => [...make(pod, namespace, unhealthy), owner(pod, namespace, 'ReplicaSet')]),
    ...jobPods(instance).flatMap((pod) => [...make(pod, namespace, unhealthy), owner(pod, namespace, 'Job')]),
  ];
const ownPods = (extra: Labels = {}) => deploymentPods(OWN).map((pod) => ({ namespace: NAMESPACE, pod, ...extra }));
const container = { container: 'superset' };

const SCENARIOS: Record<string, Scenario> = {
  SupersetPodCrashLooping: {
    make: perPod((pod, namespace, bad) => [series('kube_pod_container_status_restarts_total', { namespace, pod, ...container }, bad ? '0+1x45' : '0x45')]),
    expected: ownPods(container),
  },
  SupersetContainerMemoryNearLimit: {
    make: perPod((pod, namespace, bad) => [
      series('container_memory_working_set_bytes', { namespace, pod, ...container }, bad ? '950x45' : '100x45'),
      series('kube_pod_container_resource_limits', { namespace, pod, ...container, resource: 'memory' }, '1000x45'),
    ]),
    expected: ownPods(container),
  },
  SupersetContainerCpuNearLimit: {
    make: perPod((pod, namespace, bad) => [
      series('container_cpu_usage_seconds_total', { namespace, pod, ...container }, bad ? '0+54x45' : '0+6x45'),
      series('kube_pod_container_resource_limits', { namespace, pod, ...container, resource: 'cpu' }, '1x45'),
    ]),
    expected: ownPods(container),
  },
  SupersetWebServerReplicasUnavailable: {
    make: (instance, namespace, bad) => [
      series('kube_deployment_status_replicas_available', { namespace, deployment: `${instance}-web-server` }, bad ? '1x45' : '2x45'),
      series('kube_deployment_spec_replicas', { namespace, deployment: `${instance}-web-server` }, '2x45'),
    ],
    expected: [{ namespace: NAMESPACE, deployment: `${OWN}-web-server` }],
  },
  SupersetWebServerDown: {
    make: (instance, namespace, bad) => [
      series('kube_deployment_status_replicas_available', { namespace, deployment: `${instance}-web-server` }, bad ? '0x45' : '1x45'),
      series('kube_deployment_spec_replicas', { namespace, deployment: `${instance}-web-server` }, '1x45'),
    ],
    expected: [{ namespace: NAMESPACE, deployment: `${OWN}-web-server` }],
  },
  SupersetCeleryBeatNotRunning: {
    make: (instance, namespace, bad) => [
      series('kube_deployment_status_replicas_available', { namespace, deployment: `${instance}-celery-beat` }, bad ? '0x45' : '1x45'),
    ],
    expected: [{ namespace: NAMESPACE, deployment: `${OWN}-celery-beat` }],
  },
  SupersetNoCeleryWorkerOnline: {
    make: (instance, namespace, bad) => [series('flower_worker_online', { namespace, service: `${instance}-celery-flower` }, bad ? '0x45' : '1x45')],
    expected: [{ namespace: NAMESPACE }],
  },
  SupersetLifecycleJobFailed: {
    make: (instance, namespace, bad) => jobs(instance).map((job) =>
      series('kube_job_failed', { namespace, job_name: job, condition: 'true' }, bad ? '1x45' : '0x45')),
    expected: jobs(OWN).map((job) => ({ namespace: NAMESPACE, job_name: job })),
  },
  SupersetPodWaitingForMigrations: {
    make: perPod((pod, namespace, bad) => [
      series('kube_pod_init_container_status_running', { namespace, pod, container: SCHEMA_WAIT_CONTAINER }, bad ? '1x45' : '0x45'),
    ]),
    expected: ownPods(),
  },
  SupersetHighServerErrorRatio: {
    make: (instance, namespace, bad) => [
      series('superset_api_requests_total', { namespace, service: `${instance}-web-server`, outcome: 'error' }, bad ? '0+10x45' : '0x45'),
      series('superset_api_requests_total', { namespace, service: `${instance}-web-server`, outcome: 'success' }, '0+10x45'),
    ],
    expected: [{ namespace: NAMESPACE }],
  },
  SupersetHighRequestLatency: {
    make: (instance, namespace, bad) => [['2', bad ? '0x45' : '0+10x45'], ['5', '0+10x45'], ['+Inf', '0+10x45']].map(([le, values]) =>
      series('superset_api_request_duration_seconds_bucket', { namespace, service: `${instance}-web-server`, le }, values)),
    expected: [{ namespace: NAMESPACE }],
  },
};

let dir: string;
let rules: { alert: string; expr: string; for: string; labels: Labels }[];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'promtool-'));
  const manifests = synth({ ...MONITORED, lifecycle: {} }, OWN);
  const rule = manifests.find((m) => m.kind === 'PrometheusRule')!;
  // Annotations are left out: they are text for people, and this test is about which series the expressions match.
  rules = rule.spec.groups[0].rules.map((r: any) => ({ alert: r.alert, expr: r.expr, for: r.for, labels: r.labels }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('every alert has a scenario', () => {
  expect(rules.map((r) => r.alert).sort()).toEqual(Object.keys(SCENARIOS).sort());
});

test.each(Object.keys(SCENARIOS))('%s fires for its instance only', (alert) => {
  const rule = rules.find((r) => r.alert === alert)!;
  const { make, expected } = SCENARIOS[alert];
  const neighbours = (own: boolean) => NEIGHBOURS.flatMap(([instance, namespace]) => make(instance, namespace, true))
    .concat(make(OWN, NAMESPACE, own));
  const expect_ = (alerts: Labels[]) => [{ eval_time: '45m', alertname: alert, exp_alerts: alerts.map((labels) => ({ exp_labels: { ...rule.labels, ...labels } })) }];
  writeFileSync(path.join(dir, `${alert}.rules.yml`), Yaml.stringify({ groups: [{ name: 'test', rules: [rule] }] }));
  writeFileSync(path.join(dir, `${alert}.test.yml`), Yaml.stringify({
    rule_files: [`${alert}.rules.yml`],
    evaluation_interval: '1m',
    tests: [
      // Only `a` is unhealthy: one alert per unhealthy object of `a`.
      { interval: '1m', input_series: make(OWN, NAMESPACE, true).concat(NEIGHBOURS.flatMap(([i, n]) => make(i, n, false))), alert_rule_test: expect_(expected) },
      // Everyone is unhealthy: still only `a`'s objects.
      { interval: '1m', input_series: neighbours(true), alert_rule_test: expect_(expected) },
      // Only the neighbours are unhealthy: silence.
      { interval: '1m', input_series: neighbours(false), alert_rule_test: expect_([]) },
    ],
  }));
  const run = spawnSync('promtool', ['test', 'rules', `${alert}.test.yml`], { cwd: dir, encoding: 'utf-8' });
  // promtool's report names the alerts it expected and got.
  expect(run.status === 0 ? '' : run.stdout + run.stderr).toBe('');
});
