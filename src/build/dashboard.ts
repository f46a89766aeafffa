import type * as k8s from '../../imports/k8s';
import { COMPONENT_TYPES, type ComponentType } from '../base/component-types';
import type { Labels } from '../base/labels';
import { type Manifest, objectMeta } from '../base/manifest';
import { SUPERSET_METRICS } from '../base/monitoring-names';
import {
  containerScope, deploymentScope, eq, matches, ofOwnPods, podScope, type QueryScope, scaledObjectQueueLength, selector,
} from '../render/promql';

/**
 * A Prometheus query of a panel. It names no data source of its own: Grafana runs a query without one on its
 * panel's (a query-level data source is only for panels that mix data sources).
 */
export interface DashboardTarget {
  readonly refId: string;
  readonly expr: string;
  readonly legendFormat: string;
}

/** The data source of a panel: the dashboard's `datasource` variable. */
export interface DashboardDatasource {
  readonly type: 'prometheus';
  readonly uid: string;
}

/** A Grafana panel: a time series, or a row heading a section. */
export interface DashboardPanel {
  readonly id: number;
  readonly type: 'timeseries' | 'row';
  readonly title: string;
  readonly gridPos: { readonly h: number; readonly w: number; readonly x: number; readonly y: number };
  readonly collapsed?: boolean;
  readonly datasource?: DashboardDatasource;
  readonly fieldConfig?: { readonly defaults: { readonly unit: string; readonly min?: number }; readonly overrides: readonly [] };
  readonly targets?: readonly DashboardTarget[];
}

/** The parts of Grafana's dashboard JSON model this dashboard uses. */
export interface GrafanaDashboard {
  readonly uid: string;
  readonly title: string;
  readonly tags: readonly string[];
  readonly timezone: string;
  readonly editable: boolean;
  readonly schemaVersion: number;
  readonly refresh: string;
  readonly time: { readonly from: string; readonly to: string };
  readonly templating: { readonly list: readonly object[] };
  readonly panels: readonly DashboardPanel[];
}

const DATASOURCE: DashboardDatasource = { type: 'prometheus', uid: '${datasource}' };
const WIDTH = 24;
const PANEL = { w: 8, h: 8 };

/**
 * The instance every query reads: Grafana's variables, which it replaces by the selected namespace and instance
 * before a query reaches Prometheus. Both are DNS labels, and a variable with one value and no "All" is inserted
 * with only backslashes and quotes escaped, of which DNS labels have none, so the queries read as if written for
 * that instance. Every component is listed: an instance has only Deployments of its own components.
 */
const SELECTED: QueryScope = { namespace: '$namespace', instance: '$instance', components: COMPONENT_TYPES };

/**
 * The web server Deployments kube-state-metrics reports, one per instance (`<instance>-web-server`), in `namespace`
 * (a matcher), or anywhere.
 */
function webServers(namespace?: string): string {
  return selector('kube_deployment_spec_replicas', ...(namespace ? [namespace] : []), matches('deployment', '.+-web-server'));
}

/** Series scraped from a component's Service of the selected instance (prometheus-operator sets `service`). */
function serviceOf(component: ComponentType): string[] {
  return [eq('namespace', SELECTED.namespace), eq('service', `${SELECTED.instance}-${component}`)];
}

/** A panel before layout: title, unit and its queries as `[expr, legend]`. */
interface PanelSpec {
  readonly title: string;
  readonly unit: string;
  readonly queries: readonly (readonly [string, string])[];
}

interface Section {
  readonly title: string;
  readonly panels: readonly PanelSpec[];
}

