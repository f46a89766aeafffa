import type { ComponentType } from '../component-types';
import { type Labels } from '../labels';

/** One Service Prometheus scrapes, and the ServiceMonitor that selects it. */
export interface ScrapeTarget {
  /** The ServiceMonitor's name. */
  readonly name: string;
  readonly component: ComponentType;
  /** The Service's name: the `service` label of every series scraped from it. */
  readonly service: string;
  /** The Service's managed labels, which the ServiceMonitor selects it by. */
  readonly selector: Labels;
  /** The Service port name. */
  readonly port: string;
  readonly path: string;
}

/** Everything the monitoring objects are built from, resolved from an instance and its `monitoring` spec. */
export interface MonitoringModel {
  readonly instance: string;
  readonly namespace: string;
  /** Labels of the instance-wide monitoring objects, as the operator labels its ServiceMonitor. */
  readonly labels: Labels;
  /** The present components, whose pods the alerts and panels cover. */
  readonly components: readonly ComponentType[];
  /** ServiceMonitor labels: the user's under the managed ones. */
  readonly serviceMonitorLabels: Labels;
  readonly interval: string;
  readonly scrapeTimeout?: string;
  /** The web server first (the operator's ServiceMonitor), then worker exporters and Flower. */
  readonly targets: readonly ScrapeTarget[];
  /** Whether the web server runs the StatsD exporter, so Superset's request metrics exist. */
  readonly requestMetrics: boolean;
  /** The Celery workers' metrics Service, when they run the exporter (they have no Service otherwise). */
  readonly workerMetricsService?: { readonly name: string; readonly labels: Labels };
  /** The exporter mapping ConfigMap, when any pod runs the exporter. */
  readonly exporterMapping: boolean;
  /** The lifecycle tasks' Jobs, when the instance runs any. */
  readonly lifecycle?: {
    /** Whether component pods wait for migrations in an init container (`Plain` delivery). */
    readonly schemaWait: boolean;
  };
  /** The workers' ScaledObject, whose queue length KEDA exports, with `celeryWorker.queueScaling`. */
  readonly queueLength?: { readonly scaledObject: string; readonly scalesToZero: boolean };
  /**
   * The metastore backup CronJob (`<instance>-backup`), the longest gap between its runs in seconds, and what the
   * names of the instance's restore Jobs start with (`<instance>-restore-`, then the dump's time).
   */
  readonly backup?: { readonly cronJob: string; readonly intervalSeconds: number; readonly restoreJobPrefix: string };
  readonly alertRules?: { readonly labels: Labels };
}
