// The Grafana dashboard: one for every instance. Its queries, with the variables replaced as Grafana's Prometheus
// data source replaces a single-valued variable (the value inserted as it is: DNS labels need no escaping), read
// only the selected instance's series; Prometheus' own parser (promtool) accepts every query, and Prometheus'
// rule engine finds the instances the way the variables do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Chart, Testing, Yaml } from 'cdk8s';
import { MONITORED, NAMESPACE } from './fixture';
import { expectScopedToInstance } from './scope';
import { SupersetDashboard, type SupersetDashboardProps, SupersetInstance } from '../../src';
import { SUPERSET_METRICS } from '../../src/base/monitoring-names';
import { BASE, type Manifest } from '../util';

function synthDashboard(props?: SupersetDashboardProps, chartNamespace?: string): Manifest[] {
  const chart = new Chart(Testing.app(), 'test', { namespace: chartNamespace });
  new SupersetDashboard(chart, 'Dashboard', props);
  return chart.toJson();
}

/** The dashboard ConfigMap's one file, parsed. */
function dashboardOf(manifests: Manifest[]): any {
  expect(manifests).toHaveLength(1);
  const files = Object.entries(manifests[0].data);
  // The sidecar writes every key into one folder: the file is named after the dashboard's uid.
  expect(files.map(([key]) => key)).toEqual([`${JSON.parse(files[0][1] as string).uid}.json`]);
  return JSON.parse(files[0][1] as string);
}

const dashboard = dashboardOf(synthDashboard({ namespace: 'monitoring' }));
const panels = dashboard.panels.filter((p: any) => p.type !== 'row');
const queries: string[] = panels.flatMap((p: any) => p.targets.map((t: any) => t.expr));
const variable = (name: string) => dashboard.templating.list.find((v: any) => v.name === name);

/** A query as Grafana sends it for `namespace` and `instance`: each `$variable` replaced by its value. */
function selected(query: string, namespace: string, instance: string): string {
  const values: Record<string, string> = { namespace, instance };
  return query.replace(/\$(\w+)/g, (whole, name: string) => values[name] ?? whole);
}

