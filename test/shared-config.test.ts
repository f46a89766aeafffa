// What the Python pods of an instance share is stored once: the files in `<name>-shared-config`, the plain variables
// in `<name>-shared-env`. Each pod still sees exactly its own settings: proven with the kubelet's view of the
// volume and environment and a real Python running the pod's whole PYTHONPATH.
import { Testing } from 'cdk8s';
import type { Construct } from 'constructs';
import { CeleryBeat, CeleryFlower, CeleryWorker, McpServer, WebServer, type SupersetInstanceProps } from '../src';
import { containerEnv, expandEnvValue, pythonPath } from './support/pod';
import { runSupersetConfig } from './support/python';
import { BASE, find, mainContainer, synth, type Manifest } from './util';

const KEY = 'superset.apache.org/config-checksum';
const PYTHON_COMPONENTS = ['web-server', 'celery-worker', 'celery-beat', 'celery-flower', 'mcp-server'];
const SECRETS = { 'app-secret/secret-key': 'k', 'db/pw': 'p w' };
const PROPS: Partial<SupersetInstanceProps> = {
  metastore: { host: 'pg', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'pw' } },
  valkey: { host: 'valkey' },
  config: [
    '# the base config sees the generated settings, shared and per component, and may change them',
    'SQLALCHEMY_ENGINE_OPTIONS = {**(SQLALCHEMY_ENGINE_OPTIONS if "SQLALCHEMY_ENGINE_OPTIONS" in globals() else {}), "pool_pre_ping": True}',
    'CACHE_CONFIG["CACHE_DEFAULT_TIMEOUT"] = 60',
    'SCOPE_SEEN = _vk_scope',
    'ROW_LIMIT = 5000',
  ].join('\n'),
  webServer: { config: 'ROW_LIMIT = 10' },
  celeryWorker: {},
  celeryBeat: {},
  celeryFlower: {},
  mcpServer: {},
  websocketServer: { image: { repository: 'ws' }, configFrom: { name: 'ws', key: 'config.json' } },
};

const deployment = (manifests: Manifest[], component: string) => find(manifests, 'Deployment', `demo-${component}`);

describe('the shared ConfigMaps of an instance', () => {
  const manifests = synth(PROPS);

  test('hold the shared files and plain variables once, and each component ConfigMap only its own file', () => {
    expect(Object.keys(find(manifests, 'ConfigMap', 'demo-shared-config').data).sort())
      .toEqual(['superset_base.py', 'superset_shared.py']);
    expect(find(manifests, 'ConfigMap', 'demo-shared-env').data).toEqual({
      SUPERSET_OPERATOR__INSTANCE_NAME: 'demo',
      SUPERSET_OPERATOR__DB_HOST: 'pg',
      SUPERSET_OPERATOR__DB_PORT: '5432',
      SUPERSET_OPERATOR__DB_NAME: 'superset',
      SUPERSET_OPERATOR__DB_USER: 'superset',
      SUPERSET_OPERATOR__VALKEY_HOST: 'valkey',
      SUPERSET_OPERATOR__VALKEY_PORT: '6379',
    });
    for (const component of PYTHON_COMPONENTS) {
      expect(Object.keys(find(manifests, 'ConfigMap', `demo-${component}-overlay`).data)).toEqual(['superset_config.py']);
    }
    expect(manifests.filter((m) => m.metadata.name === 'demo-shared-config')).toHaveLength(1);
  });

  test('reach every Python pod through one projected volume and envFrom; secrets stay secret references', () => {
    for (const component of PYTHON_COMPONENTS) {
      const pod = deployment(manifests, component).spec.template.spec;
      expect(pod.volumes.find((v: any) => v.name === 'superset-config')).toEqual({
        name: 'superset-config',
        projected: { sources: [{ configMap: { name: 'demo-shared-config' } }, { configMap: { name: `demo-${component}-overlay` } }] },
      });
      const main = mainContainer(deployment(manifests, component));
      expect(main.envFrom).toEqual([{ configMapRef: { name: 'demo-shared-env' } }]);
      expect(main.env.filter((e: any) => e.name.startsWith('SUPERSET_OPERATOR__')).map((e: any) => e.name)).toEqual([
        'SUPERSET_OPERATOR__SECRET_KEY', 'SUPERSET_OPERATOR__DB_PASS', 'SUPERSET_OPERATOR__NAMESPACE',
        ...component === 'celery-flower' ? ['SUPERSET_OPERATOR__FLOWER_URL_PREFIX'] : [],
      ]);
    }
    const websocket = mainContainer(deployment(manifests, 'websocket-server'));
    expect(websocket.envFrom).toBeUndefined();
  });

  test.each(PYTHON_COMPONENTS)('%s runs the shared files in its own namespace, in the operator order', (component) => {
    const settings = runSupersetConfig(
      pythonPath(manifests, deployment(manifests, component)),
      containerEnv(manifests, mainContainer(deployment(manifests, component)), 'bi', SECRETS),
    );
    expect(settings.SQLALCHEMY_DATABASE_URI).toBe('postgresql+psycopg2://superset:p%20w@pg:5432/superset');
    expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_DEFAULT_TIMEOUT: 60, CACHE_KEY_PREFIX: 'bi.demo.superset_' });
    expect(settings.SCOPE_SEEN).toBe('bi.demo.');
    // The component's engine options come before the base config, which extends them; the component config is last.
    expect(settings.SQLALCHEMY_ENGINE_OPTIONS).toMatchObject({ pool_pre_ping: true });
    expect(settings.ROW_LIMIT).toBe(component === 'web-server' ? 10 : 5000);
    expect(settings.SUPERSET_WEBSERVER_PORT).toBe(component === 'web-server' ? 8088 : undefined);
  });
});

