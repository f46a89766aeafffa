// Each component construct on its own: the instance's shared settings plus its own section of the spec, validated
// and resolved as an instance would, giving exactly the objects the instance gives for that component.
import { Chart, Testing } from 'cdk8s';
import {
  CeleryBeat, CeleryFlower, CeleryWorker, McpServer, SupersetInstance, SupersetValidationError, WebServer, WebsocketServer,
  type SupersetComponent, type SupersetInstanceProps,
} from '../../src';

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

/** What a SupersetInstance with just this component section synthesizes for the component's own objects. */
function fromInstance(section: Partial<SupersetInstanceProps>, component: string): any[] {
  const c = chart();
  new SupersetInstance(c, 'instance', { ...SHARED, ...section });
  return Testing.synth(c).filter((o) => o.metadata.name.startsWith(`bi-${component}`)
    && !['ServiceMonitor', 'NetworkPolicy'].includes(o.kind));
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
    expect(objects).toEqual(fromInstance(section, component));
    expect(names(objects)).toContain(`Deployment/bi-${component}`);
    expect(construct.node.defaultChild).toBe(construct.deployment);
  });

  test('takes the features of the shared settings that add to its pods: the StatsD exporter of monitoring', () => {
    const c = chart();
    const web = new WebServer(c, 'web', { ...SHARED, monitoring: { serviceMonitor: {} } });
    expect(Testing.synth(c)).toEqual(fromInstance({ webServer: {}, monitoring: { serviceMonitor: {} } }, 'web-server'));
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
