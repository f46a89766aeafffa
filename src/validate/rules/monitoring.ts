import { isSet } from './rule';
import type { Rule } from './rule';
import { DEFAULT_SCRAPE_INTERVAL, EXPORTER_CONTAINER, EXPORTER_METRICS_PORT, EXPORTER_STATSD_PORT } from '../../base/monitoring-names';
import { prometheusDurationMs } from '../../base/patterns';
import type { SupersetInstanceProps } from '../../spec';
import { violation } from '../violations';

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
  const interval = monitor?.interval ?? DEFAULT_SCRAPE_INTERVAL;
  const timeout = monitor?.scrapeTimeout;
  if (typeof timeout !== 'string' || typeof interval !== 'string') return [];
  const timeoutMs = prometheusDurationMs(timeout);
  const intervalMs = prometheusDurationMs(interval);
  return timeoutMs !== undefined && intervalMs !== undefined && timeoutMs > intervalMs
    ? [violation('monitoring.serviceMonitor.scrapeTimeout', `must not be longer than the interval (${interval})`,
      timeout, 'shorten scrapeTimeout or lengthen interval')]
    : [];
};

/** Beyond the operator: the exporter and alert rules are parts of monitoring, which the ServiceMonitor turns on. */
export const monitoringPartsNeedServiceMonitor: Rule = (props) => {
  const monitoring = props.monitoring;
  if (!isSet(monitoring) || isSet(monitoring?.serviceMonitor)) return [];
  return (['statsdExporter', 'prometheusRule'] as const)
    .filter((field) => isSet(monitoring?.[field]))
    .map((field) => violation(`monitoring.${field}`, 'has no effect without monitoring.serviceMonitor, which turns '
      + 'monitoring on', monitoring?.[field], `add monitoring.serviceMonitor: {} or remove monitoring.${field}`));
};

/** Whether the web server and worker pods run the StatsD exporter: with a ServiceMonitor, unless disabled. */
function exporterOn(props: SupersetInstanceProps): boolean {
  return isSet(props.monitoring?.serviceMonitor) && props.monitoring?.statsdExporter?.disabled !== true;
}

/** Beyond the operator: the exporter's port joins the web Service, where two ports cannot share a number. */
export const webServicePortLeavesMetricsPort: Rule = (props) => {
  const port = props.webServer?.service?.port;
  return exporterOn(props) && port === EXPORTER_METRICS_PORT
    ? [violation('webServer.service.port', `must differ from the StatsD exporter's metrics port ${EXPORTER_METRICS_PORT}, `
      + 'which monitoring adds to the web Service', port, 'choose another port or set monitoring.statsdExporter.disabled')]
    : [];
};

/** The components that run the exporter, by spec field. */
const EXPORTER_FIELDS = ['webServer', 'celeryWorker'] as const;
type ExporterField = (typeof EXPORTER_FIELDS)[number];

/** What the exporter listens on, in the pod network it shares with the main container. */
const EXPORTER_PORTS: ReadonlyMap<unknown, string> = new Map([
  [EXPORTER_METRICS_PORT, 'metrics port'],
  [EXPORTER_STATSD_PORT, 'StatsD port'],
]);

/** One entry of a list the user wrote, with its path. */
interface Entry {
  readonly path: string;
  readonly item: { readonly [key: string]: unknown };
}

function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/** The object entries of a list the user wrote; nothing when it is not a list. */
function entries(list: unknown, path: string): Entry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((item: unknown, i) => (typeof item === 'object' && item !== null
    ? [{ path: `${path}[${i}]`, item: item as Entry['item'] }] : []));
}

/** The `podTemplate` at the top level (`undefined`) or of a component, and its path. */
function podTemplateOf(props: SupersetInstanceProps, owner: ExporterField | undefined): { readonly path: string; readonly template: unknown } {
  return owner === undefined
    ? { path: 'podTemplate', template: props.podTemplate }
    : { path: `${owner}.podTemplate`, template: member(props[owner], 'podTemplate') };
}

function containerPorts(props: SupersetInstanceProps, owner: ExporterField | undefined): Entry[] {
  const { path, template } = podTemplateOf(props, owner);
  return entries(member(member(template, 'container'), 'ports'), `${path}.container.ports`);
}

function sidecars(props: SupersetInstanceProps, owner: ExporterField | undefined): Entry[] {
  const { path, template } = podTemplateOf(props, owner);
  return entries(member(template, 'sidecars'), `${path}.sidecars`);
}

/** The present components that run the exporter. */
function exporterComponents(props: SupersetInstanceProps): ExporterField[] {
  return exporterOn(props) ? EXPORTER_FIELDS.filter((f) => isSet(props[f])) : [];
}

/** How ports merge: by name, unnamed ones by number. */
function portKey(port: Entry['item']): string {
  return typeof port.name === 'string' ? port.name : `#${String(port.containerPort)}`;
}

/**
 * Beyond the operator: the exporter sidecar listens on 9102 (metrics) and 9125 (StatsD) in the pod's network, so the
 * main container of the web server and the workers cannot use those ports. The ports checked are the merged ones (a
 * component's port replaces a top-level port of the same name); each offending port is reported once, where it is
 * written, naming the pods it reaches.
 */
export const containerPortsLeaveExporterPorts: Rule = (props) => {
  const offending = new Map<string, { readonly port: unknown; readonly what: string; readonly components: ExporterField[] }>();
  for (const component of exporterComponents(props)) {
    const own = containerPorts(props, component);
    const replaced = new Set(own.map((p) => portKey(p.item)));
    const merged = [...containerPorts(props, undefined).filter((p) => !replaced.has(portKey(p.item))), ...own];
    for (const { path, item } of merged) {
      const what = EXPORTER_PORTS.get(item.containerPort);
      if (what === undefined) continue;
      const found = offending.get(path) ?? { port: item.containerPort, what, components: [] };
      offending.set(path, { ...found, components: [...found.components, component] });
    }
  }
  return [...offending].map(([path, { port, what, components }]) => violation(`${path}.containerPort`,
    `must differ from the StatsD exporter's ${what} ${String(port)}, which its sidecar listens on in the `
    + `${components.join(' and ')} pods`, port, 'choose another port, or set monitoring.statsdExporter.disabled'));
};

/** Beyond the operator: a second container named like the exporter sidecar would make the pod invalid. */
export const sidecarsLeaveExporterName: Rule = (props) => {
  const components = exporterComponents(props);
  if (components.length === 0) return [];
  const reached = (path: string) => components.find((c) => path.startsWith(`${c}.`)) ?? components.join(' and ');
  return [undefined, ...components]
    .flatMap((owner) => sidecars(props, owner))
    .filter(({ item }) => item.name === EXPORTER_CONTAINER)
    .map(({ path, item }) => violation(`${path}.name`, `must differ from '${EXPORTER_CONTAINER}', the StatsD exporter `
      + `sidecar that monitoring adds to the ${reached(path)} pods`, item.name,
    'rename the sidecar, or set monitoring.statsdExporter.disabled to run your own exporter'));
};

export const MONITORING_RULES: readonly Rule[] = [
  serviceMonitorRequiresWebServer, scrapeTimeoutWithinInterval, monitoringPartsNeedServiceMonitor, webServicePortLeavesMetricsPort,
  containerPortsLeaveExporterPorts, sidecarsLeaveExporterName,
];
