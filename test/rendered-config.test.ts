// End to end: the pod's whole PYTHONPATH (its superset_config.py and the instance's shared files, as the kubelet
// projects them), executed by a real Python interpreter with the environment the kubelet gives the pod (the shared
// env ConfigMap, then the container's env; Secret references replaced by the values a Secret would hold).
import { containerEnv, pythonPath } from './support/pod';
import { redisUrlSettings, runSupersetConfig } from './support/python';
import { find, mainContainer, synth, type Manifest } from './util';

/** Stand-in Secret contents, keyed by `<secret>/<key>`. */
const SECRETS: Record<string, string> = {
  'app-secret/secret-key': 'the-secret-key',
  'old-secret/secret-key': 'the-old-key',
  'superset-db/password': 'p@ss:w/rd%',
  'superset-valkey/password': 'vk pass',
};

/** The namespace the manifests (which name none) are applied to. */
const POD_NAMESPACE = 'analytics';

function runComponent(manifests: Manifest[], component: string) {
  const deployment = find(manifests, 'Deployment', `demo-${component}`);
  return runSupersetConfig(
    pythonPath(manifests, deployment),
    containerEnv(manifests, mainContainer(deployment), POD_NAMESPACE, SECRETS),
  );
}

describe('rendered superset_config.py, executed with the pod environment', () => {
  const manifests = synth({
    previousSecretKeyFrom: { name: 'old-secret', key: 'secret-key' },
    metastore: { host: 'pg.db.svc', database: 'super set', username: 'ops@corp', passwordFrom: { name: 'superset-db', key: 'password' } },
    valkey: {
      host: 'valkey.db.svc',
      port: 6380,
      username: 'superset',
      passwordFrom: { name: 'superset-valkey', key: 'password' },
      ssl: { keyFile: '/certs/tls.key', certFile: '/certs/tls.crt', caCertFile: '/certs/ca.crt' },
    },
    featureFlags: { ALERT_REPORTS: true, DASHBOARD_RBAC: false },
    sqlaEngineOptions: { preset: 'performance' },
    config: 'ROW_LIMIT = 10000\nSQLLAB_TIMEOUT = 30',
    webServer: { gunicorn: { preset: 'aggressive' }, config: 'SQLLAB_TIMEOUT = 300' },
    celeryWorker: { celery: { concurrency: 6 } },
    celeryBeat: {},
  });
  test('every component runs the instance\'s one shared file and base config, next to its own superset_config.py', () => {
    const shared = find(manifests, 'ConfigMap', 'demo-shared-config').data;
    for (const component of ['web-server', 'celery-worker', 'celery-beat']) {
      const files = pythonPath(manifests, find(manifests, 'Deployment', `demo-${component}`));
      expect(files['superset_config.py']).toBe(find(manifests, 'ConfigMap', `demo-${component}-overlay`).data['superset_config.py']);
      expect(files['superset_shared.py']).toBe(shared['superset_shared.py']);
      expect(files['superset_base.py']).toBe('ROW_LIMIT = 10000\nSQLLAB_TIMEOUT = 30\n');
    }
  });

  const web = runComponent(manifests, 'web-server');
  const worker = runComponent(manifests, 'celery-worker');
  const beat = runComponent(manifests, 'celery-beat');

  test('secret keys come from the Secrets', () => {
    expect(web.SECRET_KEY).toBe('the-secret-key');
    expect(web.PREVIOUS_SECRET_KEY).toBe('the-old-key');
  });

  test('the database URI quotes credentials and keeps the database name as SQLAlchemy reads it', () => {
    expect(web.SQLALCHEMY_DATABASE_URI).toBe('postgresql+psycopg2://ops%40corp:p%40ss%3Aw%2Frd%25@pg.db.svc:5432/super set');
    expect(web.SQLALCHEMY_EXAMPLES_URI).toBe(web.SQLALCHEMY_DATABASE_URI);
  });

  test('engine options are sized per component', () => {
    // performance preset: gunicorn workers for the web server (aggressive = 8), concurrency for workers, NullPool for beat.
    expect(web.SQLALCHEMY_ENGINE_OPTIONS).toMatchObject({ pool_size: 8, max_overflow: -1, pool_recycle: 3600, pool_pre_ping: false });
    expect(worker.SQLALCHEMY_ENGINE_OPTIONS).toMatchObject({ pool_size: 6 });
    expect(beat.SQLALCHEMY_ENGINE_OPTIONS).toMatchObject({ poolclass: 'NullPool' });
  });

  test('the web port, feature flags and raw config, the component config last', () => {
    expect(web.SUPERSET_WEBSERVER_PORT).toBe(8088);
    expect(worker.SUPERSET_WEBSERVER_PORT).toBeUndefined();
    expect(web.FEATURE_FLAGS).toEqual({ ALERT_REPORTS: true, DASHBOARD_RBAC: false });
    expect(web.ROW_LIMIT).toBe(10000);
    expect(web.SQLLAB_TIMEOUT).toBe(300);
    expect(worker.SQLLAB_TIMEOUT).toBe(30);
  });

  test('caches use TLS, the instance prefix and their own databases', () => {
    const ssl = { ssl_cert_reqs: 'required', ssl_keyfile: '/certs/tls.key', ssl_certfile: '/certs/tls.crt', ssl_ca_certs: '/certs/ca.crt' };
    const query = '?ssl_cert_reqs=required&ssl_keyfile=%2Fcerts%2Ftls.key&ssl_certfile=%2Fcerts%2Ftls.crt&ssl_ca_certs=%2Fcerts%2Fca.crt';
    expect(web.CACHE_CONFIG).toEqual({
      CACHE_TYPE: 'RedisCache',
      CACHE_DEFAULT_TIMEOUT: 300,
      CACHE_KEY_PREFIX: 'analytics.demo.superset_',
      CACHE_REDIS_URL: `rediss://superset:vk%20pass@valkey.db.svc:6380/1${query}`,
    });
    // Flask-Caching builds its client from the URL alone: redis-py must find every TLS option there.
    expect(redisUrlSettings((web.CACHE_CONFIG as { CACHE_REDIS_URL: string }).CACHE_REDIS_URL))
      .toEqual({ connection_class: 'SSLConnection', ...ssl });
    expect(web.DATA_CACHE_CONFIG).toMatchObject({ CACHE_DEFAULT_TIMEOUT: 86400, CACHE_REDIS_URL: `rediss://superset:vk%20pass@valkey.db.svc:6380/2${query}` });
    expect(web.DISTRIBUTED_COORDINATION_CONFIG).toMatchObject({ CACHE_KEY_PREFIX: 'analytics.demo.coordination_' });
  });

  test('Celery broker and result backend point at database 0 over TLS', () => {
    expect(worker.CELERY_CONFIG).toMatchObject({
      broker_url: 'rediss://superset:vk%20pass@valkey.db.svc:6380/0',
      result_backend: 'rediss://superset:vk%20pass@valkey.db.svc:6380/0',
      task_default_queue: 'analytics.demo',
    });
    // The web server sends SQL Lab tasks and beat its schedule to the queue the workers consume.
    expect(web.CELERY_CONFIG).toMatchObject({ task_default_queue: 'analytics.demo' });
    expect(beat.CELERY_CONFIG).toMatchObject({ task_default_queue: 'analytics.demo' });
  });

  test('the results backend is a Redis cache on database 6', () => {
    expect(web.RESULTS_BACKEND).toMatchObject({ key_prefix: 'analytics.demo.superset_results_' });
    expect(JSON.stringify(web.RESULTS_BACKEND)).toContain('"db":6');
  });
});
