// Each component construct on its own: the instance's shared settings plus its own section of the spec, validated
// and resolved as an instance would, giving exactly the objects the instance gives for that component.
import { Chart, Testing } from 'cdk8s';
import {
  CeleryBeat, CeleryFlower, CeleryWorker, McpServer, SupersetInstance, SupersetValidationError, WebServer, WebsocketServer,
  type SupersetComponent, type SupersetInstanceProps,
} from '../../src';
import { containerEnv, podSpecOf, pythonPath } from '../support/pod';

const SHARED = {
  name: 'bi',
  image: { tag: '6.1.0' },
  secretKeyFrom: { name: 'superset-secret', key: 'secret-key' },
  metastore: { host: 'db', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'password' } },
  valkey: { host: 'valkey' },
  lifecycle: { disabled: true },
} satisfies Partial<SupersetInstanceProps>;

const WEBSOCKET = { image: { repository: 'ws' }, configFrom: { name: 'ws', key: 'config.json' } };

const chart = () => new Chart(Testing.app(), 'test', { namespace: 'analytics' });
const names = (objects: any[]) => objects.map((o) => `${o.kind}/${o.metadata.name}`);

/** What a SupersetInstance with just this component section synthesizes: all of it, and the component's own objects. */
function fromInstance(section: Partial<SupersetInstanceProps>, component: string): { all: any[]; own: any[] } {
  const c = chart();
  new SupersetInstance(c, 'instance', { ...SHARED, ...section });
  const all = Testing.synth(c);
  return { all, own: all.filter((o) => o.metadata.name.startsWith(`bi-${component}`) && !['ServiceMonitor', 'NetworkPolicy'].includes(o.kind)) };
}

const SHARED_CONFIG = 'bi-shared-config';
const SHARED_ENV = 'bi-shared-env';
/** A component on its own holds its whole config in the operator's `<name>-config`; in an instance, its overlay is `<name>-overlay`. */
const wholeConfigName = (overlay: string) => overlay.replace(/-overlay$/, '-config');
const isWorkload = (o: any) => ['Deployment', 'Job', 'CronJob'].includes(o.kind);
const containersOf = (o: any): any[] => [...(podSpecOf(o).initContainers ?? []), ...podSpecOf(o).containers];

/**
 * The instance's objects for a component with what the instance shares folded back in: what a component on its own
 * must emit. Its ConfigMap holds the shared files too, its config volume is a plain configMap volume, and the shared
 * env ConfigMap's values are written inline. Env entries are compared by name: the order of distinct names does not
 * change what a container sees (containerEnv checks that separately).
 */
function foldShared(all: any[], own: any[]): any[] {
  const sharedFiles = all.find((o) => o.kind === 'ConfigMap' && o.metadata.name === SHARED_CONFIG)?.data ?? {};
  const sharedEnv = all.find((o) => o.kind === 'ConfigMap' && o.metadata.name === SHARED_ENV)?.data ?? {};
  return own.map((o) => {
    const copy = structuredClone(o);
    if (copy.kind === 'ConfigMap' && copy.data?.['superset_config.py'] !== undefined) {
      // The overlay's files and the shared ones never share a name, else one would hide the other in the projection.
      expect(Object.keys(copy.data).filter((name) => name in sharedFiles)).toEqual([]);
      copy.data = { ...sharedFiles, ...copy.data };
      expect(copy.metadata.name).toMatch(/-overlay$/);
      copy.metadata.name = wholeConfigName(copy.metadata.name);
    }
    if (!isWorkload(copy)) return copy;
    for (const volume of podSpecOf(copy).volumes ?? []) {
      if (volume.name !== 'superset-config' || !volume.projected) continue;
      const sources = volume.projected.sources.filter((source: any) => source.configMap.name !== SHARED_CONFIG);
      expect(sources).toHaveLength(1);
      delete volume.projected;
      volume.configMap = { ...sources[0].configMap, name: wholeConfigName(sources[0].configMap.name) };
    }
    for (const container of containersOf(copy)) {
      const refs = (container.envFrom ?? []).filter((source: any) => source.configMapRef?.name !== SHARED_ENV);
      if ((container.envFrom ?? []).length === refs.length) continue;
      if (refs.length) container.envFrom = refs; else delete container.envFrom;
      const inline = new Set((container.env ?? []).map((e: any) => e.name));
      container.env = [...(container.env ?? []),
        ...Object.entries(sharedEnv).filter(([name]) => !inline.has(name)).map(([name, value]) => ({ name, value }))];
    }
    return copy;
  });
}