describe('upgrading from the layout where each consumer holds its whole config in <name>-<consumer>-config', () => {
  // That layout is the operator's, this library's before it shared files, and a component's built on its own. The
  // kubelet refreshes a mounted ConfigMap in place within about a minute, and the old pods do not mount the shared
  // files: were the overlay written under the old name, an old pod that re-imports its config before the rollout
  // replaces it (a gunicorn worker restarted after a timeout, a container restart) would fail to load it.
  const { webServer, celeryWorker, celeryBeat, celeryFlower, mcpServer, websocketServer: _, ...common } = PROPS;
  const whole: [string, (scope: Construct) => unknown][] = [
    ['web-server', (scope) => new WebServer(scope, 'demo', { ...BASE, ...common, webServer })],
    ['celery-worker', (scope) => new CeleryWorker(scope, 'demo', { ...BASE, ...common, celeryWorker })],
    ['celery-beat', (scope) => new CeleryBeat(scope, 'demo', { ...BASE, ...common, celeryBeat })],
    ['celery-flower', (scope) => new CeleryFlower(scope, 'demo', { ...BASE, ...common, celeryFlower })],
    ['mcp-server', (scope) => new McpServer(scope, 'demo', { ...BASE, ...common, mcpServer })],
  ];

  /**
   * Applies `after` over `before` as a tool does (every object of the same kind and name replaced) and checks that the
   * old workload's pod still sees the files it mounted, and that they load with its environment.
   */
  function expectOldPodKeepsItsConfig(before: Manifest[], after: Manifest[], workload: Manifest, configMap: string): void {
    expect(workload.spec.template.spec.volumes).toContainEqual({ name: 'superset-config', configMap: { name: configMap } });
    const key = (m: Manifest) => `${m.kind}/${m.metadata.name}`;
    const applied = new Map(before.map((m) => [key(m), m]));
    for (const m of after) applied.set(key(m), m);
    const cluster = [...applied.values()];

    expect(pythonPath(cluster, workload)).toEqual(pythonPath(before, workload));
    const env = containerEnv(cluster, mainContainer(workload), 'bi', SECRETS);
    expect(runSupersetConfig(pythonPath(cluster, workload), env).SQLALCHEMY_DATABASE_URI)
      .toBe('postgresql+psycopg2://superset:p%20w@pg:5432/superset');
  }

  test.each(whole)('an old %s pod keeps the files it mounted, and they still load, until the rollout replaces it', (component, build) => {
    const chart = Testing.chart();
    build(chart);
    const before = Testing.synth(chart);
    expectOldPodKeepsItsConfig(before, synth(PROPS), deployment(before, component), `demo-${component}-config`);
  });

  test('a task Job that holds its whole config (a hook Job, the operator\'s) keeps it while it still runs', () => {
    const before = synth({ ...PROPS, lifecycle: { delivery: 'Helm' } });
    expectOldPodKeepsItsConfig(before, synth({ ...PROPS, lifecycle: {} }), find(before, 'Job', 'demo-init'), 'demo-init-config');
  });
});