describe('SupersetDashboard', () => {
  test('is one ConfigMap the kube-prometheus-stack Grafana sidecar loads, in the namespace given or the chart\'s', () => {
    const [configMap] = synthDashboard({ namespace: 'monitoring' });
    expect(configMap.metadata).toEqual({
      name: 'cdk8s-superset-dashboard',
      namespace: 'monitoring',
      labels: { 'grafana_dashboard': '1', 'app.kubernetes.io/name': 'superset' },
    });
    expect(synthDashboard(undefined, 'grafana')[0].metadata.namespace).toBe('grafana');
    expect(synthDashboard({ name: 'bi-dashboards' })[0].metadata.name).toBe('bi-dashboards');
  });

  test('takes extra labels, including another grafana_dashboard value, and annotations', () => {
    const [configMap] = synthDashboard({ labels: { grafana_dashboard: 'true', team: 'bi' }, annotations: { grafana_folder: 'Superset' } });
    expect(configMap.metadata.labels).toEqual({ 'grafana_dashboard': 'true', 'team': 'bi', 'app.kubernetes.io/name': 'superset' });
    expect(configMap.metadata.annotations).toEqual({ grafana_folder: 'Superset' });
  });

  test('one per tenant: its own uid, title and file, offering only the instances of the tenant\'s namespaces', () => {
    const tenant = dashboardOf(synthDashboard({ uid: 'superset-team-a', title: 'Superset (team A)', instanceNamespaces: ['team-a', 'team-a-dev'] }));
    expect([tenant.uid, tenant.title]).toEqual(['superset-team-a', 'Superset (team A)']);
    expect(variable('namespace').query).toBe('label_values(kube_deployment_spec_replicas{deployment=~".+-web-server"}, namespace)');
    expect(tenant.templating.list[1].query)
      .toBe('label_values(kube_deployment_spec_replicas{namespace=~"team-a|team-a-dev", deployment=~".+-web-server"}, namespace)');
    // Everything else is the same dashboard.
    expect({ ...tenant, uid: '', title: '', templating: {} }).toEqual({ ...dashboard, uid: '', title: '', templating: {} });
    expect(Object.keys(synthDashboard({ uid: 'superset-team-a' })[0].data)).toEqual(['superset-team-a.json']);
  });

  test('its ConfigMap is named after the uid; two dashboards writing one ConfigMap are refused', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'monitoring' });
    new SupersetDashboard(chart, 'All');
    const tenant = new SupersetDashboard(chart, 'TeamA', { uid: 'superset-team-a', instanceNamespaces: ['team-a'] });
    expect(tenant.configMap.name).toBe('superset-team-a-dashboard');
    expect(() => new SupersetDashboard(chart, 'Again')).toThrow(
      /SupersetDashboard 'Again'[\s\S]*name: SupersetDashboard 'test\/All' already writes ConfigMap 'cdk8s-superset-dashboard' in namespace 'monitoring'[\s\S]*give each dashboard its own uid/);
    expect(() => new SupersetDashboard(chart, 'Named', { uid: 'other', name: 'superset-team-a-dashboard', namespace: 'monitoring' }))
      .toThrow(/already writes ConfigMap 'superset-team-a-dashboard'/);
    // Another namespace is another ConfigMap.
    expect(new SupersetDashboard(chart, 'Elsewhere', { namespace: 'grafana' }).configMap.name).toBe('cdk8s-superset-dashboard');
  });

  test('an empty instanceNamespaces offers no one: refused, not read as every namespace', () => {
    expect(() => synthDashboard({ instanceNamespaces: [] })).toThrow(/instanceNamespaces: must name at least one namespace.*leave instanceNamespaces out/);
    expect(() => synthDashboard({ instanceNamespaces: ['Team_A'], uid: 'a/b', title: '' }))
      .toThrow(/3 problems:[\s\S]*uid: must be 1 to 40 lowercase letters[\s\S]*title: must not be empty[\s\S]*instanceNamespaces\[0\]: must be a DNS label/);
  });

  test('refuses bad props, every problem at once, naming each field, and builds nothing', () => {
    const chart = new Chart(Testing.app(), 'test');
    let message = '';
    try {
      new SupersetDashboard(chart, 'Dashboard', {
        namespace: 'Monitoring', name: 'a_b', labels: { 'superset.apache.org/parent': 'x', 'bad key!': 'v' }, helmChart: 'yes' as never,
      });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^SupersetDashboard 'Dashboard': 5 problems/);
    for (const field of ['namespace', 'name', 'labels["bad key!"]', 'helmChart', 'labels']) expect(message).toContain(`- ${field}:`);
    expect(chart.toJson()).toEqual([]);
  });

  test('is valid dashboard JSON with a fixed uid, unique panel ids and data source, namespace and instance variables', () => {
    expect(dashboard.uid).toBe('cdk8s-superset');
    expect(dashboard.title).toBe('Superset');
    const ids = dashboard.panels.map((p: any) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(dashboard.templating.list.map((v: any) => [v.name, v.type])).toEqual([
      ['datasource', 'datasource'], ['namespace', 'query'], ['instance', 'query'],
    ]);
    for (const panel of panels) {
      expect(panel.datasource).toEqual({ type: 'prometheus', uid: '${datasource}' });
      expect(panel.targets.length).toBeGreaterThan(0);
      // Each query runs on its panel's data source, which Grafana gives the queries that name none.
      for (const target of panel.targets) expect(Object.keys(target).sort()).toEqual(['expr', 'legendFormat', 'refId']);
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
    }
    // The same bytes wherever it is placed: one dashboard, whatever the instances.
    expect(dashboardOf(synthDashboard({ namespace: 'other' }))).toEqual(dashboard);
  });

  test('shows requests, errors, latency, pod CPU and memory, Celery tasks and the queue', () => {
    expect(panels.map((p: any) => p.title)).toEqual(expect.arrayContaining([
      'API requests by outcome', 'API server error ratio', 'API request latency', 'CPU by pod', 'Memory working set by pod',
      'Celery tasks by outcome', 'Celery workers online', 'Celery tasks waiting in the queue', 'Celery worker replicas',
    ]));
  });

  test('every query, for the selected instance, matches only that instance', () => {
    const exporter = Object.values(SUPERSET_METRICS).flatMap((name) => [name, `${name}_bucket`]);
    const known = new Set([
      ...exporter, 'container_cpu_usage_seconds_total', 'container_memory_working_set_bytes', 'kube_pod_container_status_restarts_total',
      'flower_events_total', 'flower_worker_online', 'flower_task_runtime_seconds_bucket', 'kube_pod_owner',
      'kube_deployment_status_replicas',
    ]);
    expect(queries.join('\n')).not.toContain(NAMESPACE);
    // KEDA's queue length is labelled with the ScaledObject's namespace as exported_namespace: operations/queue-scaling.
    const scoped = queries.filter((q) => !q.includes('keda_scaler_metrics_value'));
    expect(scoped).toHaveLength(queries.length - 1);
    expectScopedToInstance(scoped.map((q) => selected(q, NAMESPACE, 'demo')), known);
  });
  // With helmChart, Go's real text/template renders it back: test/helm-delivery.test.ts.
});