/** Objects with each container's env sorted by name. */
function envByName(objects: any[]): any[] {
  return objects.map((o) => {
    const copy = structuredClone(o);
    if (isWorkload(copy)) {
      for (const container of containersOf(copy)) container.env?.sort((a: any, b: any) => a.name.localeCompare(b.name));
    }
    return copy;
  });
}

/** A stand-in value for every Secret key the containers read, keyed `<secret>/<key>`. */
function secretValues(objects: any[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const o of objects.filter(isWorkload)) {
    for (const container of containersOf(o)) {
      for (const e of container.env ?? []) {
        const ref = e.valueFrom?.secretKeyRef;
        if (ref) values[`${ref.name}/${ref.key}`] = `value of ${ref.name}/${ref.key}`;
      }
    }
  }
  return values;
}

/**
 * A component on its own gives the instance's objects for it, differing only in where files and plain env live, and
 * its pods see exactly what the instance's pods see: the same /app/pythonpath files and the same environment.
 */
function expectSameAsInstance(objects: any[], instance: { all: any[]; own: any[] }): void {
  expect(names(objects)).toEqual(names(instance.own).map(wholeConfigName));
  expect(objects.some((o) => [SHARED_CONFIG, SHARED_ENV].includes(o.metadata.name))).toBe(false);
  for (const o of objects.filter(isWorkload)) {
    const volume = (podSpecOf(o).volumes ?? []).find((v: any) => v.name === 'superset-config');
    if (volume) expect(volume).toEqual({ name: 'superset-config', configMap: { name: `${o.metadata.name}-config` } });
    for (const container of containersOf(o)) {
      expect((container.envFrom ?? []).some((source: any) => source.configMapRef?.name === SHARED_ENV)).toBe(false);
    }
  }
  expect(envByName(objects)).toEqual(envByName(foldShared(instance.all, instance.own)));

  const secrets = secretValues(instance.own);
  for (const o of objects.filter(isWorkload)) {
    const twin = instance.own.find((x) => x.kind === o.kind && x.metadata.name === o.metadata.name);
    if ((podSpecOf(o).volumes ?? []).some((v: any) => v.name === 'superset-config')) {
      expect(pythonPath(objects, o)).toEqual(pythonPath(instance.all, twin));
    }
    const twinContainers = containersOf(twin);
    for (const [i, container] of containersOf(o).entries()) {
      expect(container.name).toBe(twinContainers[i].name);
      expect(containerEnv(objects, container, 'analytics', secrets))
        .toEqual(containerEnv(instance.all, twinContainers[i], 'analytics', secrets));
    }
  }
}

const CASES: [string, (c: Chart) => SupersetComponent, Partial<SupersetInstanceProps>][] = [
  ['web-server', (c) => new WebServer(c, 'web', { ...SHARED, webServer: { replicas: 2 } }), { webServer: { replicas: 2 } }],
  ['celery-worker', (c) => new CeleryWorker(c, 'worker', { ...SHARED, celeryWorker: {} }), { celeryWorker: {} }],
  ['celery-beat', (c) => new CeleryBeat(c, 'beat', SHARED), { celeryBeat: {} }],
  ['celery-flower', (c) => new CeleryFlower(c, 'flower', SHARED), { celeryFlower: {} }],
  ['mcp-server', (c) => new McpServer(c, 'mcp', SHARED), { mcpServer: {} }],
  ['websocket-server', (c) => new WebsocketServer(c, 'ws', { ...SHARED, websocketServer: WEBSOCKET }), { websocketServer: WEBSOCKET }],
];