/** From the StatsD exporters of the web server and the Celery workers. */
function requestSection(): Section {
  const web = serviceOf('web-server');
  const exporters = [eq('namespace', SELECTED.namespace), matches('service', `${SELECTED.instance}-(web-server|celery-worker)`)];
  const rate = (metric: string, scope: string[], ...extra: string[]) => `rate(${selector(metric, ...scope, ...extra)}[5m])`;
  const requests = (...extra: string[]) => `sum(${rate(SUPERSET_METRICS.requests, web, ...extra)})`;
  const quantile = (q: number, by: string, metric: string, scope: string[]) =>
    `histogram_quantile(${q}, sum by (${by}) (${rate(`${metric}_bucket`, scope)}))`;
  return {
    title: 'Requests',
    panels: [
      { title: 'API requests by outcome', unit: 'reqps', queries: [[`sum by (outcome) (${rate(SUPERSET_METRICS.requests, web)})`, '{{outcome}}']] },
      { title: 'API server error ratio', unit: 'percentunit', queries: [[`${requests(eq('outcome', 'error'))} / ${requests()}`, 'errors']] },
      {
        title: 'API request latency',
        unit: 's',
        queries: [0.5, 0.95, 0.99].map((q) => [quantile(q, 'le', SUPERSET_METRICS.requestDuration, web), `p${q * 100}`] as const),
      },
      {
        title: 'Slowest API endpoints (p95)',
        unit: 's',
        queries: [[`topk(5, ${quantile(0.95, 'api, api_method, le', SUPERSET_METRICS.requestDuration, web)})`, '{{api}}.{{api_method}}']],
      },
      { title: 'Chart data loads by source', unit: 'ops', queries: [[`sum by (source) (${rate(SUPERSET_METRICS.chartDataLoads, exporters)})`, '{{source}}']] },
      { title: 'SQL Lab query execution (p95)', unit: 's', queries: [[quantile(0.95, 'le', SUPERSET_METRICS.sqlLabExecution, exporters), 'p95']] },
    ],
  };
}

function podSection(): Section {
  const containers = containerScope(SELECTED);
  const own = (expr: string) => ofOwnPods(expr, SELECTED);
  return {
    title: 'Pods',
    panels: [
      { title: 'CPU by pod', unit: 'short', queries: [[`sum by (pod) (${own(`rate(${selector('container_cpu_usage_seconds_total', ...containers)}[5m])`)})`, '{{pod}}']] },
      { title: 'Memory working set by pod', unit: 'bytes', queries: [[`sum by (pod) (${own(selector('container_memory_working_set_bytes', ...containers))})`, '{{pod}}']] },
      {
        title: 'Container restarts (1h)',
        unit: 'short',
        queries: [[`sum by (pod, container) (${own(`increase(${selector('kube_pod_container_status_restarts_total', ...podScope(SELECTED))}[1h])`)})`, '{{pod}}/{{container}}']],
      },
    ],
  };
}

/** From Flower's metrics. */
function celerySection(): Section {
  const flower = serviceOf('celery-flower');
  const events = selector('flower_events_total', ...flower, matches('type', 'task-(succeeded|failed|retried)'));
  return {
    title: 'Celery',
    panels: [
      { title: 'Celery tasks by outcome', unit: 'ops', queries: [[`sum by (type) (rate(${events}[5m]))`, '{{type}}']] },
      { title: 'Celery workers online', unit: 'short', queries: [[`sum(${selector('flower_worker_online', ...flower)})`, 'online']] },
      {
        title: 'Celery task runtime by task (p95)',
        unit: 's',
        queries: [[`histogram_quantile(0.95, sum by (task, le) (rate(${selector('flower_task_runtime_seconds_bucket', ...flower)}[5m])))`, '{{task}}']],
      },
    ],
  };
}

/** With queue scaling: the waiting tasks KEDA reads for the workers' ScaledObject, and the workers it runs. */
function queueSection(): Section {
  const worker = `${SELECTED.instance}-celery-worker`;
  // max, not sum: replicated kube-state-metrics reports each Deployment once per replica.
  const replicas = selector('kube_deployment_status_replicas', ...deploymentScope(SELECTED, 'celery-worker'));
  return {
    title: 'Celery queue',
    panels: [
      { title: 'Celery tasks waiting in the queue', unit: 'short', queries: [[`max(${scaledObjectQueueLength(SELECTED.namespace, worker)})`, 'waiting']] },
      { title: 'Celery worker replicas', unit: 'short', queries: [[`max(${replicas})`, 'replicas']] },
    ],
  };
}