describe('Prometheus reading the dashboard', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dashboard-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs promtool with `args`, files in `dir`; returns its output, failing the test with it on an error. */
  function promtool(...args: string[]): string {
    const run = spawnSync('promtool', args, { cwd: dir, encoding: 'utf-8' });
    const output = run.stdout + run.stderr;
    expect([run.status, output]).toEqual([0, output]);
    return run.stdout;
  }

  test('accepts every query, for an instance of any name', () => {
    for (const [namespace, instance] of [[NAMESPACE, 'demo'], ['a', 'b-web-server'], ['tenant-0', 'superset-analytics-eu-west-production-reporting-x']]) {
      const rules = queries.map((q, i) => ({ record: `dashboard:query_${i}`, expr: selected(q, namespace, instance) }));
      writeFileSync(path.join(dir, 'queries.yml'), Yaml.stringify({ groups: [{ name: 'dashboard', rules }] }));
      expect(promtool('check', 'rules', 'queries.yml')).toContain(`SUCCESS: ${rules.length} rules found`);
    }
  });

  test('the namespace and instance variables list each instance\'s web server, and the regex gives its name', () => {
    const namespaces = /^label_values\((.+), namespace\)$/.exec(variable('namespace').query)![1];
    const instances = /^label_values\((.+), deployment\)$/.exec(variable('instance').query)![1];
    const regex = /^\/(.+)\/$/.exec(variable('instance').regex)![1];
    // Web servers of instances `demo` and `demo-web-server` here, `demo` elsewhere; their other Deployments and a
    // Deployment whose name only contains `web-server` are not web servers.
    const deployments: [string, string][] = [
      [NAMESPACE, 'demo-web-server'], [NAMESPACE, 'demo-celery-worker'], [NAMESPACE, 'demo-web-server-web-server'],
      [NAMESPACE, 'demo-web-server-proxy'], ['staging', 'demo-web-server'], ['staging', 'demo-mcp-server'],
    ];
    const series = deployments.map(([namespace, deployment]) => ({
      series: `kube_deployment_spec_replicas{namespace="${namespace}",deployment="${deployment}"}`, values: '1',
    }));
    const rules = [
      { record: 'dashboard:namespaces', expr: `group by (namespace) (${namespaces})` },
      { record: 'dashboard:instances', expr: `group by (deployment) (${selected(instances, NAMESPACE, '')})` },
    ];
    writeFileSync(path.join(dir, 'variables.yml'), Yaml.stringify({ groups: [{ name: 'variables', rules }] }));
    const expected = (name: string, labels: string[]) => labels.map((l) => ({ labels: `${name}{${l}}`, value: 1 }));
    writeFileSync(path.join(dir, 'variables.test.yml'), Yaml.stringify({
      rule_files: ['variables.yml'],
      evaluation_interval: '1m',
      tests: [{
        interval: '1m',
        input_series: series,
        promql_expr_test: [
          { expr: 'dashboard:namespaces', eval_time: '0m', exp_samples: expected('dashboard:namespaces', [`namespace="${NAMESPACE}"`, 'namespace="staging"']) },
          {
            expr: 'dashboard:instances',
            eval_time: '0m',
            exp_samples: expected('dashboard:instances', ['deployment="demo-web-server"', 'deployment="demo-web-server-web-server"']),
          },
        ],
      }],
    }));
    promtool('test', 'rules', 'variables.test.yml');
    // Grafana keeps the capture of the variable's regex as the value.
    const names = ['demo-web-server', 'demo-web-server-web-server'].map((d) => new RegExp(regex).exec(d)?.[1]);
    expect(names).toEqual(['demo', 'demo-web-server']);
  });
});

test('monitored instances emit no dashboard of their own: an app of many has the one it places', () => {
  const chart = new Chart(Testing.app(), 'c');
  for (const name of ['a', 'b']) new SupersetInstance(chart, name, { ...BASE, ...MONITORED, namespace: `tenant-${name}` });
  new SupersetDashboard(chart, 'Dashboard', { namespace: 'monitoring' });
  const dashboards = chart.toJson().filter((m: Manifest) => m.metadata.labels?.grafana_dashboard !== undefined);
  expect(dashboards.map((m: Manifest) => [m.kind, m.metadata.namespace, m.metadata.name]))
    .toEqual([['ConfigMap', 'monitoring', 'cdk8s-superset-dashboard']]);
});
