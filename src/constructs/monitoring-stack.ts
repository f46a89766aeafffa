import { Construct } from 'constructs';
import { deliveredByHelm, escapeForHelm } from './helm-delivery';
import type { ISupersetInstance } from './instance-reference';
import { KubeConfigMap, KubeService } from '../../imports/k8s';
import { PrometheusRule, ServiceMonitor } from '../../imports/monitoring.coreos.com';
import type { ComponentType } from '../base/component-types';
import { type MonitoringModel } from '../base/model/monitoring';
import { prometheusRuleProps } from '../build/prometheus-rule';
import { serviceMonitorProps, workerMetricsServiceManifest } from '../build/service-monitor';
import { resolveMonitoring } from '../resolve/monitoring';
import { statsdMappingManifest } from '../resolve/statsd-exporter';
import type { AlertRulesSpec, ServiceMonitorSpec } from '../spec';
import { MONITORING } from '../validate/spec-schema';
import { validatePart } from '../validate/validate-part';

/** Properties of `MonitoringStack`: the instance and the `monitoring` settings it applies to. */
export interface MonitoringStackProps {
  /** The instance to monitor; it must have a web server and a namespace. */
  readonly instance: ISupersetInstance;
  /**
   * Scrape settings of every ServiceMonitor.
   *
   * @default - a 30s interval, Prometheus' default timeout, no extra labels
   */
  readonly serviceMonitor?: ServiceMonitorSpec;
  /**
   * The alert rules.
   *
   * @default - a PrometheusRule labelled like the ServiceMonitor
   */
  readonly prometheusRule?: AlertRulesSpec;
}

/**
 * Observability for one instance, built from what its pods run.
 *
 * - ServiceMonitor `<instance>` selects the web Service, as the operator's does, and scrapes the StatsD exporter's
 *   `metrics` port (or `http`, when the pods run no exporter). The Celery workers' exporters are scraped through
 *   the headless Service and ServiceMonitor `<instance>-celery-worker`, Flower's `/metrics` under its URL prefix
 *   through ServiceMonitor `<instance>-celery-flower`.
 * - PrometheusRule `<instance>` holds alerts that match only this instance's pods, Deployments, Jobs and Services.
 * - ConfigMap `<instance>-statsd-mapping` holds the exporter's mapping, when the pods run the exporter.
 *
 * With `lifecycle.delivery: 'Helm'`, every string of its objects is escaped (see constructs/helm-delivery.ts), so
 * that Helm, which renders the chart's files as templates, gives the alert annotations' `{{ … }}` back unchanged.
 * The Grafana dashboard is one for all instances: `SupersetDashboard`.
 *
 * `SupersetInstance` creates one for `monitoring.serviceMonitor` and also adds the exporter sidecars and
 * `STATS_LOGGER` to the pods; it can also be used on its own.
 */
export class MonitoringStack extends Construct {
  /** What the objects were built from. */
  public readonly model: MonitoringModel;
  /** The web server's ServiceMonitor, `<instance>`. */
  public readonly serviceMonitor: ServiceMonitor;
  /** The Celery workers' ServiceMonitor, when they run the exporter. */
  public readonly celeryWorkerServiceMonitor?: ServiceMonitor;
  /** The headless Service over the Celery workers' exporters. */
  public readonly celeryWorkerMetricsService?: KubeService;
  /** Flower's ServiceMonitor, when Flower runs. */
  public readonly celeryFlowerServiceMonitor?: ServiceMonitor;
  /** The exporter's mapping ConfigMap, when the pods run the exporter. */
  public readonly exporterMapping?: KubeConfigMap;
  /** The alert rules, unless disabled. */
  public readonly prometheusRule?: PrometheusRule;

  constructor(scope: Construct, id: string, props: MonitoringStackProps) {
    super(scope, id);
    const { instance, ...options } = props;
    const problems = [
      ...(instance.model.components.some((c) => c.type === 'web-server') ? [] : [{
        path: 'instance.webServer',
        rule: `is required: instance '${instance.instanceName}' has no web server to scrape`,
        fix: 'enable webServer',
      }]),
      ...(instance.namespace ? [] : [{
        path: 'instance.namespace',
        rule: 'is required: the ServiceMonitors\' namespaceSelector and the alert queries name it',
        fix: 'set namespace on the SupersetInstance props or on its chart',
      }]),
    ];
    validatePart(`MonitoringStack '${id}'`, MONITORING, options, problems);
    const model = resolveMonitoring(instance.model, instance.namespace!, options);
    this.model = model;

    const monitorOf = (component: ComponentType, childId: string) => {
      const target = model.targets.find((t) => t.component === component);
      return target && new ServiceMonitor(this, childId, serviceMonitorProps(model, target));
    };
    this.exporterMapping = model.exporterMapping
      ? new KubeConfigMap(this, 'ExporterMapping', statsdMappingManifest(model.instance, model.namespace, model.labels))
      : undefined;
    this.celeryWorkerMetricsService = model.workerMetricsService
      && new KubeService(this, 'CeleryWorkerMetricsService', workerMetricsServiceManifest(model, model.workerMetricsService));
    // The web server is checked above, so its target exists.
    this.serviceMonitor = monitorOf('web-server', 'ServiceMonitor')!;
    this.celeryWorkerServiceMonitor = monitorOf('celery-worker', 'CeleryWorkerServiceMonitor');
    this.celeryFlowerServiceMonitor = monitorOf('celery-flower', 'CeleryFlowerServiceMonitor');
    this.prometheusRule = model.alertRules && new PrometheusRule(this, 'PrometheusRule', prometheusRuleProps(model, model.alertRules.labels));
    this.node.defaultChild = this.serviceMonitor;
    // Also when used on its own, next to an instance delivered with Helm.
    if (deliveredByHelm(instance.model)) escapeForHelm(this);
  }
}
