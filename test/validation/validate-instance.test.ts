import { errorOf, MINIMAL, problemsOf } from './helpers';
import type { SupersetInstanceProps } from '../../src/spec';
import { validateInstanceProps } from '../../src/validate/index';

const REF = (name: string, key: string) => ({ name, key });

const POD_TEMPLATE: SupersetInstanceProps['podTemplate'] = {
  annotations: { 'prometheus.io/scrape': 'false' },
  labels: { 'team': 'data', 'app.example.com/tier': 'analytics' },
  nodeSelector: { 'kubernetes.io/os': 'linux' },
  tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'superset', effect: 'NoSchedule' }],
  affinity: { podAntiAffinity: {} },
  topologySpreadConstraints: [
    { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
  ],
  podSecurityContext: { fsGroup: 1000 },
  priorityClassName: 'business-critical',
  terminationGracePeriodSeconds: 60,
  dnsPolicy: 'ClusterFirst',
  enableServiceLinks: false,
  volumes: [{ name: 'tmp', emptyDir: {} }],
  container: {
    env: [{ name: 'TZ', value: 'UTC' }],
    volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    resources: { requests: { cpu: '500m', memory: '1Gi' } },
    securityContext: { readOnlyRootFilesystem: true },
  },
};

/** Every field a Production instance may use. */
const PRODUCTION: SupersetInstanceProps = {
  name: 'superset',
  namespace: 'analytics',
  image: { repository: 'apache/superset', tag: '6.1.0', pullPolicy: 'IfNotPresent', pullSecrets: [{ name: 'registry' }] },
  environment: 'Production',
  secretKeyFrom: REF('superset-secret', 'secret-key'),
  previousSecretKeyFrom: REF('superset-secret', 'previous-secret-key'),
  metastore: {
    type: 'PostgreSQL',
    driver: 'psycopg2',
    host: 'db.example.com',
    port: 5432,
    database: 'superset',
    username: 'superset',
    passwordFrom: REF('superset-db', 'password'),
    createDatabase: true,
  },
  valkey: {
    host: 'valkey',
    port: 6379,
    username: 'superset',
    passwordFrom: REF('valkey', 'password'),
    ssl: { certRequired: 'required', caCertFile: '/etc/ssl/ca.pem' },
    cache: { database: 1, keyPrefix: 'superset_', defaultTimeout: 300 },
    dataCache: { disabled: true },
    celeryBroker: { database: 0 },
    resultsBackend: { database: 6, keyPrefix: 'results_' },
  },
  config: 'ROW_LIMIT = 10000',
  bootstrapScript: 'pip install psycopg2-binary',
  featureFlags: { ALERT_REPORTS: true, DASHBOARD_RBAC: false },
  sqlaEngineOptions: { preset: 'balanced', poolPrePing: true },
  deploymentTemplate: { revisionHistoryLimit: 3, labels: { team: 'data' }, annotations: { owner: 'data-team' } },
  podTemplate: POD_TEMPLATE,
  replicas: 2,
  podDisruptionBudget: { maxUnavailable: 1 },
  webServer: {
    autoscaling: { minReplicas: 2, maxReplicas: 10, metrics: [] },
    podDisruptionBudget: { minAvailable: '50%' },
    service: { type: 'ClusterIP', port: 8088, labels: { exposed: 'true' }, annotations: { 'example.com/lb': 'internal' } },
    gunicorn: { preset: 'performance', workerClass: 'gthread', threads: 8, timeout: 120, logLevel: 'info' },
    podTemplate: {
      container: {
        ports: [{ name: 'http', containerPort: 8088, protocol: 'TCP' }],
        readinessProbe: { httpGet: { path: '/health', port: 8088 } },
      },
    },
  },
  celeryWorker: {
    replicas: 3,
    celery: { preset: 'performance', pool: 'prefork', maxTasksPerChild: 100, concurrency: 8 },
    sqlaEngineOptions: { preset: 'conservative' },
  },
  celeryBeat: { deploymentTemplate: { strategy: { type: 'Recreate' } } },
  celeryFlower: { service: { gatewayPath: '/flower' } },
  websocketServer: {
    image: { repository: 'ghcr.io/example/superset-websocket', tag: '1.0.0' },
    configFrom: REF('websocket-config', 'config.json'),
    service: { type: 'NodePort', nodePort: 30080, gatewayPath: '/ws' },
  },
  mcpServer: { service: { port: 8088, gatewayPath: '/mcp' } },
  lifecycle: {
    podRetention: { policy: 'RetainOnFailure' },
    podTemplate: { labels: { job: 'lifecycle' } },
    migrate: { timeout: '15m', maxRetries: 2 },
    rotate: { trigger: '2026-01', timeout: '1h30m' },
    init: { requiresDrain: false },
  },
  networking: {
    gateway: {
      gatewayRef: { name: 'public', namespace: 'gateway-system', sectionName: 'https', port: 443 },
      hostnames: ['superset.example.com', '*.superset.example.com'],
      labels: { exposure: 'public' },
    },
  },
  monitoring: { serviceMonitor: { interval: '30s', scrapeTimeout: '10s', labels: { release: 'prometheus' } } },
  networkPolicy: { extraIngress: [{ from: [{ namespaceSelector: {} }] }], extraEgress: [] },
  serviceAccount: { name: 'superset', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/superset' } },
  suspend: false,
  forceReload: '2026-01-01',
};

/** A Development instance with every inline secret and demo feature. */
const DEVELOPMENT: SupersetInstanceProps = {
  image: { tag: '6.1.0' },
  environment: 'Development',
  secretKey: 'dev-secret',
  previousSecretKey: 'old-dev-secret',
  metastore: { host: 'postgres', database: 'superset', username: 'superset', password: 'superset' },
  valkey: { host: 'valkey', password: 'valkey' },
  webServer: {},
  celeryWorker: {},
  celeryBeat: {},
  celeryFlower: {},
  websocketServer: { image: { repository: 'superset-websocket' }, config: { jwtSecret: 'dev', port: 8080 } },
  mcpServer: {},
  lifecycle: {
    seed: {
      source: { type: 'PostgreSQL', host: 'prod-replica', database: 'superset', username: 'reader', password: 'reader' },
      cronSchedule: '0 3 * * *',
      excludeTableData: ['logs'],
      postSeedSQL: ['UPDATE ab_user SET active = false'],
      image: { repository: 'postgres', tag: '17-alpine' },
    },
    rotate: {},
    init: { adminUser: { username: 'admin', password: 'admin', email: 'admin@example.com' }, loadExamples: true },
  },
  networking: {
    ingress: {
      className: 'nginx',
      hosts: [{ host: 'superset.localhost', paths: [{ path: '/', pathType: 'Prefix' }] }],
      tls: [{ hosts: ['superset.localhost'], secretName: 'tls' }],
    },
  },
  networkPolicy: {},
};

describe('validateInstanceProps', () => {
  test('accepts the minimal props', () => {
    expect(() => validateInstanceProps(MINIMAL, 'superset')).not.toThrow();
  });

  test('accepts a full production spec', () => {
    expect(() => validateInstanceProps(PRODUCTION, 'superset')).not.toThrow();
  });

  test('accepts a full development spec with inline secrets', () => {
    expect(() => validateInstanceProps(DEVELOPMENT, 'superset-dev')).not.toThrow();
  });

  test('accepts props that went through JSON, as parsed YAML would', () => {
    expect(() => validateInstanceProps(JSON.parse(JSON.stringify(PRODUCTION)), 'superset')).not.toThrow();
  });

  test('fails with one line when there is one problem', () => {
    expect(errorOf({ ...MINIMAL, replicas: -1 })).toBe(
      'SupersetInstance \'superset\': replicas: must be an integer >= 0, got -1');
  });

  test('fails with every problem in one error, numbered and listed', () => {
    const message = errorOf({
      image: { tag: '6.1.0' },
      secretKey: 'oops',
      webserver: {},
      celeryBeat: { replicas: 2 },
      webServer: { service: { nodePort: 30080 } },
    }, 'demo');
    expect(message).toBe([
      'SupersetInstance \'demo\': 4 problems:',
      '  - celeryBeat.replicas: unknown field, got 2; celery beat is a singleton and always runs exactly one pod; remove it',
      '  - webserver: unknown field, got {}; did you mean \'webServer\'?',
      '  - secretKey: secretKey is only allowed when environment is Development '
        + '(environment is unset, which means Production), got <hidden>; use secretKeyFrom in Staging or Production',
      '  - webServer.service.nodePort: nodePort is only valid when type is NodePort or LoadBalancer, got 30080; '
        + 'set webServer.service.type to NodePort or LoadBalancer, or remove nodePort',
    ].join('\n'));
  });

  test('reports structure, operator rules and name rules together', () => {
    const networking = { ingress: {}, gateway: {} };
    const problems = problemsOf({ image: { tag: '' }, replicas: 'two', webServer: {}, networking }, 'x'.repeat(60));
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'image.tag', 'replicas', 'networking.gateway.gatewayRef', 'name', 'secretKeyFrom', 'networking',
    ]);
  });

  test('reports problems in the same order whatever the key order of the props', () => {
    const a = { ...MINIMAL, replicas: -1, webServer: { replica: 1 }, environment: 'prod' };
    const b = { environment: 'prod', webServer: { replica: 1 }, replicas: -1, ...MINIMAL };
    expect(problemsOf(a)).toEqual(problemsOf(b));
  });

  test('names the instance as given, also when it came from the construct id', () => {
    expect(errorOf({ ...MINIMAL, replicas: -1 }, 'from-construct-id')).toMatch(/^SupersetInstance 'from-construct-id': /);
  });
});
