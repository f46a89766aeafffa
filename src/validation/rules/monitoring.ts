import { EXPORTER_METRICS_PORT } from '../../monitoring/statsd-exporter';
import { prometheusDurationMs } from '../patterns';
import { violation } from '../violation';
import { isSet } from './rule';
import type { Rule } from './rule';

/** The ServiceMonitor interval when none is set (the operator CRD's default). */
const DEFAULT_INTERVAL = '30s';

/** CEL: the ServiceMonitor scrapes the web server's Service. */
export const serviceMonitorRequiresWebServer: Rule = (props) =>
  isSet(props.monitoring?.serviceMonitor) && !isSet(props.webServer)
    ? [violation('monitoring.serviceMonitor', 'spec.monitoring.serviceMonitor requires spec.webServer to be set '
      + '(scrapes the web server service)', props.monitoring?.serviceMonitor,
    'add webServer: {} or remove monitoring.serviceMonitor')]
    : [];

/** Beyond the operator: Prometheus refuses a scrape timeout longer than the interval. */
export const scrapeTimeoutWithinInterval: Rule = (props) => {
  const monitor = props.monitoring?.serviceMonitor;
  const interval = monitor?.interval ?? DEFAULT_INTERVAL;
  const timeout = monitor?.scrapeTimeout;
  if (typeof timeout !== 'string' || typeof interval !== 'string') return [];
  const timeoutMs = prometheusDurationMs(timeout);
  const intervalMs = prometheusDurationMs(interval);
  return timeoutMs !== undefined && intervalMs !== undefined && timeoutMs > intervalMs
    ? [violation('monitoring.serviceMonitor.scrapeTimeout', `must not be longer than the interval (${interval})`,
      timeout, 'shorten scrapeTimeout or lengthen interval')]
    : [];
};

/** Beyond the operator: the exporter, alert rules and dashboard are parts of monitoring, which the ServiceMonitor turns on. */
export const monitoringPartsNeedServiceMonitor: Rule = (props) => {
  const monitoring = props.monitoring;
  if (!isSet(monitoring) || isSet(monitoring?.serviceMonitor)) return [];
  return (['statsdExporter', 'prometheusRule', 'dashboard'] as const)
    .filter((field) => isSet(monitoring?.[field]))
    .map((field) => violation(`monitoring.${field}`, 'has no effect without monitoring.serviceMonitor, which turns '
      + 'monitoring on', monitoring?.[field], `add monitoring.serviceMonitor: {} or remove monitoring.${field}`));
};

/** Beyond the operator: the exporter's port joins the web Service, where two ports cannot share a number. */
export const webServicePortLeavesMetricsPort: Rule = (props) => {
  const port = props.webServer?.service?.port;
  const exporter = isSet(props.monitoring?.serviceMonitor) && props.monitoring?.statsdExporter?.disabled !== true;
  return exporter && port === EXPORTER_METRICS_PORT
    ? [violation('webServer.service.port', `must differ from the StatsD exporter's metrics port ${EXPORTER_METRICS_PORT}, `
      + 'which monitoring adds to the web Service', port, 'choose another port or set monitoring.statsdExporter.disabled')]
    : [];
};

export const MONITORING_RULES: readonly Rule[] = [
  serviceMonitorRequiresWebServer, scrapeTimeoutWithinInterval, monitoringPartsNeedServiceMonitor, webServicePortLeavesMetricsPort,
];
