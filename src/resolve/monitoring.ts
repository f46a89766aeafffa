import { underPrefix } from './component-profiles';
import type { ComponentType } from '../base/component-types';
import { type Labels, parentLabels, withManaged, withoutReserved } from '../base/labels';
import type { ResolvedComponent, ResolvedInstance } from '../base/model/instance';
import type { ScrapeTarget, MonitoringModel } from '../base/model/monitoring';
import { DEFAULT_SCRAPE_INTERVAL, EXPORTER_CONTAINER, METRICS_PORT_NAME } from '../base/monitoring-names';
import { restoreJobPrefix } from '../base/names';
import { SCHEMA_WAIT_CONTAINER } from '../base/task-types';
import type { AlertRulesSpec, ServiceMonitorSpec } from '../spec';

/** What a `MonitoringStack` is asked to build, besides the instance. */
export interface MonitoringOptions {
  readonly serviceMonitor?: ServiceMonitorSpec;
  readonly prometheusRule?: AlertRulesSpec;
}

function runsExporter(component: ResolvedComponent | undefined): boolean {
  return component?.pod.spec.containers.some((c) => c.name === EXPORTER_CONTAINER) ?? false;
}

function servesMetricsPort(component: ResolvedComponent | undefined): boolean {
  return component?.service?.extraPorts?.some((p) => p.name === METRICS_PORT_NAME) ?? false;
}

function waitsForMigrations(component: ResolvedComponent): boolean {
  return component.pod.spec.initContainers?.some((c) => c.name === SCHEMA_WAIT_CONTAINER) ?? false;
}

/**
 * Resolves what to monitor from what the instance actually runs: the exporter is scraped where the pods have it,
 * and the schema wait is watched where they wait, so the objects stay true to the pods even when the stack is used
 * on its own.
 */
export function resolveMonitoring(
  instance: Pick<ResolvedInstance, 'name' | 'components' | 'lifecycle' | 'queueScaling' | 'backup'>, namespace: string,
  options: MonitoringOptions,
): MonitoringModel {
  const name = instance.name;
  const find = (type: ComponentType) => instance.components.find((c) => c.type === type);
  const web = find('web-server');
  const worker = find('celery-worker');
  const flower = find('celery-flower');
  // The operator's ServiceMonitor labels.
  const labels: Labels = Object.assign({}, parentLabels(name), { 'app.kubernetes.io/instance': name });
  const serviceMonitorLabels = withManaged(withoutReserved(options.serviceMonitor?.labels), labels);
  const requestMetrics = runsExporter(web) && servesMetricsPort(web);
  const workerExporter = runsExporter(worker);
  const targets: ScrapeTarget[] = [
    ...(web?.service ? [{
      name,
      component: web.type,
      service: web.service.name,
      selector: web.labels,
      // Without the exporter, the operator's endpoint: for images that serve /metrics themselves.
      port: requestMetrics ? METRICS_PORT_NAME : 'http',
      path: '/metrics',
    }] : []),
    ...(worker && workerExporter ? [{
      name: worker.name,
      component: worker.type,
      service: worker.name,
      selector: worker.labels,
      port: METRICS_PORT_NAME,
      path: '/metrics',
    }] : []),
    ...(flower?.service ? [{
      name: flower.name,
      component: flower.type,
      service: flower.service.name,
      selector: flower.labels,
      port: 'http',
      // Flower serves everything, `/metrics` included, under its URL prefix.
      path: underPrefix(flower.urlPrefix ?? '', '/metrics'),
    }] : []),
  ];
  const rules = options.prometheusRule ?? {};
  return {
    instance: name,
    namespace,
    labels,
    components: instance.components.map((c) => c.type),
    serviceMonitorLabels,
    interval: options.serviceMonitor?.interval || DEFAULT_SCRAPE_INTERVAL,
    scrapeTimeout: options.serviceMonitor?.scrapeTimeout || undefined,
    targets,
    requestMetrics,
    workerMetricsService: worker && workerExporter ? { name: worker.name, labels: worker.labels } : undefined,
    exporterMapping: runsExporter(web) || workerExporter,
    lifecycle: instance.lifecycle && { schemaWait: instance.components.some(waitsForMigrations) },
    queueLength: instance.queueScaling && {
      scaledObject: instance.queueScaling.name, scalesToZero: instance.queueScaling.idleReplicas === 0,
    },
    backup: instance.backup && {
      cronJob: instance.backup.name, intervalSeconds: instance.backup.intervalSeconds, restoreJobPrefix: restoreJobPrefix(instance.name),
    },
    alertRules: rules.disabled === true
      ? undefined
      : { labels: withManaged(withoutReserved(rules.labels ?? options.serviceMonitor?.labels), labels) },
  };
}