describe('variables of the shared env ConfigMap', () => {
  test('a user variable of the same name gets the managed value in env, which wins over every envFrom source', () => {
    const manifests = synth({
      ...PROPS,
      podTemplate: {
        container: {
          env: [{ name: 'FIRST', value: '1' }, { name: 'SUPERSET_OPERATOR__DB_HOST', value: 'elsewhere' }],
          envFrom: [{ configMapRef: { name: 'team-settings' } }],
        },
      },
    });
    const main = mainContainer(deployment(manifests, 'web-server'));
    expect(main.env.slice(0, 2)).toEqual([{ name: 'FIRST', value: '1' }, { name: 'SUPERSET_OPERATOR__DB_HOST', value: 'pg' }]);
    expect(main.envFrom).toEqual([{ configMapRef: { name: 'team-settings' } }, { configMapRef: { name: 'demo-shared-env' } }]);
  });
});

describe('pod checksums over shared content', () => {
  const checksums = (props: Partial<SupersetInstanceProps>) => {
    const manifests = synth({ ...PROPS, ...props });
    return Object.fromEntries(PYTHON_COMPONENTS.map((c) => [c, deployment(manifests, c).spec.template.metadata.annotations[KEY]]));
  };
  const base = checksums({});

  test('change for every Python pod when a shared file or shared variable changes', () => {
    for (const props of [{ config: 'ROW_LIMIT = 1' }, { valkey: { host: 'valkey-2' } }, { metastore: { ...PROPS.metastore!, port: 6432 } }]) {
      const changed = checksums(props);
      expect(PYTHON_COMPONENTS.filter((c) => changed[c] === base[c])).toEqual([]);
    }
  });

  test('change only for the pods that read a file: the StatsD logger rolls the web server and the workers', () => {
    const changed = checksums({ monitoring: { serviceMonitor: {} }, namespace: 'bi' });
    const sameNamespace = checksums({ namespace: 'bi' });
    expect(PYTHON_COMPONENTS.filter((c) => changed[c] !== sameNamespace[c])).toEqual(['web-server', 'celery-worker']);
  });
});

describe('a managed value arrives exactly as written, in env or through envFrom', () => {
  const DOLLARS = { ...PROPS.metastore!, database: 'db$(SUPERSET_OPERATOR__INSTANCE_NAME)', username: 'u$$er' } as const;
  const written = { SUPERSET_OPERATOR__DB_NAME: 'db$(SUPERSET_OPERATOR__INSTANCE_NAME)', SUPERSET_OPERATOR__DB_USER: 'u$$er' };

  test('in every container of every delivery, whoever holds the variable', () => {
    for (const delivery of ['Plain', 'Helm'] as const) {
      const manifests = synth({
        ...PROPS,
        metastore: DOLLARS,
        lifecycle: { delivery },
        // Naming a shared variable puts the managed value back in env, where the kubelet expands `$`.
        webServer: { podTemplate: { container: { env: [{ name: 'SUPERSET_OPERATOR__DB_NAME', value: 'x' }] } } },
      });
      const workloads = manifests.filter((m) => ['Deployment', 'Job'].includes(m.kind));
      const containers = workloads.flatMap((w) => [...w.spec.template.spec.initContainers ?? [], ...w.spec.template.spec.containers]
        .filter((c: any) => (c.env ?? []).some((e: any) => e.name === 'SUPERSET_OPERATOR__DB_HOST') || c.envFrom)
        .map((c: any) => [`${delivery} ${w.metadata.name}/${c.name}`, c]));
      expect(containers.length).toBeGreaterThan(5);
      for (const [where, container] of containers) {
        const env = containerEnv(manifests, container, 'bi', SECRETS);
        expect([where, env.SUPERSET_OPERATOR__DB_NAME, env.SUPERSET_OPERATOR__DB_USER])
          .toEqual([where, written.SUPERSET_OPERATOR__DB_NAME, written.SUPERSET_OPERATOR__DB_USER]);
      }
    }
  });

  test('the kubelet expansion the tests model: $$ is $, a defined $(NAME) its value, everything else as written', () => {
    const defined = { A: 'a', B: 'b' };
    expect([
      '$$$$$$(A)', '$$$$$$$(A)', '$(B)__$(C', '$(B)__$(', '$?_x_$!', '$A', '$(UNDEFINED)', '$(foo$$var)', 'end$', '${A}',
    ].map((v) => expandEnvValue(v, defined))).toEqual([
      '$$$(A)', '$$$a', 'b__$(C', 'b__$(', '$?_x_$!', '$A', '$(UNDEFINED)', '$(foo$$var)', 'end$', '${A}',
    ]);
  });
});
