import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'yaml';
import { containerOf, NAMESPACE, ofKind, synthMonitored } from './fixture';
import { CHECKSUM_ANNOTATION } from '../../src/resolve/instance-context';
import { containerEnv, pythonPath, pythonText, writePythonPath } from '../support/pod';
import { restrictedViolations } from '../support/pss';
import { runSupersetConfig, SYSTEM_PYTHON } from '../support/python';
import { find, mainContainer, synth, type Manifest } from '../util';

const EXPORTER = 'statsd-exporter';
const SECRETS = { 'app-secret/secret-key': 'k' };
const deploymentOf = (manifests: Manifest[], component: string): Manifest => find(manifests, 'Deployment', `demo-${component}`);
/** Every Python file on the component's PYTHONPATH, its own superset_config.py first. */
const configOf = (manifests: Manifest[], component: string): string => pythonText(manifests, deploymentOf(manifests, component));
/** The component's own superset_config.py: what it runs, and in which order. */
const overlayOf = (manifests: Manifest[], component: string): string => pythonPath(manifests, deploymentOf(manifests, component))['superset_config.py'];
/** The main container's environment as the kubelet sets it. */
const podEnv = (manifests: Manifest[], component: string): Record<string, string> =>
  containerEnv(manifests, mainContainer(deploymentOf(manifests, component)), NAMESPACE, SECRETS);

/** Where the exporter of a Deployment receives StatsD, read from its container: the UDP port and the listen flag. */
function statsdAddress(deployment: Manifest): { port: number; listen: string } {
  const exporter = containerOf(deployment, EXPORTER);
  const port = exporter.ports.find((p: any) => p.protocol === 'UDP');
  const listen = exporter.args.find((a: string) => a.startsWith('--statsd.listen-udp=')).split('=')[1];
  return { port: port.containerPort, listen };
}

describe('the StatsD exporter sidecar', () => {
  const manifests = synthMonitored();
  const web = find(manifests, 'Deployment', 'demo-web-server');
  const worker = find(manifests, 'Deployment', 'demo-celery-worker');

  test('runs next to the web server and the Celery workers only', () => {
    expect(containerOf(web, EXPORTER)).toBeDefined();
    expect(containerOf(worker, EXPORTER)).toBeDefined();
    for (const name of ['demo-celery-beat', 'demo-celery-flower']) {
      expect(containerOf(find(manifests, 'Deployment', name), EXPORTER)).toBeUndefined();
    }
  });

  test('is a pinned image with small resources and the restricted profile, as nobody', () => {
    const exporter = containerOf(web, EXPORTER);
    expect(exporter.image).toBe('prom/statsd-exporter:v0.28.0');
    expect(exporter.resources).toEqual({ requests: { cpu: '10m', memory: '32Mi' }, limits: { cpu: '100m', memory: '128Mi' } });
    expect(exporter.securityContext).toEqual({
      runAsUser: 65534,
      runAsGroup: 65534,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
    });
    expect(restrictedViolations(web.spec.template.spec)).toEqual([]);
    // Liveness only: an unready exporter must not take Superset out of its Service.
    expect(exporter.readinessProbe).toBeUndefined();
    expect(exporter.livenessProbe.httpGet).toEqual({ path: '/-/healthy', port: 9102 });
  });

  test('reads its mapping from the instance mapping ConfigMap', () => {
    const exporter = containerOf(web, EXPORTER);
    const mount = exporter.volumeMounts[0];
    const volume = web.spec.template.spec.volumes.find((v: any) => v.name === mount.name);
    const configMap = find(manifests, 'ConfigMap', volume.configMap.name);
    const file = exporter.args.find((a: string) => a.startsWith('--statsd.mapping-config=')).split('=')[1];
    expect(path.dirname(file)).toBe(mount.mountPath);
    expect(Object.keys(configMap.data)).toEqual([path.basename(file)]);
    expect(configMap.metadata).toMatchObject({ name: 'demo-statsd-mapping', namespace: 'analytics' });
  });

  test('maps Superset API counters and timers to labelled Prometheus metrics, one help text per name', () => {
    const mapping = parse(find(manifests, 'ConfigMap', 'demo-statsd-mapping').data['mapping.yaml']);
    expect(mapping.defaults.observer_type).toBe('histogram');
    expect(mapping.defaults.histogram_options.buckets).toContain(2);
    expect(mapping.mappings).toEqual(expect.arrayContaining([
      expect.objectContaining({ match: 'superset.*.*.time', name: 'superset_api_request_duration_seconds', labels: { api: '$1', api_method: '$2' } }),
      expect.objectContaining({ match: 'superset.*.*.error', name: 'superset_api_requests_total', labels: { api: '$1', api_method: '$2', outcome: 'error' } }),
    ]));
    const helps = new Map<string, Set<string>>();
    for (const m of mapping.mappings) helps.set(m.name, (helps.get(m.name) ?? new Set()).add(m.help));
    for (const [name, texts] of helps) expect([name, texts.size]).toEqual([name, 1]);
  });

  test('honours an image override and replaces the default resources', () => {
    const custom = synthMonitored({
      monitoring: {
        serviceMonitor: {},
        statsdExporter: { image: { repository: 'registry.local/statsd-exporter', pullPolicy: 'Always' }, resources: { limits: { memory: '256Mi' } } },
      },
    });
    const exporter = containerOf(find(custom, 'Deployment', 'demo-web-server'), EXPORTER);
    expect(exporter.image).toBe('registry.local/statsd-exporter:v0.28.0');
    expect(exporter.imagePullPolicy).toBe('Always');
    expect(exporter.resources).toEqual({ limits: { memory: '256Mi' } });
  });

  test('is left out when disabled, with no metrics port, mapping or worker metrics Service', () => {
    const off = synthMonitored({ monitoring: { serviceMonitor: {}, statsdExporter: { disabled: true } } });
    expect(containerOf(find(off, 'Deployment', 'demo-web-server'), EXPORTER)).toBeUndefined();
    expect(containerOf(find(off, 'Deployment', 'demo-celery-worker'), EXPORTER)).toBeUndefined();
    expect(find(off, 'Service', 'demo-web-server').spec.ports.map((p: any) => p.name)).toEqual(['http']);
    expect(off.some((m) => m.metadata.name === 'demo-statsd-mapping')).toBe(false);
    expect(ofKind(off, 'Service').map((s) => s.metadata.name)).not.toContain('demo-celery-worker');
  });
});

