import { ENV } from '../../src/base/env-names';
import type { EngineOptions } from '../../src/base/model/engine-options';
import {
  renderBaseConfig,
  renderConfigOverlay,
  renderSharedConfig,
  type ConfigOverlayInput,
  type SharedConfigInput,
} from '../../src/render/superset-config';
import { metastoreScheme } from '../../src/resolve/metastore';
import { resolveValkey } from '../../src/resolve/valkey';
import type { ValkeySpec } from '../../src/spec/valkey';
import { redisUrlSettings, runSupersetConfig } from '../support/python';

/**
 * What a pod's PYTHONPATH is rendered from: the instance's shared settings, one consumer's overlay and, when given,
 * the text of the user's base config (`spec.config`), which is `superset_base.py`.
 */
type ConfigInput = SharedConfigInput & Omit<ConfigOverlayInput, 'baseConfig'> & { readonly baseConfig?: string };

const MINIMAL: ConfigInput = { previousSecretKey: false };
const STRUCTURED_PG = { kind: 'structured', scheme: 'postgresql+psycopg2' } as const;

/** What every Python pod gets: the instance name, its namespace (with Valkey) and the secret key. */
const POD_ENV = { [ENV.INSTANCE_NAME]: 'analytics', [ENV.NAMESPACE]: 'bi', [ENV.SECRET_KEY]: 'current-key' };
const DB_ENV = {
  ...POD_ENV,
  [ENV.DB_HOST]: 'db.example',
  [ENV.DB_PORT]: '5432',
  [ENV.DB_NAME]: 'superset',
  [ENV.DB_USER]: 'super',
};
const VALKEY_ENV = { ...POD_ENV, [ENV.VALKEY_HOST]: 'valkey.example', [ENV.VALKEY_PORT]: '6379' };
const VK = 'redis://valkey.example:6379';
/** The Celery settings that keep an instance's tasks, keys and control messages in its scope `bi.analytics`. */
const CELERY_SCOPE = {
  broker_transport_options: { global_keyprefix: 'bi.analytics.' },
  result_backend_transport_options: { global_keyprefix: 'bi.analytics.' },
  task_default_queue: 'bi.analytics',
  task_default_exchange: 'bi.analytics',
  task_default_routing_key: 'bi.analytics',
  control_exchange: 'bi.analytics',
  event_exchange: 'bi.analytics.events',
};

const CACHE_SETTINGS = [
  'CACHE_CONFIG',
  'DATA_CACHE_CONFIG',
  'FILTER_STATE_CACHE_CONFIG',
  'EXPLORE_FORM_DATA_CACHE_CONFIG',
  'THUMBNAIL_CACHE_CONFIG',
  'DISTRIBUTED_COORDINATION_CONFIG',
];

/**
 * The files of the PYTHONPATH, as the library places them: `superset_shared.py` from the shared settings,
 * `superset_config.py` from the overlay, and `superset_base.py` only when the base config is not empty (as
 * resolve/config-files does for `spec.config`). `extra` adds files of features.
 */
function files(input: ConfigInput, extra: Record<string, string> = {}): Record<string, string> {
  const { previousSecretKey, metastore, featureFlags, valkey, baseConfig, ...overlay } = input;
  return {
    'superset_config.py': renderConfigOverlay({ ...overlay, baseConfig: !!baseConfig }),
    'superset_shared.py': renderSharedConfig({ previousSecretKey, metastore, featureFlags, valkey }),
    ...(baseConfig ? { 'superset_base.py': renderBaseConfig(baseConfig) } : {}),
    ...extra,
  };
}

/** Every file's text in one, the overlay first: what the pod can read. */
function allText(input: ConfigInput): string {
  return Object.values(files(input)).join('\n');
}

function run(input: ConfigInput, env: Record<string, string>, extra: Record<string, string> = {}) {
  return runSupersetConfig(files(input, extra), env);
}

function withValkey(spec: Omit<ValkeySpec, 'host'> = {}): ConfigInput {
  return { ...MINIMAL, valkey: resolveValkey({ host: 'spec-host: never rendered', ...spec }) };
}

function withEngine(engineOptions: EngineOptions): ConfigInput {
  return { ...MINIMAL, engineOptions };
}