describe('a component on its own', () => {
  test.each(CASES)('%s gives the objects the instance gives for it', (component, build, section) => {
    const c = chart();
    const construct = build(c);
    const objects = Testing.synth(c);
    const instance = fromInstance(section, component);
    // The instance shares files and plain env for its Python pods only; the websocket server reads neither.
    const python = component !== 'websocket-server';
    expect(names(instance.all).filter((name) => name.startsWith('ConfigMap/bi-shared-')))
      .toEqual(python ? [`ConfigMap/${SHARED_CONFIG}`, `ConfigMap/${SHARED_ENV}`] : []);
    expectSameAsInstance(objects, instance);
    expect(names(objects)).toContain(`Deployment/bi-${component}`);
    expect(construct.node.defaultChild).toBe(construct.deployment);
  });

  test('takes the features of the shared settings that add to its pods: the StatsD exporter of monitoring', () => {
    const c = chart();
    const web = new WebServer(c, 'web', { ...SHARED, monitoring: { serviceMonitor: {} } });
    const objects = Testing.synth(c);
    expectSameAsInstance(objects, fromInstance({ webServer: {}, monitoring: { serviceMonitor: {} } }, 'web-server'));
    expect(pythonPath(objects, objects.find((o) => o.kind === 'Deployment'))['superset_statsd.py']).toContain('STATS_LOGGER');
    expect(web.model.pod.spec.containers.map((container) => container.name)).toEqual(['superset', 'statsd-exporter']);
  });

  test('takes the construct id as the instance name when none is given', () => {
    const c = chart();
    const { name: _name, ...unnamed } = SHARED;
    new WebServer(c, 'reports', unnamed);
    expect(names(Testing.synth(c))).toEqual(['ConfigMap/reports-web-server-config', 'Deployment/reports-web-server', 'Service/reports-web-server']);
  });

  test('is validated like an instance, and refuses what only an instance creates', () => {
    expect(() => new WebServer(chart(), 'web', { ...SHARED, webServer: { replicas: -1 } }))
      .toThrow(/SupersetInstance 'bi': webServer\.replicas: must be an integer >= 0, got -1/);
    let caught: unknown;
    try {
      new WebServer(chart(), 'web', { ...SHARED, celeryWorker: {}, networking: {} } as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SupersetValidationError);
    expect((caught as SupersetValidationError).violations.map((v) => `${v.path}: ${v.rule}`)).toEqual([
      'celeryWorker: has no effect on a web-server built on its own',
      'networking: has no effect on a web-server built on its own',
    ]);
  });

  test('an instance resolves once and hands its components their part of its model', () => {
    const instance = new SupersetInstance(chart(), 'instance', { ...SHARED, webServer: {}, celeryWorker: {} });
    expect(instance.webServer!.model).toBe(instance.model.components.find((m) => m.type === 'web-server'));
    expect(instance.celeryWorker!.model).toBe(instance.model.components.find((m) => m.type === 'celery-worker'));
  });
  test('shared settings with auth: the web server signs users in, the other components build without it', () => {
    const auth = { oidc: { issuerUrl: 'https://sso.example.com/realms/bi', clientId: 'superset', clientSecretFrom: { name: 'oidc', key: 'secret' } } };
    const c = chart();
    const web = new WebServer(c, 'web', { ...SHARED, auth });
    const worker = new CeleryWorker(c, 'worker', { ...SHARED, auth });
    expect(web.model.configMap!.data['superset_config.py']).toContain('OAUTH_PROVIDERS = [');
    expect(worker.model.configMap!.data['superset_config.py']).not.toContain('AUTH_TYPE');
    // Still validated where it takes effect.
    expect(() => new WebServer(chart(), 'web', { ...SHARED, auth: { oidc: { ...auth.oidc, scopes: ['email'] } } })).toThrow(SupersetValidationError);
  });
  test('shared settings whose store gives only the OIDC client secret: the other components build without both', () => {
    const auth = { oidc: { issuerUrl: 'https://sso.example.com/realms/bi', clientId: 'superset' } };
    const externalSecrets = { storeRef: { name: 'vault' }, oidcClientSecret: { key: 'bi/oidc' } };
    const c = chart();
    const web = new WebServer(c, 'web', { ...SHARED, auth, externalSecrets });
    const worker = new CeleryWorker(c, 'worker', { ...SHARED, auth, externalSecrets });
    const env = (component: SupersetComponent) => component.model.pod.spec.containers[0].env ?? [];
    expect(env(web)).toContainEqual(expect.objectContaining({ name: 'SUPERSET_OPERATOR__OIDC_CLIENT_SECRET' }));
    expect(env(worker).map((e) => e.name)).not.toContain('SUPERSET_OPERATOR__OIDC_CLIENT_SECRET');
  });
});
