import type { PullPolicy } from './image';
import type * as k8s from '../../imports/k8s';

/**
 * prometheus-operator ServiceMonitors: the operator's, named after the instance, for the web server, plus one for the
 * Celery workers' exporters and one for Flower when they run. The settings apply to all of them.
 */
export interface ServiceMonitorSpec {
  /**
   * Scrape interval (a Prometheus duration).
   *
   * @default '30s'
   */
  readonly interval?: string;
  /**
   * Scrape timeout (a Prometheus duration).
   *
   * @default - Prometheus' default
   */
  readonly scrapeTimeout?: string;
  /**
   * Extra labels, for example to match the Prometheus `serviceMonitorSelector`.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
}

/** The image of the StatsD exporter sidecar. */
export interface StatsdExporterImageSpec {
  /**
   * Image repository.
   *
   * @default 'prom/statsd-exporter'
   */
  readonly repository?: string;
  /**
   * Image tag.
   *
   * @default 'v0.28.0'
   */
  readonly tag?: string;
  /**
   * Pull policy.
   *
   * @default 'IfNotPresent'
   */
  readonly pullPolicy?: PullPolicy;
}

/**
 * The StatsD-to-Prometheus exporter that runs next to the web server and the Celery workers (beyond the operator,
 * whose ServiceMonitor scrapes a port Superset does not serve metrics on). Superset sends StatsD to it through
 * `STATS_LOGGER`; the ServiceMonitor scrapes its `metrics` port.
 */
export interface StatsdExporterSpec {
  /**
   * Leave the exporter out, for images that serve Prometheus metrics themselves: the ServiceMonitor then scrapes
   * `/metrics` on the web server's `http` port, as the operator's does, and no `STATS_LOGGER` is set.
   *
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * The exporter image.
   *
   * @default - prom/statsd-exporter:v0.28.0
   */
  readonly image?: StatsdExporterImageSpec;
  /**
   * Compute resources of the exporter container; replaces the default as a whole.
   *
   * @default - requests 10m CPU and 32Mi memory, limits 100m CPU and 128Mi memory
   */
  readonly resources?: k8s.ResourceRequirements;
}

/** The PrometheusRule with alerts for the instance (beyond the operator). */
export interface AlertRulesSpec {
  /**
   * Leave the PrometheusRule out.
   *
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Extra labels, for example to match the Prometheus `ruleSelector`.
   *
   * @default - the `serviceMonitor` labels
   */
  readonly labels?: { readonly [key: string]: string };
}

/**
 * Monitoring objects. `serviceMonitor` turns monitoring on; the exporter and alert rules follow it unless
 * disabled. The Grafana dashboard is one for all instances: see `SupersetDashboard`.
 */
export interface MonitoringSpec {
  /**
   * ServiceMonitor.
   *
   * @default - none
   */
  readonly serviceMonitor?: ServiceMonitorSpec;
  /**
   * The StatsD exporter sidecar that turns Superset's StatsD metrics into Prometheus metrics.
   *
   * @default - enabled with `serviceMonitor`
   */
  readonly statsdExporter?: StatsdExporterSpec;
  /**
   * Alert rules.
   *
   * @default - enabled with `serviceMonitor`
   */
  readonly prometheusRule?: AlertRulesSpec;
}
