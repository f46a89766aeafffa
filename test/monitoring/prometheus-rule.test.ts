import { parse } from 'yaml';
import { NAMESPACE, ofKind, synthMonitored } from './fixture';
import { expectScopedToInstance } from './scope';
import type { SupersetInstanceProps } from '../../src';
import { matcherAccepts, parsePromQL } from '../support/promql';
import { find, type Manifest } from '../util';

/** Every alert of the instance's PrometheusRule. */
function alertsOf(manifests: Manifest[]): any[] {
  return find(manifests, 'PrometheusRule', 'demo').spec.groups.flatMap((g: any) => g.rules);
}

/** The names of the series each source exposes; exporter names come from the rendered mapping. */
function knownMetrics(manifests: Manifest[]): Set<string> {
  const mapping = parse(find(manifests, 'ConfigMap', 'demo-statsd-mapping').data['mapping.yaml']);
  const exporter = mapping.mappings.flatMap((m: any) => (m.name.endsWith('_seconds') ? [`${m.name}_bucket`, `${m.name}_count`, `${m.name}_sum`] : [m.name]));
  return new Set([
    // kube-state-metrics
    'kube_pod_container_status_restarts_total', 'kube_pod_container_status_waiting_reason', 'kube_pod_container_resource_limits',
    'kube_deployment_status_replicas_available', 'kube_deployment_spec_replicas',
    'kube_job_failed', 'kube_pod_init_container_status_running', 'kube_pod_owner',
    // cAdvisor (kubelet)
    'container_memory_working_set_bytes', 'container_cpu_usage_seconds_total',
    // Flower
    'flower_worker_online', 'flower_events_total', 'flower_task_runtime_seconds_bucket',
    ...exporter,
  ]);
}

describe('the PrometheusRule', () => {
  const manifests = synthMonitored();
  const rule = find(manifests, 'PrometheusRule', 'demo');
  const alerts = alertsOf(manifests);

  test('is named after the instance, in its namespace, labelled like the ServiceMonitor', () => {
    expect(rule.metadata).toMatchObject({ name: 'demo', namespace: NAMESPACE });
    expect(rule.metadata.labels).toEqual(find(manifests, 'ServiceMonitor', 'demo').metadata.labels);
  });

  test('holds the alert pack', () => {
    expect(alerts.map((a) => a.alert)).toEqual([
      'SupersetPodCrashLooping',
      'SupersetContainerMemoryNearLimit',
      'SupersetContainerCpuNearLimit',
      'SupersetWebServerReplicasUnavailable',
      'SupersetWebServerDown',
      'SupersetCeleryBeatNotRunning',
      'SupersetNoCeleryWorkerOnline',
      'SupersetHighServerErrorRatio',
      'SupersetHighRequestLatency',
    ]);
  });

  test('alert names are unique', () => {
    expect(new Set(alerts.map((a) => a.alert)).size).toBe(alerts.length);
  });

  test('every alert has a severity, a summary, a description and a duration', () => {
    for (const alert of alerts) {
      expect(Object.keys(alert.labels)).toEqual(['severity']);
      expect(['warning', 'critical']).toContain(alert.labels.severity);
      expect(alert.annotations.summary).toMatch(/\S/);
      expect(alert.annotations.description).toMatch(/\S/);
      expect(alert.for).toMatch(/^\d+m$/);
    }
  });

  test('every expression is valid PromQL on real metric names, matching only this instance\'s objects', () => {
    expectScopedToInstance(alerts.map((a) => a.expr), knownMetrics(manifests));
  });

  test('thresholds: 90% memory, 80% CPU, 5% server errors, p95 above 2 s', () => {
    const expr = (name: string) => alerts.find((a) => a.alert === name).expr;
    expect(expr('SupersetContainerMemoryNearLimit')).toMatch(/resource="memory".*\n> 0\.9\)\nand on \(namespace, pod\) kube_pod_owner/s);
    expect(expr('SupersetContainerCpuNearLimit')).toMatch(/resource="cpu".*\n> 0\.8\)\nand on \(namespace, pod\) kube_pod_owner/s);
    expect(expr('SupersetHighServerErrorRatio')).toMatch(/outcome="error".*\n> 0\.05$/s);
    expect(expr('SupersetHighRequestLatency')).toMatch(/^histogram_quantile\(0\.95, .*\) > 2$/);
    expect(alerts.find((a) => a.alert === 'SupersetContainerMemoryNearLimit').for).toBe('5m');
    expect(alerts.find((a) => a.alert === 'SupersetContainerCpuNearLimit').for).toBe('5m');
  });
});