function structured(spec: { type?: 'PostgreSQL' | 'MySQL'; driver?: string }): ConfigInput {
  return { ...MINIMAL, metastore: { kind: 'structured', scheme: metastoreScheme({ host: 'h', ...spec }) } };
}

const EVERYTHING: ConfigInput = {
  ...withValkey(),
  previousSecretKey: true,
  metastore: STRUCTURED_PG,
  webServerPort: 8088,
  engineOptions: { kind: 'NullPool' },
  featureFlags: { ALERT_REPORTS: true },
  baseConfig: 'ROW_LIMIT = 100',
  componentConfig: 'ROW_LIMIT = 200',
};

/** The overlay's part that runs the shared file: a function that execs a sibling file in the module's globals. */
const INCLUDE_SHARED = [
  'def _include(name):',
  '    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)',
  '    with open(path, encoding="utf-8") as source:',
  '        exec(compile(source.read(), path, "exec"), globals())',
  '',
  '',
  '_include("superset_shared.py")',
  '',
];

describe('rendered files: structure', () => {
  test('the minimal shared file imports os and reads the secret key', () => {
    expect(renderSharedConfig(MINIMAL)).toBe([
      'import os',
      '',
      '# Operator-generated configs',
      "SECRET_KEY = os.environ['SUPERSET_OPERATOR__SECRET_KEY']",
      '',
      '',
    ].join('\n'));
  });

  test('the minimal overlay imports os and runs the shared file, nothing else', () => {
    expect(renderConfigOverlay({ baseConfig: false })).toBe(['import os', '', '', ...INCLUDE_SHARED, ''].join('\n'));
  });

  test('sections come in the fixed order, each followed by a blank line', () => {
    const all = files(EVERYTHING);
    const inOrder = (text: string, markers: string[]) => {
      const positions = markers.map((marker) => text.indexOf(marker));
      expect(positions).not.toContain(-1);
      expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    };
    // The shared settings, in the operator's order.
    inOrder(all['superset_shared.py'], [
      'import os\n',
      '\n\n# Operator-generated configs\n',
      '\n\nFEATURE_FLAGS = {\n',
      '\n\n# Valkey cache config\n',
    ]);
    // The overlay runs them first, then its own settings, the user's base config, and the component config last.
    inOrder(all['superset_config.py'], [
      'import os\n',
      '\n\n_include("superset_shared.py")\n\n',
      '\n\nSUPERSET_WEBSERVER_PORT = 8088\n\n',
      '\n\nSQLALCHEMY_ENGINE_OPTIONS = {\n',
      '\n\n# Base config (spec.config)\n_include("superset_base.py")\n\n',
      '\n\n# Component config\nROW_LIMIT = 200\n\n',
    ]);
    expect(all['superset_config.py'].endsWith('ROW_LIMIT = 200\n\n')).toBe(true);
    expect(all['superset_base.py']).toBe('ROW_LIMIT = 100\n');
  });

  test('the overlay runs the files of features after its settings and before the base config', () => {
    const text = renderConfigOverlay({ engineOptions: { kind: 'NullPool' }, featureFiles: ['a.py', 'b.py'], baseConfig: true });
    const features = '\n\n# Added by cdk8s-superset features\n_include("a.py")\n_include("b.py")\n\n';
    expect(text.indexOf(features)).toBeGreaterThan(text.indexOf('SQLALCHEMY_ENGINE_OPTIONS = {'));
    expect(text.indexOf(features)).toBeLessThan(text.indexOf('# Base config (spec.config)'));
  });

  describe('imports', () => {
    const OS = 'import os';
    const QUOTE = 'from urllib.parse import quote';
    const CACHELIB = 'from cachelib.redis import RedisCache as _CachelibRedis';
    const NULLPOOL = 'from sqlalchemy.pool import NullPool';
    const importsOf = (text: string) => text.slice(0, text.indexOf('\n\n')).split('\n');

    test.each<[string, ConfigInput, string[], string[]]>([
      ['nothing optional', MINIMAL, [OS], [OS]],
      ['a passthrough URI', { ...MINIMAL, metastore: { kind: 'uri' } }, [OS], [OS]],
      ['a structured metastore', { ...MINIMAL, metastore: STRUCTURED_PG }, [OS, QUOTE], [OS]],
      ['Valkey', withValkey(), [OS, QUOTE, CACHELIB], [OS]],
      ['Valkey without results backend', withValkey({ resultsBackend: { disabled: true } }), [OS, QUOTE], [OS]],
      ['NullPool', withEngine({ kind: 'NullPool' }), [OS], [OS, NULLPOOL]],
      ['everything', EVERYTHING, [OS, QUOTE, CACHELIB], [OS, NULLPOOL]],
    ])('with %s: shared file, then overlay', (_, input, sharedImports, overlayImports) => {
      const all = files(input);
      expect(importsOf(all['superset_shared.py'])).toEqual(sharedImports);
      expect(importsOf(all['superset_config.py'])).toEqual(overlayImports);
    });
  });

  test('optional sections are omitted when not configured', () => {
    const all = files({ ...MINIMAL, featureFlags: {}, baseConfig: '', componentConfig: '' });
    expect(Object.keys(all).sort()).toEqual(['superset_config.py', 'superset_shared.py']);
    const text = Object.values(all).join('\n')
      .replace('# Operator-generated configs', '');
    const omitted = ['PREVIOUS_SECRET_KEY', 'SQLALCHEMY', 'SUPERSET_WEBSERVER_PORT', 'FEATURE_FLAGS', 'Valkey', '# ', 'superset_base'];
    for (const name of omitted) expect(text).not.toContain(name);
  });

  test('raw config is kept verbatim, with a newline added only when missing', () => {
    expect(renderBaseConfig('A = "{x}"  # kept\n')).toBe('A = "{x}"  # kept\n');
    expect(renderBaseConfig('A = "{x}"  # kept')).toBe('A = "{x}"  # kept\n');
    const all = files({ ...MINIMAL, baseConfig: 'A = "{x}"  # kept\n', componentConfig: 'if True:\n    B = 1' });
    expect(all['superset_base.py']).toBe('A = "{x}"  # kept\n');
    expect(all['superset_config.py']).toContain('# Base config (spec.config)\n_include("superset_base.py")\n\n');
    expect(all['superset_config.py']).toContain('# Component config\nif True:\n    B = 1\n\n');
  });

  test('no metastore or Valkey host, port or secret is written into the files, only variable names', () => {
    const text = allText(EVERYTHING);
    expect(text).not.toContain('spec-host');
    const names = [ENV.DB_HOST, ENV.DB_PORT, ENV.DB_USER, ENV.DB_PASS, ENV.VALKEY_HOST, ENV.VALKEY_PORT];
    for (const name of [...names, ENV.VALKEY_PASS]) expect(text).toContain(name);
  });
});

