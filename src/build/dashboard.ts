import { createHash } from 'node:crypto';
import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../base/manifest';
import type { MonitoringModel } from '../base/model/monitoring';
import { SUPERSET_METRICS } from '../base/monitoring-names';
import { containerScope, deploymentScope, eq, matches, ofOwnPods, podScope, queueLength, selector, serviceScope } from '../render/promql';

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

function requestSection(model: MonitoringModel): Section[] {
  if (!model.requestMetrics) return [];
  const web = serviceScope(model, 'web-server');
  const exporters = [eq('namespace', model.namespace), matches('service',
    model.targets.filter((t) => t.port === 'metrics').map((t) => t.service).join('|'))];
  const rate = (metric: string, scope: string[], ...extra: string[]) => `rate(${selector(metric, ...scope, ...extra)}[5m])`;
  const requests = (...extra: string[]) => `sum(${rate(SUPERSET_METRICS.requests, web, ...extra)})`;
  const quantile = (q: number, by: string, metric: string, scope: string[]) =>
    `histogram_quantile(${q}, sum by (${by}) (${rate(`${metric}_bucket`, scope)}))`;
  return [{
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
  }];
}

function podSection(model: MonitoringModel): Section {
  const containers = containerScope(model);
  const own = (expr: string) => ofOwnPods(expr, model);
  return {
    title: 'Pods',
    panels: [
      { title: 'CPU by pod', unit: 'short', queries: [[`sum by (pod) (${own(`rate(${selector('container_cpu_usage_seconds_total', ...containers)}[5m])`)})`, '{{pod}}']] },
      { title: 'Memory working set by pod', unit: 'bytes', queries: [[`sum by (pod) (${own(selector('container_memory_working_set_bytes', ...containers))})`, '{{pod}}']] },
      {
        title: 'Container restarts (1h)',
        unit: 'short',
        queries: [[`sum by (pod, container) (${own(`increase(${selector('kube_pod_container_status_restarts_total', ...podScope(model))}[1h])`)})`, '{{pod}}/{{container}}']],
      },
    ],
  };
}

function celerySection(model: MonitoringModel): Section[] {
  if (!model.targets.some((t) => t.component === 'celery-flower')) return [];
  const flower = serviceScope(model, 'celery-flower');
  const events = selector('flower_events_total', ...flower, matches('type', 'task-(succeeded|failed|retried)'));
  return [{
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
  }];
}

/** With queue scaling: the waiting tasks KEDA reads, and the workers it runs for them. */
function queueSection(model: MonitoringModel): Section[] {
  if (!model.queueLength) return [];
  // max, not sum: replicated kube-state-metrics reports each Deployment once per replica.
  const replicas = selector('kube_deployment_status_replicas', ...deploymentScope(model, 'celery-worker'));
  return [{
    title: 'Celery queue',
    panels: [
      { title: 'Celery tasks waiting in the queue', unit: 'short', queries: [[`max(${queueLength(model)})`, 'waiting']] },
      { title: 'Celery worker replicas', unit: 'short', queries: [[`max(${replicas})`, 'replicas']] },
    ],
  }];
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
 * The instance's Grafana dashboard: API request rate, server errors and latency, chart data loads and SQL Lab
 * execution (with the exporter), CPU, memory and restarts of its pods, and Celery task throughput, workers online
 * and task runtime (with Flower). Every query is scoped to the instance; the data source is a variable.
 */
export function grafanaDashboard(model: MonitoringModel): GrafanaDashboard {
  return {
    // Grafana uids are at most 40 characters and unique per Grafana; a digest of namespace and name is both.
    uid: `superset-${createHash('sha256').update(`${model.namespace}/${model.instance}`).digest('hex').slice(0, 16)}`,
    title: `Superset / ${model.namespace} / ${model.instance}`,
    tags: ['superset'],
    timezone: 'browser',
    editable: false,
    schemaVersion: 39,
    refresh: '30s',
    time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [{ name: 'datasource', label: 'Data source', type: 'datasource', query: 'prometheus', hide: 0 }],
    },
    panels: layout([...requestSection(model), podSection(model), ...celerySection(model), ...queueSection(model)]),
  };
}

/** The ConfigMap name of the dashboard. */
export function dashboardConfigMapName(instanceName: string): string {
  return `${instanceName}-grafana-dashboard`;
}

/**
 * The dashboard as a ConfigMap for the Grafana sidecar. The sidecar writes every key into one folder, so the key
 * names the namespace and instance to stay unique. (In a Helm chart, the escaping of build/helm-delivery.ts leaves
 * the legends' `{{ … }}`, Grafana's own templates, to Grafana.)
 */
export function dashboardManifest(model: MonitoringModel, dashboard: NonNullable<MonitoringModel['dashboard']>): Manifest<k8s.ConfigMap> {
  const json = `${JSON.stringify(grafanaDashboard(model))}\n`;
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(dashboardConfigMapName(model.instance), model.namespace, dashboard.labels, dashboard.annotations),
    data: { [`superset-${model.namespace}-${model.instance}.json`]: json },
  };
}
