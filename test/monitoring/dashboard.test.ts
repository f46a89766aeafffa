import { parse } from 'yaml';
import { NAMESPACE, ofKind, synthMonitored } from './fixture';
import { expectScopedToInstance } from './scope';
import { find, type Manifest } from '../util';

/** The dashboard ConfigMap's one file, parsed. */
function dashboardOf(manifests: Manifest[]): any {
  const configMap = find(manifests, 'ConfigMap', 'demo-grafana-dashboard');
  const files = Object.entries(configMap.data);
  // The sidecar writes every key into one folder: the key names the namespace and instance.
  expect(files.map(([key]) => key)).toEqual([`superset-${configMap.metadata.namespace}-demo.json`]);
  return JSON.parse(files[0][1] as string);
}

const titles = (dashboard: any): string[] => dashboard.panels.map((p: any) => p.title);
const queries = (dashboard: any): string[] => dashboard.panels.flatMap((p: any) => (p.targets ?? []).map((t: any) => t.expr));

describe('the Grafana dashboard', () => {
  const manifests = synthMonitored();
  const configMap = find(manifests, 'ConfigMap', 'demo-grafana-dashboard');
  const dashboard = dashboardOf(manifests);

  test('is a ConfigMap the kube-prometheus-stack Grafana sidecar loads', () => {
    expect(configMap.metadata.namespace).toBe(NAMESPACE);
    expect(configMap.metadata.labels).toEqual({
      'grafana_dashboard': '1',
      'app.kubernetes.io/name': 'superset',
      'app.kubernetes.io/instance': 'demo',
      'superset.apache.org/parent': 'demo',
    });
  });

  test('is valid dashboard JSON with a stable uid, unique panel ids and a data source variable', () => {
    expect(dashboard.title).toBe(`Superset / ${NAMESPACE} / demo`);
    expect(dashboard.uid.length).toBeLessThanOrEqual(40);
    expect(dashboardOf(synthMonitored()).uid).toBe(dashboard.uid);
    expect(dashboardOf(synthMonitored({ namespace: 'other' })).uid).not.toBe(dashboard.uid);
    const ids = dashboard.panels.map((p: any) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.templating.list).toEqual([expect.objectContaining({ name: 'datasource', type: 'datasource', query: 'prometheus' })]);
    for (const panel of dashboard.panels.filter((p: any) => p.type !== 'row')) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets.length).toBeGreaterThan(0);
      // Each query runs on its panel's data source, which Grafana gives the queries that name none.
      for (const target of panel.targets) expect(Object.keys(target).sort()).toEqual(['expr', 'legendFormat', 'refId']);
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
    }
  });

  test('shows request rate, errors, latency, pod CPU and memory, and Celery task throughput', () => {
    expect(titles(dashboard)).toEqual(expect.arrayContaining([
      'API requests by outcome', 'API server error ratio', 'API request latency',
      'CPU by pod', 'Memory working set by pod', 'Celery tasks by outcome',
    ]));
  });

  test('every panel query parses and matches only this instance', () => {
    const mapping = parse(find(manifests, 'ConfigMap', 'demo-statsd-mapping').data['mapping.yaml']);
    const exporter = mapping.mappings.flatMap((m: any) => [m.name, `${m.name}_bucket`]);
    const known = new Set([
      ...exporter, 'container_cpu_usage_seconds_total', 'container_memory_working_set_bytes', 'kube_pod_container_status_restarts_total',
      'flower_events_total', 'flower_worker_online', 'flower_task_runtime_seconds_bucket', 'kube_pod_owner',
    ]);
    expectScopedToInstance(queries(dashboard), known);
  });

  test('leaves out the panels whose metrics do not exist', () => {
    const noExporter = dashboardOf(synthMonitored({ monitoring: { serviceMonitor: {}, statsdExporter: { disabled: true } } }));
    expect(titles(noExporter).filter((t) => t.startsWith('API'))).toEqual([]);
    expect(titles(noExporter)).toContain('CPU by pod');
    const noFlower = dashboardOf(synthMonitored({ celeryFlower: undefined }));
    expect(titles(noFlower).filter((t) => t.startsWith('Celery'))).toEqual([]);
  });

  test('takes extra labels and annotations, and can be disabled', () => {
    const custom = find(synthMonitored({
      monitoring: { serviceMonitor: {}, dashboard: { labels: { grafana_dashboard: 'true', team: 'bi' }, annotations: { grafana_folder: 'Superset' } } },
    }), 'ConfigMap', 'demo-grafana-dashboard');
    expect(custom.metadata.labels).toMatchObject({ 'grafana_dashboard': 'true', 'team': 'bi', 'app.kubernetes.io/instance': 'demo' });
    expect(custom.metadata.annotations).toEqual({ grafana_folder: 'Superset' });
    const disabled = synthMonitored({ monitoring: { serviceMonitor: {}, dashboard: { disabled: true } } });
    expect(ofKind(disabled, 'ConfigMap').map((c) => c.metadata.name)).not.toContain('demo-grafana-dashboard');
  });
});
