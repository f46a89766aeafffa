// Each alert of instance `a`, run by Prometheus' own rule engine (`promtool test rules`): it fires for `a`'s pods,
// Deployments, Jobs and Services, and stays silent when only neighbours are unhealthy: instances whose names extend
// `a` (and one of the same name in another namespace), and pods of other workloads in the namespace whose names look
// like `a`'s. The same holds for an instance whose name is so long that Kubernetes cuts its pods' names short. The
// rule file is generated from the rendered PrometheusRule.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Yaml } from 'cdk8s';
import { MONITORED, NAMESPACE } from './fixture';
import { SCHEMA_WAIT_CONTAINER } from '../../src/base/task-types';
import { synth } from '../util';

/** A 48-character name: `<name>-web-server-<hash>-` is more than the 58 characters Kubernetes keeps of a pod name. */
const LONG = 'superset-analytics-eu-west-production-reporting';
const LONG_NAME = `${LONG}x`;

/** Each instance under test, with its neighbours: the same name elsewhere, names that extend it or differ at the end. */
const INSTANCES: readonly { readonly own: string; readonly neighbours: readonly [string, string][] }[] = [
  {
    own: 'a',
    neighbours: [
      ['a-web-server', NAMESPACE], ['a-celery', NAMESPACE], ['a-celery-worker', NAMESPACE], ['a-web', NAMESPACE],
      ['a-init', NAMESPACE], ['a-seed', NAMESPACE], ['a-migrate', NAMESPACE], ['a', 'staging'],
    ],
  },
  { own: LONG_NAME, neighbours: [[`${LONG}2`, NAMESPACE], [`${LONG_NAME}-web`, NAMESPACE], [LONG_NAME, 'staging']] },
];

type Series = { readonly series: string; readonly values: string };
type Labels = Record<string, string>;

const series = (metric: string, labels: Labels, values: string): Series => ({
  series: `${metric}{${Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(',')}}`,
  values,
});

/** A pod and its owner as kube-state-metrics reports it (`<none>` for a pod nothing owns). */
interface Pod {
  readonly pod: string;
  readonly ownerKind: string;
  readonly ownerName: string;
}

/**
 * A pod of Deployment `deployment` as Kubernetes names it: the ReplicaSet `<deployment>-<hash>` (from Kubernetes'
 * alphabet) owns it, and the name generator keeps at most 58 characters of `<ReplicaSet>-` before 5 random ones.
 */
const replicaSetPod = (deployment: string, random = 'x2k4q'): Pod => ({
  pod: `${`${deployment}-7c9b4d8f5-`.slice(0, 58)}${random}`, ownerKind: 'ReplicaSet', ownerName: `${deployment}-7c9b4d8f5`,
});

/** The pods of an instance: its web server's and workers' and its lifecycle Jobs' (hooks and Jobs named after their content). */
const deploymentPods = (instance: string) => [replicaSetPod(`${instance}-web-server`), replicaSetPod(`${instance}-celery-worker`)];
const jobPods = (instance: string): Pod[] => ['init', 'migrate', 'rotate', 'seed'].flatMap((task) => [
  `${instance}-${task}-x7k2p`, `${instance}-${task}-1a2b3c-x7k2p`,
]).map((pod) => ({ pod, ownerKind: 'Job', ownerName: pod.replace(/-[^-]+$/, '') }));
const jobs = (instance: string) => [`${instance}-migrate`, `${instance}-init-1a2b3c`, `${instance}-seed-28912345`];

/**
 * Pods of other workloads in the instance's namespace whose names look like its own (random parts differ: pod names
 * are unique in a namespace): a Deployment whose name extends a component's, a StatefulSet's and a DaemonSet's pods
 * named after a component, and a pod nothing owns that is named like one of the instance's.
 */
const strangerPods = (instance: string): Pod[] => [
  replicaSetPod(`${instance}-web-server-proxy`, 'p8q2z'),
  { pod: `${instance}-web-server-0`, ownerKind: 'StatefulSet', ownerName: `${instance}-web-server` },
  { pod: `${instance}-celery-worker-b2k4q`, ownerKind: 'DaemonSet', ownerName: `${instance}-celery-worker` },
  { pod: replicaSetPod(`${instance}-web-server`, 'b5n7m').pod, ownerKind: '<none>', ownerName: '<none>' },
];

