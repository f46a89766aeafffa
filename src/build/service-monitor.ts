import type * as k8s from '../../imports/k8s';
import type { ServiceMonitorProps } from '../../imports/monitoring.coreos.com';
import { type Manifest, objectMeta } from '../base/manifest';
import type { MonitoringModel, ScrapeTarget } from '../base/model/monitoring';
import { EXPORTER_METRICS_PORT, METRICS_PORT_NAME } from '../base/monitoring-names';

/** The path Prometheus scrapes when a scrape config names none. */
const PROMETHEUS_METRICS_PATH = '/metrics';

/**
 * A ServiceMonitor for one scrape target. For the web server it has the operator's shape (named after the
 * instance, selecting the web Service in its namespace, one endpoint with the interval and optional timeout),
 * aimed at the exporter's `metrics` port instead of `http` when the exporter runs.
 */
export function serviceMonitorProps(model: MonitoringModel, target: ScrapeTarget): ServiceMonitorProps {
  return {
    metadata: { name: target.name, namespace: model.namespace, labels: { ...model.serviceMonitorLabels } },
    spec: {
      selector: { matchLabels: { ...target.selector } },
      namespaceSelector: { matchNames: [model.namespace] },
      endpoints: [{
        port: target.port,
        // Prometheus' own default path is left out, as the operator leaves it out.
        path: target.path === PROMETHEUS_METRICS_PATH ? undefined : target.path,
        interval: model.interval,
        scrapeTimeout: model.scrapeTimeout,
      }],
    },
  };
}

/**
 * A headless Service over the Celery workers' exporters, which have no Service of their own to be scraped
 * through. It takes the name the operator leaves free (`<instance>-celery-worker`) and only the `metrics` port.
 */
export function workerMetricsServiceManifest(
  model: MonitoringModel, service: NonNullable<MonitoringModel['workerMetricsService']>,
): Manifest<k8s.Service> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(service.name, model.namespace, service.labels),
    spec: {
      clusterIP: 'None',
      selector: service.labels,
      ports: [{ name: METRICS_PORT_NAME, port: EXPORTER_METRICS_PORT, targetPort: EXPORTER_METRICS_PORT, protocol: 'TCP' }],
    },
  };
}