describe('alerts follow what the instance runs', () => {
  const names = (manifests: Manifest[]) => alertsOf(manifests).map((a) => a.alert);

  test('no beat alert without beat, no worker alert without Flower or workers', () => {
    expect(names(synthMonitored({ celeryBeat: undefined }))).not.toContain('SupersetCeleryBeatNotRunning');
    expect(names(synthMonitored({ celeryFlower: undefined }))).not.toContain('SupersetNoCeleryWorkerOnline');
    expect(names(synthMonitored({ celeryWorker: undefined }))).not.toContain('SupersetNoCeleryWorkerOnline');
  });

  test('no request alerts without the exporter, whose metrics they read', () => {
    const off = names(synthMonitored({ monitoring: { serviceMonitor: {}, statsdExporter: { disabled: true } } }));
    expect(off).not.toContain('SupersetHighServerErrorRatio');
    expect(off).not.toContain('SupersetHighRequestLatency');
    expect(off).toContain('SupersetPodCrashLooping');
  });

  test('the pod owners cover exactly the components that run, and decide which pods count; the pod names only narrow the read', () => {
    const expr = alertsOf(synthMonitored({ celeryWorker: undefined, celeryBeat: undefined, celeryFlower: undefined, mcpServer: {} }))[0].expr;
    expect(expr).toContain('owner_name=~"demo-(web-server|mcp-server)-[^-]+"');
    // Only the instance's prefix, so that in a namespace shared by many instances each rule reads its own pods' series.
    expect(expr.match(/pod=~"[^"]*"/g)).toEqual(['pod=~"demo-.+"', 'pod=~"demo-.+"']);
  });

  test('disabled, there is no PrometheusRule', () => {
    expect(ofKind(synthMonitored({ monitoring: { serviceMonitor: {}, prometheusRule: { disabled: true } } }), 'PrometheusRule')).toEqual([]);
  });

  test('its own labels replace the ServiceMonitor\'s, under the managed ones', () => {
    const manifests = synthMonitored({
      monitoring: { serviceMonitor: { labels: { release: 'prometheus' } }, prometheusRule: { labels: { 'role': 'alert-rules', 'app.kubernetes.io/name': 'x' } } },
    });
    expect(find(manifests, 'PrometheusRule', 'demo').metadata.labels).toEqual({
      'role': 'alert-rules',
      'app.kubernetes.io/name': 'superset',
      'app.kubernetes.io/instance': 'demo',
      'superset.apache.org/parent': 'demo',
    });
  });
});

describe('lifecycle alerts', () => {
  const METASTORE = { host: 'pg', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'pw' } };
  const withLifecycle = (lifecycle: object, props: Partial<SupersetInstanceProps> = {}) => synthMonitored({ lifecycle, ...props });
  const alert = (manifests: Manifest[], name: string) => alertsOf(manifests).find((a) => a.alert === name);
  const names = (manifests: Manifest[]) => alertsOf(manifests).map((a) => a.alert);
  /** The one matcher on `label` of an alert's first selector. */
  const matcherOf = (expr: string, label: string) => parsePromQL(expr).selectors[0].matchers.find((m) => m.label === label)!;

  test('with Plain delivery: a failed Job is critical, pods waiting for migrations for 30 minutes a warning', () => {
    const manifests = withLifecycle({});
    expect(names(manifests).filter((n) => /Lifecycle|Migrations/.test(n))).toEqual(['SupersetLifecycleJobFailed', 'SupersetPodWaitingForMigrations']);
    expect(alert(manifests, 'SupersetLifecycleJobFailed')).toMatchObject({ labels: { severity: 'critical' } });
    expect(alert(manifests, 'SupersetPodWaitingForMigrations')).toMatchObject({ for: '30m', labels: { severity: 'warning' } });
    expectScopedToInstance(alertsOf(manifests).map((a) => a.expr), knownMetrics(manifests));
  });

  test('a Job counts as failed once Kubernetes gives up on it, not after an attempt a retry makes good', () => {
    const expr = alert(withLifecycle({}), 'SupersetLifecycleJobFailed').expr;
    expect(parsePromQL(expr).selectors[0].metric).toBe('kube_job_failed');
    expect(matcherOf(expr, 'condition')).toEqual({ label: 'condition', op: '=', value: 'true' });
    expect(expr).toMatch(/^max by \(namespace, job_name\) \(.*\) > 0$/);
  });

  test.each(['Plain', 'ArgoCD', 'Helm'] as const)('the failed-Job alert matches every Job %s delivery creates', (delivery) => {
    const manifests = withLifecycle({ delivery, rotate: {} }, { previousSecretKeyFrom: { name: 'old', key: 'k' }, metastore: METASTORE });
    const matcher = matcherOf(alert(manifests, 'SupersetLifecycleJobFailed').expr, 'job_name');
    const jobs = manifests.filter((m) => m.kind === 'Job').map((m) => m.metadata.name);
    expect(jobs).toHaveLength(3);
    for (const job of jobs) expect([job, matcherAccepts(matcher, { job_name: job })]).toEqual([job, true]);
  });

  test('the failed-Job alert matches the seed Job and the Jobs its CronJob creates', () => {
    const manifests = withLifecycle(
      { seed: { source: { host: 'prod', database: 'superset', username: 'r', passwordFrom: { name: 'p', key: 'k' } }, cronSchedule: '0 3 * * *' } },
      { environment: 'Staging', metastore: METASTORE },
    );
    const matcher = matcherOf(alert(manifests, 'SupersetLifecycleJobFailed').expr, 'job_name');
    const seed = manifests.find((m) => m.kind === 'Job' && m.metadata.labels?.['superset.apache.org/init-task'] === 'seed')!;
    const cronJob = find(manifests, 'CronJob', 'demo-seed');
    // The CronJob controller names its Jobs `<CronJob>-<scheduled time in minutes>`.
    for (const job of [seed.metadata.name, `${cronJob.metadata.name}-28912345`]) {
      expect([job, matcherAccepts(matcher, { job_name: job })]).toEqual([job, true]);
    }
  });

  test('the wait alert watches the init container the component pods wait in', () => {
    const manifests = withLifecycle({});
    const container = matcherOf(alert(manifests, 'SupersetPodWaitingForMigrations').expr, 'container').value;
    for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
      expect(deployment.spec.template.spec.initContainers.map((c: any) => c.name)).toContain(container);
    }
  });

  test.each(['ArgoCD', 'Helm'] as const)('with %s delivery, pods do not wait, so only the failed-Job alert is there', (delivery) => {
    const manifests = withLifecycle({ delivery });
    expect(names(manifests)).toContain('SupersetLifecycleJobFailed');
    expect(names(manifests)).not.toContain('SupersetPodWaitingForMigrations');
  });

  test('without migrate, pods do not wait either', () => {
    expect(names(withLifecycle({ migrate: { disabled: true } }))).not.toContain('SupersetPodWaitingForMigrations');
  });

  test('with the lifecycle disabled there is neither', () => {
    const off = names(withLifecycle({ disabled: true }));
    expect(off).not.toContain('SupersetLifecycleJobFailed');
    expect(off).not.toContain('SupersetPodWaitingForMigrations');
  });
});
