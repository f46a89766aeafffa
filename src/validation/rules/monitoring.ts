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

export const MONITORING_RULES: readonly Rule[] = [serviceMonitorRequiresWebServer, scrapeTimeoutWithinInterval];
