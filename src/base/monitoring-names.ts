import type { ComponentType } from './component-types';

/** The exporter's container name. */
export const EXPORTER_CONTAINER = 'statsd-exporter';

/** Where the exporter serves `/metrics` (its default), and the web Service's `metrics` port. */
export const EXPORTER_METRICS_PORT = 9102;

/** Where the exporter receives StatsD over UDP (its default). */
export const EXPORTER_STATSD_PORT = 9125;

/** The name of the metrics port on the exporter container and on the Services that expose it. */
export const METRICS_PORT_NAME = 'metrics';

/** The pods that emit StatsD worth scraping: API requests on the web server, SQL Lab and reports on workers. */
export const EXPORTER_COMPONENTS: readonly ComponentType[] = ['web-server', 'celery-worker'];

/** The Prometheus metrics the mapping produces; alert rules and the dashboard query these names. */
export const SUPERSET_METRICS = {
  /** Counter of REST API calls by `api` (the API class), `api_method` (its method) and `outcome`. */
  requests: 'superset_api_requests_total',
  /** Histogram of REST API call durations, by `api` and `api_method`. */
  requestDuration: 'superset_api_request_duration_seconds',
  /** Counter of chart data loads by `source`: `cache` or `database`. */
  chartDataLoads: 'superset_chart_data_loads_total',
  /** Histogram of SQL Lab query execution times. */
  sqlLabExecution: 'superset_sqllab_query_execution_seconds',
} as const;

/**
 * The target labels a scrape through a prometheus-operator ServiceMonitor sets, with `honor_labels: false`: an exported
 * label of the same name would be renamed `exported_<label>` and its value replaced by the target's. The mapping uses
 * none of them (nor `le` and `quantile`, which histograms and summaries own).
 */
export const SCRAPE_TARGET_LABELS = ['endpoint', 'namespace', 'service', 'pod', 'container', 'job', 'instance', 'le', 'quantile'] as const;

/** The ServiceMonitor interval when none is set (the operator CRD's default). */
export const DEFAULT_SCRAPE_INTERVAL = '30s';

/** The label the Grafana dashboard sidecar of kube-prometheus-stack looks for, and the value it expects. */
export const GRAFANA_DASHBOARD_LABEL = 'grafana_dashboard';