/** One alert's scenario: the series of an instance, unhealthy or healthy, and the labels the own instance's alerts carry. */
interface Scenario {
  readonly make: (instance: string, namespace: string, unhealthy: boolean) => Series[];
  /** Series of other workloads in the own instance's namespace, unhealthy or healthy; they must never alert. */
  readonly strangers?: (own: string, unhealthy: boolean) => Series[];
  readonly expected: (own: string) => Labels[];
}

/** kube-state-metrics' owner series of a pod. */
const owner = ({ pod, ownerKind, ownerName }: Pod, namespace: string) =>
  series('kube_pod_owner', { namespace, pod, owner_kind: ownerKind, owner_name: ownerName, owner_is_controller: ownerKind === '<none>' ? '<none>' : 'true' }, '1x45');
/** A scenario whose series are per pod: the instance's own pods and Job pods, and the strangers' next to them. */
const perPod = (make: (pod: string, namespace: string, unhealthy: boolean) => Series[], expected: (own: string) => Labels[]): Scenario => {
  const of = (pods: Pod[], namespace: string, unhealthy: boolean) =>
    pods.flatMap((pod) => [...make(pod.pod, namespace, unhealthy), owner(pod, namespace)]);
  return {
    make: (instance, namespace, unhealthy) => of([...deploymentPods(instance), ...jobPods(instance)], namespace, unhealthy),
    strangers: (own, unhealthy) => of(strangerPods(own), NAMESPACE, unhealthy),
    expected,
  };
};
const ownPods = (extra: Labels = {}) => (own: string) => deploymentPods(own).map(({ pod }) => ({ namespace: NAMESPACE, pod, ...extra }));
const container = { container: 'superset' };

