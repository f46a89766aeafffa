import { createHash } from 'node:crypto';
import { Document, type YAMLSeq } from 'yaml';
import type { ComponentAdditions, ComponentExtension } from './extensions';
import { resolveImage } from './image';
import type * as k8s from '../../imports/k8s';
import type { Labels } from '../base/labels';
import { type Manifest, objectMeta } from '../base/manifest';
import { EXPORTER_CONTAINER, EXPORTER_METRICS_PORT, EXPORTER_STATSD_PORT, METRICS_PORT_NAME, EXPORTER_COMPONENTS, SUPERSET_METRICS } from '../base/monitoring-names';
import { pyInt, pyString } from '../render/python';
import type { StatsdExporterSpec, SupersetSpec } from '../spec';

/*
 * The metrics source: Superset only emits StatsD (through `STATS_LOGGER`), so the web server and Celery worker
 * pods run prom/statsd-exporter next to Superset. Superset sends to it over the pod's loopback, the exporter maps
 * the dotted StatsD names to Prometheus metrics with labels, and Prometheus scrapes its `metrics` port.
 */

const DEFAULT_IMAGE = { repository: 'prom/statsd-exporter', tag: 'v0.28.0' };
const DEFAULT_RESOURCES: k8s.ResourceRequirements = {
  requests: { cpu: '10m', memory: '32Mi' },
  limits: { cpu: '100m', memory: '128Mi' },
};
/** The user `nobody`, which the exporter image runs as. */
const NOBODY = 65534;
const MAPPING_VOLUME = 'statsd-exporter-mapping';
const MAPPING_DIR = '/etc/statsd-exporter';
const MAPPING_KEY = 'mapping.yaml';
/** StatsD key prefix; Superset's own default. */
const PREFIX = 'superset';

/** One statsd_exporter mapping rule (its YAML field names). */
interface StatsdMapping {
  readonly match: string;
  readonly name: string;
  readonly help: string;
  readonly labels?: { readonly [label: string]: string };
}

/** Superset's REST API counts `<prefix>.<ApiClass>.<method>.<success|warning|error>` and times `<...>.time` in ms. */
const outcome = (result: 'success' | 'warning' | 'error'): StatsdMapping => ({
  match: `${PREFIX}.*.*.${result}`,
  name: SUPERSET_METRICS.requests,
  // One help text per metric name: Prometheus refuses a second one.
  help: 'Superset REST API calls by outcome: success (2xx, 3xx), warning (4xx), error (5xx or an unhandled exception).',
  labels: { api: '$1', api_method: '$2', outcome: result },
});

const chartDataLoads = (statsdKey: string, source: string): StatsdMapping => ({
  match: `${PREFIX}.${statsdKey}`,
  name: SUPERSET_METRICS.chartDataLoads,
  help: 'Chart data loads, from the cache or the database.',
  labels: { source },
});

/**
 * The exporter's mapping config. Timers (milliseconds in StatsD) become histograms in seconds, whose buckets
 * allow a p95 across pods; anything unmatched is still exported under an escaped name.
 */
export const STATSD_MAPPING = {
  defaults: {
    observer_type: 'histogram',
    histogram_options: { buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60, 120, 300] },
  },
  mappings: [
    {
      match: `${PREFIX}.*.*.time`,
      name: SUPERSET_METRICS.requestDuration,
      help: 'Duration of Superset REST API calls.',
      labels: { api: '$1', api_method: '$2' },
    },
    outcome('success'),
    outcome('warning'),
    outcome('error'),
    chartDataLoads('loaded_from_cache', 'cache'),
    chartDataLoads('loaded_from_source', 'database'),
    {
      match: `${PREFIX}.sqllab.query.time_executing_query`,
      name: SUPERSET_METRICS.sqlLabExecution,
      help: 'Execution time of SQL Lab queries.',
    },
  ] satisfies StatsdMapping[],
};

/** The mapping file as the exporter reads it; the histogram buckets on one line, as people write them. */
export const STATSD_MAPPING_YAML = ((): string => {
  const document = new Document(STATSD_MAPPING);
  (document.getIn(['defaults', 'histogram_options', 'buckets'], true) as YAMLSeq).flow = true;
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
})();

/**
 * A short digest of the mapping, written into `superset_config.py` so the config checksum (and with it the pods)
 * changes when a new library version changes the mapping: the exporter only reads it at start.
 */
const MAPPING_DIGEST = createHash('sha256').update(STATSD_MAPPING_YAML).digest('hex').slice(0, 16);

/** The ConfigMap with the mapping, shared by the instance's exporters. */
export function statsdMappingConfigMapName(instanceName: string): string {
  return `${instanceName}-statsd-mapping`;
}

/** The ConfigMap with the mapping, which the exporters of the web server and workers mount. */
export function statsdMappingManifest(instanceName: string, namespace: string, labels: Labels): Manifest<k8s.ConfigMap> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(statsdMappingConfigMapName(instanceName), namespace, labels),
    data: { [MAPPING_KEY]: STATSD_MAPPING_YAML },
  };
}

