import type { SupersetInstanceProps } from '../src';
import { expectValidManifests } from './support/k8s-schema';
import { synth, type Manifest } from './util';

const ws = { image: { repository: 'oneacrefund/superset-websocket', tag: '0.1' } };
const all = { webServer: {}, celeryWorker: {}, celeryBeat: {}, celeryFlower: {}, mcpServer: {}, websocketServer: ws };

/** Specs that together reach every branch of the builders. */
const MATRIX: Record<string, Partial<SupersetInstanceProps>> = {
  minimal: { webServer: {} },
  allComponents: all,
  development: {
    environment: 'Development',
    secretKeyFrom: undefined,
    secretKey: 'dev',
    previousSecretKey: 'old',
    metastore: { uri: 'postgresql://superset:superset@postgres:5432/superset' },
    valkey: { host: 'valkey', password: 'dev' },
    ...all,
    websocketServer: { ...ws, config: { jwtSecret: 'dev-only' } },
  },
  production: {
    metastore: { host: 'pg', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'pw' } },
    valkey: { host: 'valkey', passwordFrom: { name: 'vk', key: 'pw' } },
    previousSecretKeyFrom: { name: 'old', key: 'k' },
    forceReload: '1',
    bootstrapScript: 'echo start',
    featureFlags: { ALERT_REPORTS: true },
    deploymentTemplate: { revisionHistoryLimit: 3, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } },
    podTemplate: {
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 70, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname' } }] } },
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' }],
      tolerations: [{ key: 'bi', operator: 'Exists', effect: 'NoSchedule' }],
      volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '1Gi' } }],
      sidecars: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.31.0', ports: [{ containerPort: 9901 }] }],
      initContainers: [{ name: 'wait', image: 'busybox:1.36', command: ['true'] }],
      container: {
        resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: 2, memory: '2Gi' } },
        env: [{ name: 'TZ', value: 'UTC' }, { name: 'POD', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
        envFrom: [{ secretRef: { name: 'extra' } }],
        volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
        lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
      },
    },
    serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::1:role/superset' } },
    webServer: {
      autoscaling: { minReplicas: 2, maxReplicas: 8, metrics: [{ type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } }] },
      podDisruptionBudget: { minAvailable: 1 },
      service: { type: 'NodePort', port: 80, nodePort: 30080, annotations: { a: 'b' } },
    },
    celeryWorker: { replicas: 3, podDisruptionBudget: { maxUnavailable: '50%' } },
    celeryBeat: {},
    celeryFlower: { service: { gatewayPath: '/flower' } },
    mcpServer: { autoscaling: { maxReplicas: 3 } },
    websocketServer: { ...ws, configFrom: { name: 'ws', key: 'config.json', optional: false } },
  },
  mysql: {
    metastore: { type: 'MySQL', host: 'mysql', port: 3307, driver: 'pymysql', database: 'ss', username: 'u', passwordFrom: { name: 'db', key: 'pw' } },
    webServer: {},
    celeryWorker: {},
  },
  valkeyMtls: {
    valkey: {
      host: 'valkey',
      port: 6380,
      username: 'superset',
      passwordFrom: { name: 'vk', key: 'pw' },
      ssl: { certRequired: 'optional', keyFile: '/certs/tls.key', certFile: '/certs/tls.crt', caCertFile: '/certs/ca.crt' },
      cache: { database: 10, keyPrefix: 'c_', defaultTimeout: 60 },
      dataCache: { disabled: true },
      celeryBroker: { database: 11 },
    },
    webServer: {},
    celeryWorker: {},
    celeryBeat: {},
  },
  presets: {
    sqlaEngineOptions: { preset: 'performance', poolPrePing: true },
    webServer: { gunicorn: { preset: 'aggressive', workerClass: 'gthread', timeout: 120 } },
    celeryWorker: { celery: { preset: 'conservative', pool: 'prefork', maxTasksPerChild: 10, softTimeLimit: 300, timeLimit: 360 } },
    mcpServer: { sqlaEngineOptions: { preset: 'disabled' } },
  },
  existingServiceAccount: { serviceAccount: { create: false, name: 'superset-runner' }, webServer: {} },
  gatewayAndPolicies: {
    environment: 'Staging',
    ...all,
    metastore: { host: 'pg', database: 'superset', username: 'superset' },
    valkey: { host: 'valkey' },
    networking: {
      gateway: {
        gatewayRef: { name: 'public', namespace: 'gateways', sectionName: 'https', port: 443 },
        hostnames: ['bi.example.com', '*.bi.example.com'],
        labels: { team: 'bi' },
        annotations: { a: 'b' },
      },
    },
    networkPolicy: {
      egress: 'Restricted',
      externalFrom: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateways' } } }],
      extraIngress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8', except: ['10.0.1.0/24'] } }] }],
      extraEgress: [{ to: [{ ipBlock: { cidr: '0.0.0.0/0' } }], ports: [{ protocol: 'TCP', port: 443 }] }],
    },
  },
  ingress: {
    webServer: {},
    mcpServer: {},
    networking: {
      ingress: {
        className: 'nginx',
        hosts: [{ host: 'bi.example.com' }, { host: 'api.example.com', paths: [{ path: '/api', pathType: 'Prefix' }] }],
        tls: [{ hosts: ['bi.example.com'], secretName: 'bi-tls' }],
        annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt' },
      },
    },
  },
  monitoring: {
    namespace: 'analytics',
    ...all,
    webServer: { service: { type: 'NodePort' } },
    celeryFlower: { service: { gatewayPath: '/ops/flower' } },
    monitoring: {
      serviceMonitor: { interval: '1m', scrapeTimeout: '20s', labels: { release: 'prometheus' } },
      statsdExporter: { image: { tag: 'v0.28.0', pullPolicy: 'Always' }, resources: { limits: { cpu: '200m', memory: '64Mi' } } },
      prometheusRule: { labels: { role: 'alert-rules' } },
    },
  },
  lifecyclePlain: {
    ...all,
    previousSecretKeyFrom: { name: 'old', key: 'k' },
    metastore: { host: 'pg', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'pw' }, createDatabase: true },
    environment: 'Staging',
    bootstrapScript: 'pip install psycopg2-binary',
    podTemplate: { container: { resources: { requests: { cpu: '250m', memory: '512Mi' } } } },
    lifecycle: {
      image: { tag: '6.1.1' },
      config: 'SQLLAB_TIMEOUT = 300',
      podTemplate: { annotations: { team: 'bi' }, container: { args: ['--verbose'], env: [{ name: 'TZ', value: 'UTC' }] } },
      seed: {
        source: { host: 'prod-db', database: 'superset', username: 'reader', passwordFrom: { name: 'prod', key: 'pw' } },
        cronSchedule: '0 3 * * 1',
        excludeTables: ['logs'],
        excludeTableData: ['query'],
        postSeedSQL: ['UPDATE ab_user SET active = false'],
        image: { tag: '17.5-alpine', pullSecrets: [{ name: 'hub' }] },
        podTemplate: { nodeSelector: { pool: 'batch' } },
      },
      migrate: { timeout: '1h30m', maxRetries: 1, trigger: '2' },
      rotate: {},
      init: { timeout: '0' },
    },
  },
  lifecycleArgoCD: {
    webServer: {},
    previousSecretKeyFrom: { name: 'old', key: 'k' },
    metastore: { type: 'MySQL', host: 'mysql', database: 'superset', username: 'superset', createDatabase: true },
    environment: 'Development',
    lifecycle: {
      delivery: 'ArgoCD',
      podRetention: { policy: 'Delete' },
      rotate: {},
      init: { adminUser: { username: 'root' }, loadExamples: true },
    },
  },
  lifecycleHelm: { webServer: {}, celeryWorker: {}, lifecycle: { delivery: 'Helm', migrate: { command: ['superset', 'db', 'upgrade'] } } },
  lifecycleSeedMySQL: {
    webServer: {},
    environment: 'Development',
    metastore: { type: 'MySQL', host: 'mysql', database: 'superset', username: 'superset', password: 'dev' },
    lifecycle: {
      seed: { source: { type: 'MySQL', host: 'prod', database: 'ss', username: 'r', password: 'pw' }, excludeTableData: ['logs'] },
      migrate: { disabled: true },
      init: { adminUser: { username: 'root' }, loadExamples: true },
    },
  },
  devDependencies: {
    environment: 'Development',
    secretKeyFrom: undefined,
    secretKey: 'dev',
    devDependencies: { password: 'pw', persistence: { size: '5Gi', storageClassName: 'standard' }, valkeyImage: { tag: '8.1.2-alpine' } },
    webServer: {},
    celeryWorker: {},
    lifecycle: { init: { adminUser: {} } },
  },
};

describe('every synthesized object validates against Kubernetes 1.28, unknown fields rejected', () => {
  const manifests: Manifest[] = Object.entries(MATRIX).flatMap(([, props]) => synth(props));

  test('the matrix covers every kind the core emits', () => {
    expect(new Set(manifests.map((m) => m.kind))).toEqual(new Set([
      'ServiceAccount', 'ConfigMap', 'Deployment', 'Service', 'HorizontalPodAutoscaler', 'PodDisruptionBudget',
      'HTTPRoute', 'Ingress', 'NetworkPolicy', 'ServiceMonitor', 'PrometheusRule', 'Job', 'CronJob', 'PersistentVolumeClaim',
    ]));
  });

  test('all objects pass both the Kubernetes 1.28 field check and the official schema check', () => {
    expectValidManifests(manifests);
  });
});