const SCENARIOS: Record<string, Scenario> = {
  SupersetPodCrashLooping: perPod(
    (pod, namespace, bad) => [series('kube_pod_container_status_restarts_total', { namespace, pod, ...container }, bad ? '0+1x45' : '0x45')],
    ownPods(container),
  ),
  SupersetContainerMemoryNearLimit: perPod((pod, namespace, bad) => [
    series('container_memory_working_set_bytes', { namespace, pod, ...container }, bad ? '950x45' : '100x45'),
    series('kube_pod_container_resource_limits', { namespace, pod, ...container, resource: 'memory' }, '1000x45'),
  ], ownPods(container)),
  SupersetContainerCpuNearLimit: perPod((pod, namespace, bad) => [
    series('container_cpu_usage_seconds_total', { namespace, pod, ...container }, bad ? '0+54x45' : '0+6x45'),
    series('kube_pod_container_resource_limits', { namespace, pod, ...container, resource: 'cpu' }, '1x45'),
  ], ownPods(container)),
  SupersetWebServerReplicasUnavailable: {
    make: (instance, namespace, bad) => [
      series('kube_deployment_status_replicas_available', { namespace, deployment: `${instance}-web-server` }, bad ? '1x45' : '2x45'),
      series('kube_deployment_spec_replicas', { namespace, deployment: `${instance}-web-server` }, '2x45'),
    ],
    expected: (own) => [{ namespace: NAMESPACE, deployment: `${own}-web-server` }],
  },
  SupersetWebServerDown: {
    make: (instance, namespace, bad) => [
      series('kube_deployment_status_replicas_available', { namespace, deployment: `${instance}-web-server` }, bad ? '0x45' : '1x45'),
      series('kube_deployment_spec_replicas', { namespace, deployment: `${instance}-web-server` }, '1x45'),
    ],
    expected: (own) => [{ namespace: NAMESPACE, deployment: `${own}-web-server` }],
  },
  SupersetCeleryBeatNotRunning: {
    make: (instance, namespace, bad) => [
      series('kube_deployment_status_replicas_available', { namespace, deployment: `${instance}-celery-beat` }, bad ? '0x45' : '1x45'),
    ],
    expected: (own) => [{ namespace: NAMESPACE, deployment: `${own}-celery-beat` }],
  },
  SupersetNoCeleryWorkerOnline: {
    make: (instance, namespace, bad) => [series('flower_worker_online', { namespace, service: `${instance}-celery-flower` }, bad ? '0x45' : '1x45')],
    expected: () => [{ namespace: NAMESPACE }],
  },
  SupersetLifecycleJobFailed: {
    make: (instance, namespace, bad) => jobs(instance).map((job) =>
      series('kube_job_failed', { namespace, job_name: job, condition: 'true' }, bad ? '1x45' : '0x45')),
    expected: (own) => jobs(own).map((job) => ({ namespace: NAMESPACE, job_name: job })),
  },
  SupersetPodWaitingForMigrations: perPod((pod, namespace, bad) => [
    series('kube_pod_init_container_status_running', { namespace, pod, container: SCHEMA_WAIT_CONTAINER }, bad ? '1x45' : '0x45'),
  ], ownPods()),
  SupersetHighServerErrorRatio: {
    make: (instance, namespace, bad) => [
      series('superset_api_requests_total', { namespace, service: `${instance}-web-server`, outcome: 'error' }, bad ? '0+10x45' : '0x45'),
      series('superset_api_requests_total', { namespace, service: `${instance}-web-server`, outcome: 'success' }, '0+10x45'),
    ],
    expected: () => [{ namespace: NAMESPACE }],
  },
  SupersetHighRequestLatency: {
    make: (instance, namespace, bad) => [['2', bad ? '0x45' : '0+10x45'], ['5', '0+10x45'], ['+Inf', '0+10x45']].map(([le, values]) =>
      series('superset_api_request_duration_seconds_bucket', { namespace, service: `${instance}-web-server`, le }, values)),
    expected: () => [{ namespace: NAMESPACE }],
  },
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'promtool-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(INSTANCES)('the alerts of $own', ({ own, neighbours: NEIGHBOURS }) => {
  let rules: { alert: string; expr: string; for: string; labels: Labels }[];
  beforeAll(() => {
    const manifests = synth({ ...MONITORED, lifecycle: {}, name: own }, own);
    const rule = manifests.find((m) => m.kind === 'PrometheusRule')!;
    // Annotations are left out: they are text for people, and this test is about which series the expressions match.
    rules = rule.spec.groups[0].rules.map((r: any) => ({ alert: r.alert, expr: r.expr, for: r.for, labels: r.labels }));
  });

  test('every alert has a scenario', () => {
    expect(rules.map((r) => r.alert).sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  test.each(Object.keys(SCENARIOS))('%s fires for its instance only', (alert) => {
    const rule = rules.find((r) => r.alert === alert)!;
    const { make, strangers = () => [], expected } = SCENARIOS[alert];
    const others = (unhealthy: boolean) => NEIGHBOURS.flatMap(([instance, namespace]) => make(instance, namespace, unhealthy))
      .concat(strangers(own, unhealthy));
    const expect_ = (alerts: Labels[]) => [{ eval_time: '45m', alertname: alert, exp_alerts: alerts.map((labels) => ({ exp_labels: { ...rule.labels, ...labels } })) }];
    const file = `${own.length}-${alert}`;
    writeFileSync(path.join(dir, `${file}.rules.yml`), Yaml.stringify({ groups: [{ name: 'test', rules: [rule] }] }));
    writeFileSync(path.join(dir, `${file}.test.yml`), Yaml.stringify({
      rule_files: [`${file}.rules.yml`],
      evaluation_interval: '1m',
      tests: [
        // Only the instance is unhealthy: one alert per unhealthy object of its own.
        { interval: '1m', input_series: make(own, NAMESPACE, true).concat(others(false)), alert_rule_test: expect_(expected(own)) },
        // Everyone is unhealthy: still only its own objects.
        { interval: '1m', input_series: make(own, NAMESPACE, true).concat(others(true)), alert_rule_test: expect_(expected(own)) },
        // Only the neighbours and the other workloads are unhealthy: silence.
        { interval: '1m', input_series: make(own, NAMESPACE, false).concat(others(true)), alert_rule_test: expect_([]) },
      ],
    }));
    const run = spawnSync('promtool', ['test', 'rules', `${file}.test.yml`], { cwd: dir, encoding: 'utf-8' });
    // promtool's report names the alerts it expected and got.
    expect(run.status === 0 ? '' : run.stdout + run.stderr).toBe('');
  });
});