/** Lays sections out top to bottom: a row heading, then panels three to a row. Ids count up from 1. */
function layout(sections: readonly Section[]): DashboardPanel[] {
  const panels: DashboardPanel[] = [];
  let y = 0;
  for (const section of sections) {
    panels.push({ id: panels.length + 1, type: 'row', title: section.title, collapsed: false, gridPos: { h: 1, w: WIDTH, x: 0, y } });
    y += 1;
    const perRow = WIDTH / PANEL.w;
    section.panels.forEach((panel, i) => {
      panels.push({
        id: panels.length + 1,
        type: 'timeseries',
        title: panel.title,
        gridPos: { ...PANEL, x: (i % perRow) * PANEL.w, y: y + Math.floor(i / perRow) * PANEL.h },
        datasource: DATASOURCE,
        fieldConfig: { defaults: { unit: panel.unit, min: 0 }, overrides: [] },
        targets: panel.queries.map(([expr, legendFormat], q) => ({ refId: String.fromCharCode(65 + q), expr, legendFormat })),
      });
    });
    y += Math.ceil(section.panels.length / perRow) * PANEL.h;
  }
  return panels;
}

/**
 * A query variable listing what `query` (Grafana's `label_values`) returns, on the dashboard's data source,
 * refreshed with the time range so that new instances appear; `regex` keeps (the capture of) matching values.
 */
function queryVariable(name: string, label: string, query: string, regex = ''): object {
  return { name, label, type: 'query', datasource: DATASOURCE, query, definition: query, regex, refresh: 2, sort: 1, hide: 0 };
}

/** Which dashboard: its Grafana uid and title, and the namespaces whose instances it offers (undefined: all). */
export interface DashboardIdentity {
  readonly uid: string;
  readonly title: string;
  readonly instanceNamespaces?: readonly string[];
}

/** The dashboard of `SupersetDashboard` without props: Grafana uids are at most 40 characters, unique per Grafana. */
export const DEFAULT_DASHBOARD: DashboardIdentity = { uid: 'cdk8s-superset', title: 'Superset' };

/**
 * One Grafana dashboard for every instance: pick the namespace and the instance, and it shows API request rate,
 * server errors and latency, chart data loads and SQL Lab execution (from the StatsD exporters), CPU, memory and
 * restarts of the instance's pods, Celery task throughput, workers online and task runtime (from Flower), and the
 * queue length and worker replicas (with queue scaling). A section whose source an instance lacks shows no data.
 * Instances are found by their web server Deployment (monitoring requires one), as kube-state-metrics reports it,
 * in `instanceNamespaces` when given (namespace names are DNS labels: an alternation of them is an exact match).
 */
export function grafanaDashboard(identity: DashboardIdentity = DEFAULT_DASHBOARD): GrafanaDashboard {
  const offered = identity.instanceNamespaces && matches('namespace', identity.instanceNamespaces.join('|'));
  return {
    uid: identity.uid,
    title: identity.title,
    tags: ['superset'],
    timezone: 'browser',
    editable: false,
    schemaVersion: 39,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        { name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', hide: 0 },
        queryVariable('namespace', 'Namespace', `label_values(${webServers(offered)}, namespace)`),
        queryVariable('instance', 'Instance', `label_values(${webServers(eq('namespace', SELECTED.namespace))}, deployment)`, '/^(.+)-web-server$/'),
      ],
    },
    panels: layout([requestSection(), podSection(), celerySection(), queueSection()]),
  };
}

/** What the dashboard's ConfigMap is given: which dashboard, where it goes and its metadata. */
export interface DashboardPlacement {
  readonly dashboard: DashboardIdentity;
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Labels;
  readonly annotations?: Labels;
}

/**
 * The dashboard as a ConfigMap for the Grafana sidecar, which writes every key into one folder: the file is named
 * after the uid, unique in a Grafana. (In a Helm chart, the escaping of constructs/helm-delivery.ts
 * leaves the legends' `{{ … }}`, Grafana's own templates, to Grafana.)
 */
export function dashboardManifest(placement: DashboardPlacement): Manifest<k8s.ConfigMap> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(placement.name, placement.namespace, placement.labels, placement.annotations),
    data: { [`${placement.dashboard.uid}.json`]: `${JSON.stringify(grafanaDashboard(placement.dashboard))}\n` },
  };
}