/** Whether the spec runs the exporter: with a ServiceMonitor, unless disabled. */
export function exporterEnabled(spec: SupersetSpec): boolean {
  return spec.monitoring?.serviceMonitor !== undefined && spec.monitoring.statsdExporter?.disabled !== true;
}

/** The exporter sidecar: restricted, read-only, as `nobody`, reading the mapping from the shared ConfigMap. */
export function exporterContainer(exporter: StatsdExporterSpec = {}): k8s.Container {
  const image = resolveImage(DEFAULT_IMAGE, exporter.image);
  return {
    name: EXPORTER_CONTAINER,
    image: image.image,
    imagePullPolicy: image.pullPolicy,
    args: [
      `--statsd.mapping-config=${MAPPING_DIR}/${MAPPING_KEY}`,
      `--statsd.listen-udp=:${EXPORTER_STATSD_PORT}`,
      // Superset's client sends UDP only.
      '--statsd.listen-tcp=',
      `--web.listen-address=:${EXPORTER_METRICS_PORT}`,
    ],
    ports: [
      { name: METRICS_PORT_NAME, containerPort: EXPORTER_METRICS_PORT, protocol: 'TCP' },
      { name: 'statsd', containerPort: EXPORTER_STATSD_PORT, protocol: 'UDP' },
    ],
    // Liveness only: an exporter that is not ready must not take Superset out of its Service.
    livenessProbe: {
      httpGet: { path: '/-/healthy', port: EXPORTER_METRICS_PORT },
      initialDelaySeconds: 10,
      periodSeconds: 30,
      timeoutSeconds: 5,
      failureThreshold: 3,
    },
    resources: exporter.resources ?? DEFAULT_RESOURCES,
    securityContext: { runAsUser: NOBODY, runAsGroup: NOBODY, readOnlyRootFilesystem: true },
    volumeMounts: [{ name: MAPPING_VOLUME, mountPath: MAPPING_DIR, readOnly: true }],
  };
}

/** The file on the PYTHONPATH that sets `STATS_LOGGER`, run by `superset_config.py`. */
export const STATS_LOGGER_FILE = 'superset_statsd.py';

/**
 * Python that sends Superset's StatsD metrics to the exporter on the pod's loopback. Superset's
 * `StatsdStatsLogger` needs the `statsd` package; where the image lacks it (it is not among Superset's runtime
 * dependencies), a logger on the standard library sends the same datagrams instead of failing the import. Rendered
 * once: the text is the same for every pod of every instance, so they all hold this one string.
 */
const STATS_LOGGER_CONFIG = [
  `# Metrics: StatsD to the ${EXPORTER_CONTAINER} sidecar (mapping ${MAPPING_DIGEST})`,
  'try:',
  '    from superset.stats_logger import StatsdStatsLogger as _StatsdLogger',
  'except ImportError:  # no statsd package: the same datagrams from the standard library',
  '    import socket as _socket',
  '    from superset.stats_logger import BaseStatsLogger as _BaseStatsLogger',
  '',
  '    class _StatsdLogger(_BaseStatsLogger):',
  '        def __init__(self, host, port, prefix):',
  '            super().__init__(prefix)',
  '            self._address = (host, port)',
  '            self._socket = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)',
  '',
  '        def _send(self, key, value):',
  '            try:',
  '                self._socket.sendto(f"{self.prefix}.{key}:{value}".encode(), self._address)',
  '            except OSError:',
  '                pass',
  '',
  '        def incr(self, key):',
  '            self._send(key, "1|c")',
  '',
  '        def decr(self, key):',
  '            self._send(key, "-1|c")',
  '',
  '        def timing(self, key, value):',
  '            self._send(key, f"{value:0.6f}|ms")',
  '',
  '        def gauge(self, key, value):',
  '            self._send(key, f"{value}|g")',
  '',
  `STATS_LOGGER = _StatsdLogger(host=${pyString('127.0.0.1')}, port=${pyInt(EXPORTER_STATSD_PORT)}, prefix=${pyString(PREFIX)})`,
  '',
].join('\n');

/** What the exporter adds to a component: the sidecar, its mapping volume, `STATS_LOGGER`, the Service port. */
export const statsdExporterExtension: ComponentExtension = (component, spec, instanceName): ComponentAdditions => {
  if (!exporterEnabled(spec) || !EXPORTER_COMPONENTS.includes(component)) return {};
  return {
    sidecars: [exporterContainer(spec.monitoring?.statsdExporter)],
    volumes: [{ name: MAPPING_VOLUME, configMap: { name: statsdMappingConfigMapName(instanceName) } }],
    // Only the web server has a Service of its own; the workers' metrics Service comes with the MonitoringStack.
    servicePorts: component === 'web-server'
      ? [{ name: METRICS_PORT_NAME, port: EXPORTER_METRICS_PORT, targetPort: EXPORTER_METRICS_PORT, protocol: 'TCP' }]
      : undefined,
    configFiles: { [STATS_LOGGER_FILE]: STATS_LOGGER_CONFIG },
  };
};