describe('rendered files: values computed by Python', () => {
  describe('secret keys', () => {
    test('SECRET_KEY comes from the environment; PREVIOUS_SECRET_KEY only when configured', () => {
      const settings = run(MINIMAL, POD_ENV);
      expect(settings.SECRET_KEY).toBe('current-key');
      expect(settings).not.toHaveProperty('PREVIOUS_SECRET_KEY');
    });

    test('PREVIOUS_SECRET_KEY reads the environment', () => {
      const settings = run({ previousSecretKey: true }, { ...POD_ENV, [ENV.PREVIOUS_SECRET_KEY]: 'old-key' });
      expect(settings.PREVIOUS_SECRET_KEY).toBe('old-key');
    });

    test('PREVIOUS_SECRET_KEY is None when its variable is absent', () => {
      expect(run({ previousSecretKey: true }, POD_ENV).PREVIOUS_SECRET_KEY).toBeNull();
    });

    test('a missing SECRET_KEY variable makes the config fail instead of running with a default key', () => {
      expect(() => run(MINIMAL, {})).toThrow(/KeyError: 'SUPERSET_OPERATOR__SECRET_KEY'/);
    });
  });

  describe('metastore', () => {
    test('no metastore sets no database URI', () => {
      const settings = run(MINIMAL, POD_ENV);
      expect(settings).not.toHaveProperty('SQLALCHEMY_DATABASE_URI');
      expect(settings).not.toHaveProperty('SQLALCHEMY_EXAMPLES_URI');
    });

    test('a passthrough URI is read as is, and examples use the same database', () => {
      const uri = 'postgresql://u:p%40@h:1/d?sslmode=require';
      const settings = run({ ...MINIMAL, metastore: { kind: 'uri' } }, { ...POD_ENV, [ENV.DB_URI]: uri });
      expect(settings.SQLALCHEMY_DATABASE_URI).toBe(uri);
      expect(settings.SQLALCHEMY_EXAMPLES_URI).toBe(uri);
    });

    test('structured credentials are URL-quoted; the database name is written as SQLAlchemy reads it (verbatim)', () => {
      const settings = run(structured({}), {
        ...DB_ENV,
        [ENV.DB_USER]: 'ops@corp',
        [ENV.DB_PASS]: 'p@ss:w/rd%',
        [ENV.DB_NAME]: 'my db/1',
      });
      const uri = 'postgresql+psycopg2://ops%40corp:p%40ss%3Aw%2Frd%25@db.example:5432/my db/1';
      expect(settings.SQLALCHEMY_DATABASE_URI).toBe(uri);
      expect(settings.SQLALCHEMY_EXAMPLES_URI).toBe(uri);
    });

    test('without a password variable the URI has the user only', () => {
      expect(run(structured({}), DB_ENV).SQLALCHEMY_DATABASE_URI)
        .toBe('postgresql+psycopg2://super@db.example:5432/superset');
    });

    test('an empty password is the same as none', () => {
      expect(run(structured({}), { ...DB_ENV, [ENV.DB_PASS]: '' }).SQLALCHEMY_DATABASE_URI)
        .toBe('postgresql+psycopg2://super@db.example:5432/superset');
    });

    test('MySQL uses the mysqldb driver', () => {
      const settings = run(structured({ type: 'MySQL' }), { ...DB_ENV, [ENV.DB_PORT]: '3306', [ENV.DB_PASS]: 'pw' });
      expect(settings.SQLALCHEMY_DATABASE_URI).toBe('mysql+mysqldb://super:pw@db.example:3306/superset');
    });

    test('a custom driver is used', () => {
      expect(run(structured({ type: 'MySQL', driver: 'pymysql' }), DB_ENV).SQLALCHEMY_DATABASE_URI)
        .toBe('mysql+pymysql://super@db.example:5432/superset');
      expect(run(structured({ driver: 'pg8000' }), DB_ENV).SQLALCHEMY_DATABASE_URI)
        .toBe('postgresql+pg8000://super@db.example:5432/superset');
    });
  });

  describe('web server port', () => {
    test('is an int when given', () => {
      expect(run({ ...MINIMAL, webServerPort: 9000 }, POD_ENV).SUPERSET_WEBSERVER_PORT).toBe(9000);
    });

    test('is not set for other consumers', () => {
      expect(run(MINIMAL, POD_ENV)).not.toHaveProperty('SUPERSET_WEBSERVER_PORT');
    });
  });

  describe('engine options', () => {
    test('NullPool is the sqlalchemy class, accepted by create_engine', () => {
      const settings = run(withEngine({ kind: 'NullPool' }), POD_ENV);
      expect(settings.SQLALCHEMY_ENGINE_OPTIONS).toEqual({ poolclass: 'NullPool' });
      expect(settings.__engine_pool__).toEqual({ class: 'NullPool' });
    });

    test('QueuePool values with recycle and timeout, accepted by create_engine', () => {
      const settings = run(withEngine({
        kind: 'QueuePool',
        poolSize: 16,
        maxOverflow: -1,
        poolRecycle: 3600,
        poolPrePing: true,
        poolTimeout: 30,
      }), POD_ENV);
      expect(settings.SQLALCHEMY_ENGINE_OPTIONS).toEqual({
        pool_size: 16,
        max_overflow: -1,
        pool_recycle: 3600,
        pool_pre_ping: true,
        pool_timeout: 30,
      });
      expect(settings.__engine_pool__).toEqual({
        class: 'QueuePool',
        size: 16,
        max_overflow: -1,
        recycle: 3600,
        pre_ping: true,
        timeout: 30,
      });
    });

    test('pool_recycle and pool_timeout are left out when 0', () => {
      const settings = run(withEngine({
        kind: 'QueuePool',
        poolSize: 0,
        maxOverflow: 5,
        poolRecycle: 0,
        poolPrePing: false,
        poolTimeout: 0,
      }), POD_ENV);
      expect(settings.SQLALCHEMY_ENGINE_OPTIONS).toEqual({ pool_size: 0, max_overflow: 5, pool_pre_ping: false });
    });
  });

  describe('feature flags', () => {
    test('are a dict of booleans, odd names included', () => {
      const featureFlags = { 'EMBEDDED_SUPERSET': true, 'DASHBOARD_RBAC': false, 'odd "name" {x}\\': true };
      expect(run({ ...MINIMAL, featureFlags }, POD_ENV).FEATURE_FLAGS).toEqual(featureFlags);
    });

    test('are written in sorted order', () => {
      const text = renderSharedConfig({ ...MINIMAL, featureFlags: { B: true, C: false, A: true } });
      expect(text).toContain('FEATURE_FLAGS = {\n    "A": True,\n    "B": True,\n    "C": False,\n}\n\n');
    });
  });

  describe('Valkey', () => {
    const cache = (timeout: number, prefix: string, db: number, base = VK) => ({
      CACHE_TYPE: 'RedisCache',
      CACHE_DEFAULT_TIMEOUT: timeout,
      CACHE_KEY_PREFIX: `bi.analytics.${prefix}`,
      CACHE_REDIS_URL: `${base}/${db}`,
    });

    test('every cache dict has its type, timeout, instance-scoped prefix and database URL', () => {
      expect(run(withValkey(), VALKEY_ENV)).toMatchObject({
        CACHE_CONFIG: cache(300, 'superset_', 1),
        DATA_CACHE_CONFIG: cache(86400, 'superset_data_', 2),
        FILTER_STATE_CACHE_CONFIG: cache(3600, 'superset_filter_', 3),
        EXPLORE_FORM_DATA_CACHE_CONFIG: cache(3600, 'superset_explore_', 4),
        THUMBNAIL_CACHE_CONFIG: cache(3600, 'superset_thumbnail_', 5),
        DISTRIBUTED_COORDINATION_CONFIG: cache(300, 'coordination_', 7),
      });
    });

    test('Celery broker and result backend use database 0, without TLS options', () => {
      expect(run(withValkey(), VALKEY_ENV).CELERY_CONFIG).toEqual({
        __class__: 'CeleryConfig',
        broker_url: `${VK}/0`,
        result_backend: `${VK}/0`,
        ...CELERY_SCOPE,
      });
    });

    test('the results backend is a cachelib RedisCache on database 6 with the results prefix', () => {
      expect(run(withValkey(), VALKEY_ENV).RESULTS_BACKEND).toMatchObject({
        __class__: 'RedisCache',
        key_prefix: 'bi.analytics.superset_results_',
        connection_class: 'Connection',
        connection_kwargs: { host: 'valkey.example', port: 6379, db: 6, username: null, password: null },
      });
    });

    test('user and password are URL-quoted into every URL and passed to the results backend', () => {
      const env = { ...VALKEY_ENV, [ENV.VALKEY_USER]: 'app@team', [ENV.VALKEY_PASS]: 'p@ss:w/rd%' };
      const settings = run(withValkey(), env);
      const base = 'redis://app%40team:p%40ss%3Aw%2Frd%25@valkey.example:6379';
      expect(settings.CACHE_CONFIG).toEqual(cache(300, 'superset_', 1, base));
      expect(settings.CELERY_CONFIG).toMatchObject({ broker_url: `${base}/0`, result_backend: `${base}/0` });
      expect(settings.RESULTS_BACKEND).toMatchObject({
        connection_kwargs: { username: 'app@team', password: 'p@ss:w/rd%' },
      });
    });

    test('a user without password gives the user-only form', () => {
      const settings = run(withValkey(), { ...VALKEY_ENV, [ENV.VALKEY_USER]: 'app@team' });
      expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_REDIS_URL: 'redis://app%40team@valkey.example:6379/1' });
    });

    test('a password without user gives the password-only form', () => {
      const settings = run(withValkey(), { ...VALKEY_ENV, [ENV.VALKEY_PASS]: 's3cr:t' });
      expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_REDIS_URL: 'redis://:s3cr%3At@valkey.example:6379/1' });
    });

    test('the port is read from the environment', () => {
      const settings = run(withValkey(), { ...VALKEY_ENV, [ENV.VALKEY_PORT]: '6380' });
      expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_REDIS_URL: 'redis://valkey.example:6380/1' });
      expect(settings.RESULTS_BACKEND).toMatchObject({ connection_kwargs: { port: 6380 } });
    });

    test('an empty ssl object switches to rediss and requires a verified certificate everywhere', () => {
      const settings = run(withValkey({ ssl: {} }), VALKEY_ENV);
      const base = 'rediss://valkey.example:6379';
      const options = { ssl_cert_reqs: 'required' };
      expect(settings.CACHE_CONFIG).toEqual({ ...cache(300, 'superset_', 1, base), CACHE_REDIS_URL: `${base}/1?ssl_cert_reqs=required` });
      // Flask-Caching hands the URL to redis-py, which must connect over TLS with these options.
      expect(redisUrlSettings((settings.CACHE_CONFIG as { CACHE_REDIS_URL: string }).CACHE_REDIS_URL))
        .toEqual({ connection_class: 'SSLConnection', ...options });
      // Celery rejects a rediss:// result backend that does not say how to check certificates.
      expect(settings.CELERY_CONFIG).toEqual({
        __class__: 'CeleryConfig',
        broker_url: `${base}/0`,
        result_backend: `${base}/0`,
        ...CELERY_SCOPE,
        broker_use_ssl: options,
        redis_backend_use_ssl: options,
      });
      expect(settings.RESULTS_BACKEND).toMatchObject({ connection_class: 'SSLConnection' });
    });

    test('mTLS files become SSL options of every cache, Celery and the results backend', () => {
      const caCertFile = '/tls/o\'dd "ca".pem';
      const ssl = {
        certRequired: 'optional',
        keyFile: '/tls/client.key',
        certFile: '/tls/client.crt',
        caCertFile,
      } as const;
      const options = {
        ssl_cert_reqs: 'optional',
        ssl_keyfile: '/tls/client.key',
        ssl_certfile: '/tls/client.crt',
        ssl_ca_certs: caCertFile,
      };
      const settings = run(withValkey({ ssl }), VALKEY_ENV);
      for (const name of CACHE_SETTINGS) {
        const url = (settings[name] as { CACHE_REDIS_URL: string }).CACHE_REDIS_URL;
        expect(url).toMatch(/^rediss:\/\//);
        // Flask-Caching builds its client from the URL alone: the options must survive redis-py's URL parsing.
        expect(redisUrlSettings(url)).toEqual({ connection_class: 'SSLConnection', ...options });
      }
      expect(settings.CELERY_CONFIG).toMatchObject({ broker_use_ssl: options, redis_backend_use_ssl: options });
      expect(settings.RESULTS_BACKEND).toMatchObject({ connection_class: 'SSLConnection', connection_kwargs: options });
    });

    test('certRequired defaults to required when only a CA file is given', () => {
      const settings = run(withValkey({ ssl: { caCertFile: '/tls/ca.pem' } }), VALKEY_ENV);
      expect(redisUrlSettings((settings.CACHE_CONFIG as { CACHE_REDIS_URL: string }).CACHE_REDIS_URL))
        .toEqual({ connection_class: 'SSLConnection', ssl_cert_reqs: 'required', ssl_ca_certs: '/tls/ca.pem' });
    });

    test('section overrides change database, prefix and timeout; prefixes are taken literally', () => {
      const prefix = 'weird{x}"\'\\_';
      const settings = run(withValkey({
        cache: { database: 11, keyPrefix: prefix, defaultTimeout: 42 },
        celeryBroker: { database: 12 },
        celeryResultBackend: { database: 13 },
        resultsBackend: { database: 14, keyPrefix: 'res{}_' },
      }), VALKEY_ENV);
      expect(settings.CACHE_CONFIG).toEqual(cache(42, prefix, 11));
      expect(settings.CELERY_CONFIG).toMatchObject({ broker_url: `${VK}/12`, result_backend: `${VK}/13` });
      expect(settings.RESULTS_BACKEND).toMatchObject({ key_prefix: 'bi.analytics.res{}_', connection_kwargs: { db: 14 } });
    });

    test('disabled sections are not set', () => {
      const settings = run(withValkey({
        dataCache: { disabled: true },
        distributedCoordination: { disabled: true },
        celeryBroker: { disabled: true },
        resultsBackend: { disabled: true },
      }), VALKEY_ENV);
      expect(settings).not.toHaveProperty('DATA_CACHE_CONFIG');
      expect(settings).not.toHaveProperty('DISTRIBUTED_COORDINATION_CONFIG');
      expect(settings).not.toHaveProperty('RESULTS_BACKEND');
      expect(settings).toHaveProperty('CACHE_CONFIG');
      expect(settings.CELERY_CONFIG).toEqual({
        __class__: 'CeleryConfig', result_backend: `${VK}/0`, result_backend_transport_options: { global_keyprefix: 'bi.analytics.' },
      });
    });

    test('with broker and result backend disabled there is no CELERY_CONFIG', () => {
      const input = withValkey({ celeryBroker: { disabled: true }, celeryResultBackend: { disabled: true } });
      expect(run(input, VALKEY_ENV)).not.toHaveProperty('CELERY_CONFIG');
    });

    test('the instance name and the namespace of the pod scope every prefix and the Celery queue', () => {
      const settings = run(withValkey(), { ...VALKEY_ENV, [ENV.INSTANCE_NAME]: 'other' });
      expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_KEY_PREFIX: 'bi.other.superset_' });
      expect(settings.RESULTS_BACKEND).toMatchObject({ key_prefix: 'bi.other.superset_results_' });
      const elsewhere = run(withValkey(), { ...VALKEY_ENV, [ENV.NAMESPACE]: 'team-c' });
      expect(elsewhere.CACHE_CONFIG).toMatchObject({ CACHE_KEY_PREFIX: 'team-c.analytics.superset_' });
      expect(elsewhere.CELERY_CONFIG).toMatchObject({ task_default_queue: 'team-c.analytics' });
    });

    test('the coordination section has the discrete keys RedisCacheBackend.from_config reads', () => {
      const env = { ...VALKEY_ENV, [ENV.VALKEY_USER]: 'u', [ENV.VALKEY_PASS]: 'p w' };
      expect(run(withValkey({ ssl: { caCertFile: '/ca.pem' } }), env).DISTRIBUTED_COORDINATION_CONFIG).toMatchObject({
        CACHE_REDIS_HOST: 'valkey.example',
        CACHE_REDIS_PORT: 6379,
        CACHE_REDIS_DB: 7,
        CACHE_REDIS_USER: 'u',
        CACHE_REDIS_PASSWORD: 'p w',
        CACHE_REDIS_SSL: true,
        CACHE_REDIS_SSL_CERT_REQS: 'required',
        CACHE_REDIS_SSL_CA_CERTS: '/ca.pem',
      });
      expect(run(withValkey(), VALKEY_ENV).DISTRIBUTED_COORDINATION_CONFIG).toMatchObject({ CACHE_REDIS_PASSWORD: null, CACHE_REDIS_SSL: false });
    });

    test('an IPv6 host is bracketed in URLs and bare where a client takes the host', () => {
      const settings = run(withValkey(), { ...VALKEY_ENV, [ENV.VALKEY_HOST]: 'fd00::5' });
      expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_REDIS_URL: 'redis://[fd00::5]:6379/1' });
      expect(settings.DISTRIBUTED_COORDINATION_CONFIG).toMatchObject({ CACHE_REDIS_HOST: 'fd00::5' });
      expect(settings.RESULTS_BACKEND).toMatchObject({ connection_kwargs: { host: 'fd00::5' } });
    });
  });

  describe('raw config', () => {
    test('base then component config run after everything generated; a later assignment wins', () => {
      const settings = run({
        ...withValkey(),
        featureFlags: { A: true },
        baseConfig: 'ROW_LIMIT = 100\nSOURCE = "base"\nFEATURE_FLAGS["B"] = False',
        componentConfig: 'SOURCE = "component"\nCACHE_CONFIG["CACHE_DEFAULT_TIMEOUT"] = 5\n',
      }, VALKEY_ENV);
      expect(settings).toMatchObject({ ROW_LIMIT: 100, SOURCE: 'component', FEATURE_FLAGS: { A: true, B: false } });
      expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_DEFAULT_TIMEOUT: 5 });
    });

    test('the base config sees and overrides the engine options and shared settings; the component config runs last', () => {
      const base = [
        'SEEN_BY_BASE = {',
        '    "engine": dict(SQLALCHEMY_ENGINE_OPTIONS),',
        '    "secret": SECRET_KEY,',
        '    "port": SUPERSET_WEBSERVER_PORT,',
        '    "flags": dict(FEATURE_FLAGS),',
        '    "cache": CACHE_CONFIG["CACHE_KEY_PREFIX"],',
        '    "broker": CeleryConfig.broker_url,',
        '    "feature": FROM_FEATURE,',
        '}',
        'SQLALCHEMY_ENGINE_OPTIONS["pool_size"] = 3',
        'SECRET_KEY = "from-base"',
        'FEATURE_FLAGS["B"] = True',
        'CACHE_CONFIG = {**CACHE_CONFIG, "CACHE_DEFAULT_TIMEOUT": 1}',
        'FROM_FEATURE = "overridden by base"',
        'ORDER = ["base"]',
      ].join('\n');
      const component = [
        'ORDER.append("component")',
        'SEEN_BY_COMPONENT = {"pool_size": SQLALCHEMY_ENGINE_OPTIONS["pool_size"], "secret": SECRET_KEY}',
        'SECRET_KEY = "from-component"',
      ].join('\n');
      // A feature's file runs after the engine options and before the user's config, which can override it.
      const feature = { 'superset_feature.py': 'FROM_FEATURE = SQLALCHEMY_ENGINE_OPTIONS["pool_size"]\n' };
      const settings = run({
        ...withValkey(),
        webServerPort: 8088,
        engineOptions: { kind: 'QueuePool', poolSize: 16, maxOverflow: 4, poolRecycle: 0, poolPrePing: true, poolTimeout: 0 },
        featureFlags: { A: true },
        featureFiles: ['superset_feature.py'],
        baseConfig: base,
        componentConfig: component,
      }, VALKEY_ENV, feature);
      expect(settings.SEEN_BY_BASE).toEqual({
        engine: { pool_size: 16, max_overflow: 4, pool_pre_ping: true },
        secret: 'current-key',
        port: 8088,
        flags: { A: true },
        cache: 'bi.analytics.superset_',
        broker: `${VK}/0`,
        feature: 16,
      });
      expect(settings.SEEN_BY_COMPONENT).toEqual({ pool_size: 3, secret: 'from-base' });
      expect(settings).toMatchObject({
        ORDER: ['base', 'component'],
        SECRET_KEY: 'from-component',
        FEATURE_FLAGS: { A: true, B: true },
        FROM_FEATURE: 'overridden by base',
        SQLALCHEMY_ENGINE_OPTIONS: { pool_size: 3, max_overflow: 4, pool_pre_ping: true },
      });
      expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_DEFAULT_TIMEOUT: 1 });
      // SQLAlchemy builds its pool from the options as the base config left them.
      expect(settings.__engine_pool__).toMatchObject({ class: 'QueuePool', size: 3, max_overflow: 4 });
    });

    test('user config can use the generated helpers and the instance name', () => {
      const settings = run({ ...withValkey(), baseConfig: 'MY_QUEUE = f"{_superset_instance}_reports"' }, VALKEY_ENV);
      expect(settings.MY_QUEUE).toBe('analytics_reports');
    });
  });

  test('the complete file runs', () => {
    const env = { ...DB_ENV, ...VALKEY_ENV, [ENV.DB_PASS]: 'pw', [ENV.PREVIOUS_SECRET_KEY]: 'old' };
    expect(run(EVERYTHING, env)).toMatchObject({
      SECRET_KEY: 'current-key',
      PREVIOUS_SECRET_KEY: 'old',
      SQLALCHEMY_DATABASE_URI: 'postgresql+psycopg2://super:pw@db.example:5432/superset',
      SUPERSET_WEBSERVER_PORT: 8088,
      SQLALCHEMY_ENGINE_OPTIONS: { poolclass: 'NullPool' },
      FEATURE_FLAGS: { ALERT_REPORTS: true },
      CACHE_CONFIG: { CACHE_REDIS_URL: `${VK}/1` },
      ROW_LIMIT: 200,
    });
  });
});