describe('STATS_LOGGER in superset_config.py', () => {
  test('is set for the web server and workers only when the exporter runs', () => {
    const on = synthMonitored();
    expect(configOf(on, 'web-server')).toContain('STATS_LOGGER = ');
    expect(configOf(on, 'celery-worker')).toContain('STATS_LOGGER = ');
    // The shared file is on every Python pod's PYTHONPATH; only the overlays of the exporter's pods run it.
    for (const component of ['web-server', 'celery-worker']) expect(overlayOf(on, component)).toContain('_include("superset_statsd.py")');
    for (const component of ['celery-beat', 'celery-flower']) {
      expect(overlayOf(on, component)).not.toContain('STATS_LOGGER');
      expect(overlayOf(on, component)).not.toContain('superset_statsd.py');
    }
    // What Python ends up with, on each pod's whole PYTHONPATH and environment.
    const root = fakeSuperset(true);
    try {
      const statsLogger = (manifests: Manifest[], component: string): unknown => {
        const files = pythonPath(manifests, deploymentOf(manifests, component));
        return runSupersetConfig(files, { ...podEnv(manifests, component), PYTHONPATH: root }).STATS_LOGGER;
      };
      for (const component of ['web-server', 'celery-worker']) expect([component, statsLogger(on, component)]).toEqual([component, expect.any(String)]);
      for (const component of ['celery-beat', 'celery-flower']) expect([component, statsLogger(on, component)]).toEqual([component, undefined]);

      const off = synthMonitored({ monitoring: { serviceMonitor: {}, statsdExporter: { disabled: true } } });
      const unmonitored = synthMonitored({ monitoring: undefined });
      for (const manifests of [off, unmonitored]) {
        expect(configOf(manifests, 'web-server')).not.toContain('STATS_LOGGER');
        expect(configOf(manifests, 'celery-worker')).not.toContain('STATS_LOGGER');
        expect(statsLogger(manifests, 'web-server')).toBeUndefined();
        expect(statsLogger(manifests, 'celery-worker')).toBeUndefined();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  test('comes before the user config, which can replace it', () => {
    const manifests = synthMonitored({ config: 'STATS_LOGGER = None' });
    const config = configOf(manifests, 'web-server');
    expect(config).toContain('STATS_LOGGER = _StatsdLogger');
    expect(config).toContain('STATS_LOGGER = None');
    // The overlay runs the StatsD file before the user's base config ...
    const overlay = overlayOf(manifests, 'web-server');
    expect(overlay.indexOf('_include("superset_statsd.py")')).toBeGreaterThan(-1);
    expect(overlay.indexOf('_include("superset_statsd.py")')).toBeLessThan(overlay.indexOf('_include("superset_base.py")'));
    // ... so Python ends up with the user's value.
    const root = fakeSuperset(true);
    try {
      const settings = runSupersetConfig(pythonPath(manifests, deploymentOf(manifests, 'web-server')), { ...podEnv(manifests, 'web-server'), PYTHONPATH: root });
      expect(settings).toHaveProperty('STATS_LOGGER', null);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);

  test('names the mapping\'s digest, so a changed mapping changes the config checksum and rolls the pods', () => {
    const manifests = synthMonitored();
    const mapping = find(manifests, 'ConfigMap', 'demo-statsd-mapping').data['mapping.yaml'];
    const digest = createHash('sha256').update(mapping).digest('hex').slice(0, 16);
    expect(configOf(manifests, 'web-server')).toContain(`(mapping ${digest})`);
    expect(configOf(manifests, 'celery-worker')).toContain(`(mapping ${digest})`);
  });

  test('rolls the pods when the exporter is turned on or off', () => {
    const checksum = (manifests: Manifest[]) =>
      find(manifests, 'Deployment', 'demo-web-server').spec.template.metadata.annotations[CHECKSUM_ANNOTATION];
    expect(checksum(synthMonitored())).not.toBe(checksum(synthMonitored({ monitoring: { serviceMonitor: {}, statsdExporter: { disabled: true } } })));
  });
});

/**
 * A stand-in for Superset's `superset/stats_logger.py`: `BaseStatsLogger` as in Superset, and `StatsdStatsLogger`
 * (which Superset only defines when the `statsd` package imports) recording its arguments.
 */
function fakeSuperset(withStatsd: boolean): string {
  const root = mkdtempSync(path.join(tmpdir(), 'fake-superset-'));
  mkdirSync(path.join(root, 'superset'));
  writeFileSync(path.join(root, 'superset', '__init__.py'), '');
  writeFileSync(path.join(root, 'superset', 'stats_logger.py'), [
    'import json',
    'class BaseStatsLogger:',
    '    def __init__(self, prefix="superset"):',
    '        self.prefix = prefix',
    ...(withStatsd ? [
      'class StatsdStatsLogger(BaseStatsLogger):',
      '    def __init__(self, host="localhost", port=8125, prefix="superset", statsd_client=None):',
      '        super().__init__(prefix)',
      '        self.host, self.port = host, port',
      '    def __repr__(self):',
      '        return json.dumps({"class": "StatsdStatsLogger", "host": self.host, "port": self.port, "prefix": self.prefix})',
    ] : []),
    '',
  ].join('\n'));
  return root;
}

describe('STATS_LOGGER, executed by python3', () => {
  const manifests = synthMonitored();

  test.each(['web-server', 'celery-worker'])('on the %s, is Superset\'s StatsD logger aimed at the exporter in the pod', (component) => {
    const root = fakeSuperset(true);
    try {
      const files = pythonPath(manifests, deploymentOf(manifests, component));
      const settings = runSupersetConfig(files, { ...podEnv(manifests, component), PYTHONPATH: root });
      const address = statsdAddress(find(manifests, 'Deployment', `demo-${component}`));
      expect(address.listen).toBe(`:${address.port}`);
      // The sidecar shares the pod's network namespace, so loopback reaches it.
      expect(JSON.parse(settings.STATS_LOGGER as string)).toEqual({ class: 'StatsdStatsLogger', host: '127.0.0.1', port: address.port, prefix: 'superset' });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('without the statsd package, sends the same StatsD datagrams to the exporter', () => {
    const root = fakeSuperset(false);
    const pythonpath = mkdtempSync(path.join(tmpdir(), 'statsd-pythonpath-'));
    const address = statsdAddress(find(manifests, 'Deployment', 'demo-web-server'));
    // Bind where the exporter listens, run the config, emit a counter and a timer, and report what arrived.
    const script = [
      'import json, runpy, socket, sys',
      'sink = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)',
      `sink.bind(("127.0.0.1", ${address.port}))`,
      'sink.settimeout(5)',
      'logger = runpy.run_path(sys.argv[1], run_name="superset_config")["STATS_LOGGER"]',
      'logger.incr("ChartRestApi.data.success")',
      'logger.timing("ChartRestApi.data.time", 12.5)',
      'logger.gauge("reports.queued", 3)',
      'print(json.dumps([sink.recv(512).decode() for _ in range(3)]))',
    ].join('\n');
    try {
      const configPath = writePythonPath(pythonpath, pythonPath(manifests, deploymentOf(manifests, 'web-server')));
      const run = spawnSync(SYSTEM_PYTHON, ['-c', script, configPath], {
        encoding: 'utf-8', env: { ...podEnv(manifests, 'web-server'), PYTHONPATH: root, PYTHONDONTWRITEBYTECODE: '1' }, timeout: 30_000,
      });
      expect(run.stderr).toBe('');
      expect(JSON.parse(run.stdout)).toEqual([
        'superset.ChartRestApi.data.success:1|c',
        'superset.ChartRestApi.data.time:12.500000|ms',
        'superset.reports.queued:3|g',
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
      rmSync(pythonpath, { recursive: true, force: true });
    }
  });
});

test('without monitoring, pods have no exporter', () => {
  const manifests = synth({ webServer: {}, celeryWorker: {} });
  for (const deployment of ofKind(manifests, 'Deployment')) expect(containerOf(deployment, EXPORTER)).toBeUndefined();
});
