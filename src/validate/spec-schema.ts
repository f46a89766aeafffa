import { EXTERNAL_SECRETS } from './external-secrets-schema';
import {
  ABSOLUTE_PATH_FORMAT, ANNOTATION_KEY_FORMAT, CRON_FORMAT, DNS_LABEL_FORMAT, DNS_SUBDOMAIN_FORMAT, GATEWAY_PATH_FORMAT, GRAFANA_UID_FORMAT,
  GO_DURATION_FORMAT, HOSTNAME_FORMAT, LABEL_KEY_FORMAT, LABEL_VALUE_FORMAT, matching, NETWORK_HOST_FORMAT,
  PORT_NAME_FORMAT, PROMETHEUS_DURATION_FORMAT, SQLALCHEMY_DATABASE_FORMAT,
} from './formats';
import { QUEUE_SCALING } from './queue-scaling-schema';
import {
  arrayOf, BOOLEAN, INT_OR_PERCENT, INTEGER, integer, kubernetes, kubernetesList, JSON_DATA, mapOf, object, oneOf,
  refined, string, STRING,
} from './schema';

/*
 * The structure of `SupersetInstanceProps`: the operator CRD's `spec` (v0.2.0) field for field, with the CRD's
 * enums, ranges, patterns and required fields, plus Kubernetes rules the CRD cannot express (ports 1-65535,
 * label and annotation keys, DNS names). Kubernetes types embedded in the spec (containers, volumes, probes...)
 * are checked against the official Kubernetes 1.28 schema (`kubernetes(...)`, see ./kubernetes).
 *
 * Its TypeScript type must equal `SupersetInstanceProps`: ./spec-shape.ts fails the build when they drift apart.
 */

// Kubernetes rejects these at apply time; checking them here fails the build instead.
const PORT = integer(1, 65535);
const NON_NEGATIVE = integer(0);
const POSITIVE = integer(1);
const NON_EMPTY = string({ minLength: 1 });
const LABELS = mapOf(string({ format: LABEL_VALUE_FORMAT }), LABEL_KEY_FORMAT);
const ANNOTATIONS = mapOf(STRING, ANNOTATION_KEY_FORMAT);
const STRINGS = arrayOf(STRING);
const PULL_POLICY = oneOf('Always', 'IfNotPresent', 'Never');
const PRESET = oneOf('disabled', 'conservative', 'balanced', 'performance', 'aggressive');
const DATABASE_TYPE = oneOf('PostgreSQL', 'MySQL');
// Hosts reach URLs and clients' host arguments: only names and addresses, so nothing can add a host, path or query.
const NETWORK_HOST = string({ format: NETWORK_HOST_FORMAT });

// The CRD defaults a missing Secret name to "", which only fails when a pod starts; the props type requires it.
const SECRET_KEY_REF = object({ name: NON_EMPTY, key: NON_EMPTY, optional: BOOLEAN }, ['name', 'key']);

// Kubernetes lets a pull secret's name default to "", which never names a Secret.
const PULL_SECRETS = arrayOf(
  refined(kubernetes('io.k8s.api.core.v1.LocalObjectReference'), object({ name: NON_EMPTY }, ['name'])),
);

const IMAGE = object(
  { repository: STRING, tag: NON_EMPTY, pullPolicy: PULL_POLICY, pullSecrets: PULL_SECRETS },
  ['tag'],
);
const IMAGE_OVERRIDE = object({ repository: STRING, tag: STRING, pullPolicy: PULL_POLICY });
const CONTAINER_IMAGE = object({ repository: STRING, tag: STRING, pullPolicy: PULL_POLICY, pullSecrets: PULL_SECRETS });

const DEPLOYMENT_TEMPLATE = object({
  revisionHistoryLimit: NON_NEGATIVE,
  minReadySeconds: NON_NEGATIVE,
  progressDeadlineSeconds: NON_NEGATIVE,
  strategy: kubernetes('io.k8s.api.apps.v1.DeploymentStrategy'),
  labels: LABELS,
  annotations: ANNOTATIONS,
});

// Kubernetes' limits beyond the schema of a container port.
const CONTAINER_PORT = object({
  containerPort: PORT,
  hostPort: PORT,
  hostIP: STRING,
  name: string({ format: PORT_NAME_FORMAT }),
  protocol: oneOf('TCP', 'UDP', 'SCTP'),
}, ['containerPort']);

const CONTAINER_TEMPLATE = object({
  resources: kubernetes('io.k8s.api.core.v1.ResourceRequirements'),
  env: kubernetesList('io.k8s.api.core.v1.EnvVar'),
  envFrom: kubernetesList('io.k8s.api.core.v1.EnvFromSource'),
  volumeMounts: kubernetesList('io.k8s.api.core.v1.VolumeMount'),
  ports: arrayOf(refined(kubernetes('io.k8s.api.core.v1.ContainerPort'), CONTAINER_PORT)),
  securityContext: kubernetes('io.k8s.api.core.v1.SecurityContext'),
  command: STRINGS,
  args: STRINGS,
  livenessProbe: kubernetes('io.k8s.api.core.v1.Probe'),
  readinessProbe: kubernetes('io.k8s.api.core.v1.Probe'),
  startupProbe: kubernetes('io.k8s.api.core.v1.Probe'),
  lifecycle: kubernetes('io.k8s.api.core.v1.Lifecycle'),
});

// Kubernetes refuses a host alias without an IP (a rule its 1.28 schema does not carry), and aliases merge by IP.
const HOST_ALIAS_IP = object({ ip: NON_EMPTY }, ['ip'], { open: true });

const POD_TEMPLATE = object({
  annotations: ANNOTATIONS,
  labels: LABELS,
  affinity: kubernetes('io.k8s.api.core.v1.Affinity'),
  tolerations: kubernetesList('io.k8s.api.core.v1.Toleration'),
  // Kubernetes validates a node selector like labels.
  nodeSelector: LABELS,
  topologySpreadConstraints: kubernetesList('io.k8s.api.core.v1.TopologySpreadConstraint'),
  hostAliases: arrayOf(refined(kubernetes('io.k8s.api.core.v1.HostAlias'), HOST_ALIAS_IP)),
  podSecurityContext: kubernetes('io.k8s.api.core.v1.PodSecurityContext'),
  priorityClassName: string({ format: DNS_SUBDOMAIN_FORMAT }),
  volumes: kubernetesList('io.k8s.api.core.v1.Volume'),
  sidecars: kubernetesList('io.k8s.api.core.v1.Container'),
  initContainers: kubernetesList('io.k8s.api.core.v1.Container'),
  terminationGracePeriodSeconds: NON_NEGATIVE,
  dnsPolicy: oneOf('ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'),
  dnsConfig: kubernetes('io.k8s.api.core.v1.PodDNSConfig'),
  runtimeClassName: string({ format: DNS_SUBDOMAIN_FORMAT }),
  shareProcessNamespace: BOOLEAN,
  enableServiceLinks: BOOLEAN,
  resources: kubernetes('io.k8s.api.core.v1.ResourceRequirements'),
  container: CONTAINER_TEMPLATE,
});

const AUTOSCALING = object(
  { minReplicas: POSITIVE, maxReplicas: integer(1, 100), metrics: kubernetesList('io.k8s.api.autoscaling.v2.MetricSpec') },
  ['maxReplicas'],
);
const POD_DISRUPTION_BUDGET = object({ minAvailable: INT_OR_PERCENT, maxUnavailable: INT_OR_PERCENT });

const SERVICE = object({
  type: oneOf('ClusterIP', 'NodePort', 'LoadBalancer'),
  port: PORT,
  nodePort: integer(30000, 32767),
  labels: LABELS,
  annotations: ANNOTATIONS,
  gatewayPath: string({ format: GATEWAY_PATH_FORMAT }),
}, [], {
  unsupported: {
    loadBalancerIP: 'it is deprecated in Kubernetes; use your load balancer provider\'s Service annotations instead',
  },
});

const SQLA_ENGINE_OPTIONS = object({
  preset: PRESET,
  poolSize: NON_NEGATIVE,
  maxOverflow: INTEGER,
  poolRecycle: NON_NEGATIVE,
  poolPrePing: BOOLEAN,
  poolTimeout: NON_NEGATIVE,
});

const GUNICORN = object({
  preset: PRESET,
  workers: POSITIVE,
  threads: POSITIVE,
  workerClass: oneOf('sync', 'gthread', 'gevent', 'eventlet'),
  timeout: POSITIVE,
  keepAlive: NON_NEGATIVE,
  maxRequests: NON_NEGATIVE,
  maxRequestsJitter: NON_NEGATIVE,
  limitRequestLine: NON_NEGATIVE,
  limitRequestFieldSize: NON_NEGATIVE,
  logLevel: oneOf('debug', 'info', 'warning', 'error', 'critical'),
});

const CELERY = object({
  preset: PRESET,
  concurrency: POSITIVE,
  pool: oneOf('prefork', 'threads', 'gevent', 'eventlet', 'solo'),
  optimization: oneOf('default', 'fair'),
  maxTasksPerChild: NON_NEGATIVE,
  maxMemoryPerChild: NON_NEGATIVE,
  prefetchMultiplier: NON_NEGATIVE,
  softTimeLimit: NON_NEGATIVE,
  timeLimit: NON_NEGATIVE,
});

// Component field sets (operator-behaviour §1.3).
const COMPONENT = { image: IMAGE_OVERRIDE, deploymentTemplate: DEPLOYMENT_TEMPLATE, podTemplate: POD_TEMPLATE };
const PYTHON = { ...COMPONENT, config: STRING, bootstrapScript: STRING };
const SCALABLE = { replicas: NON_NEGATIVE, autoscaling: AUTOSCALING, podDisruptionBudget: POD_DISRUPTION_BUDGET };

const BEAT_IS_SINGLETON = 'celery beat is a singleton and always runs exactly one pod';

const WEB_SERVER = object({
  ...PYTHON, ...SCALABLE, service: SERVICE, gunicorn: GUNICORN, sqlaEngineOptions: SQLA_ENGINE_OPTIONS,
});
const CELERY_WORKER = object({
  ...PYTHON, ...SCALABLE, celery: CELERY, sqlaEngineOptions: SQLA_ENGINE_OPTIONS, queueScaling: QUEUE_SCALING,
});
const CELERY_BEAT = object({ ...PYTHON, sqlaEngineOptions: SQLA_ENGINE_OPTIONS }, [], {
  unsupported: {
    replicas: BEAT_IS_SINGLETON,
    autoscaling: BEAT_IS_SINGLETON,
    podDisruptionBudget: BEAT_IS_SINGLETON,
  },
});
const CELERY_FLOWER = object({ ...PYTHON, ...SCALABLE, service: SERVICE });
const WEBSOCKET_SERVER = object({
  ...COMPONENT, ...SCALABLE, service: SERVICE, config: mapOf(JSON_DATA), configFrom: SECRET_KEY_REF,
});
const MCP_SERVER = object({ ...PYTHON, ...SCALABLE, service: SERVICE, sqlaEngineOptions: SQLA_ENGINE_OPTIONS });

const METASTORE = object({
  uri: STRING,
  uriFrom: SECRET_KEY_REF,
  type: DATABASE_TYPE,
  driver: string({ format: matching(/^[A-Za-z0-9_]+$/, 'for example \'psycopg2\' or \'mysqldb\'') }),
  host: NETWORK_HOST,
  port: PORT,
  database: string({ format: SQLALCHEMY_DATABASE_FORMAT }),
  username: STRING,
  password: STRING,
  passwordFrom: SECRET_KEY_REF,
  createDatabase: BOOLEAN,
}, [], { secret: true });

const VALKEY_DATABASE = NON_NEGATIVE;
const VALKEY_CACHE = object({
  disabled: BOOLEAN, database: VALKEY_DATABASE, keyPrefix: STRING, defaultTimeout: INTEGER,
});
const VALKEY_CELERY = object({ disabled: BOOLEAN, database: VALKEY_DATABASE });

const VALKEY = object({
  host: NETWORK_HOST,
  port: PORT,
  username: STRING,
  password: STRING,
  passwordFrom: SECRET_KEY_REF,
  ssl: object({
    certRequired: oneOf('required', 'optional', 'none'), keyFile: STRING, certFile: STRING, caCertFile: STRING,
  }),
  cache: VALKEY_CACHE,
  dataCache: VALKEY_CACHE,
  filterStateCache: VALKEY_CACHE,
  exploreFormDataCache: VALKEY_CACHE,
  thumbnailCache: VALKEY_CACHE,
  distributedCoordination: VALKEY_CACHE,
  celeryBroker: VALKEY_CELERY,
  celeryResultBackend: VALKEY_CELERY,
  resultsBackend: object({ disabled: BOOLEAN, database: VALKEY_DATABASE, keyPrefix: STRING }),
}, ['host'], { secret: true });

const POD_RETENTION = object({ policy: oneOf('Delete', 'Retain', 'RetainOnFailure') });

const TASK_FIELDS = {
  command: STRINGS,
  trigger: STRING,
  requiresDrain: BOOLEAN,
  timeout: string({ format: GO_DURATION_FORMAT }),
  maxRetries: POSITIVE,
  disabled: BOOLEAN,
};

const SEED_SOURCE = object({
  type: DATABASE_TYPE,
  host: NETWORK_HOST,
  port: PORT,
  database: STRING,
  username: STRING,
  password: STRING,
  passwordFrom: SECRET_KEY_REF,
}, ['host', 'database', 'username'], { secret: true });

const SEED = object({
  ...TASK_FIELDS,
  source: SEED_SOURCE,
  cronSchedule: string({ format: CRON_FORMAT }),
  excludeTables: STRINGS,
  excludeTableData: STRINGS,
  postSeedSQL: STRINGS,
  image: CONTAINER_IMAGE,
  podTemplate: POD_TEMPLATE,
  podRetention: POD_RETENTION,
}, ['source']);

const INIT = object({
  ...TASK_FIELDS,
  adminUser: object(
    { username: STRING, password: STRING, firstName: STRING, lastName: STRING, email: STRING }, [], { secret: true },
  ),
  loadExamples: BOOLEAN,
});

const MAINTENANCE_PAGE = object({
  title: STRING,
  message: STRING,
  body: STRING,
  image: CONTAINER_IMAGE,
  replicas: NON_NEGATIVE,
  deploymentTemplate: DEPLOYMENT_TEMPLATE,
  podTemplate: POD_TEMPLATE,
});

const LIFECYCLE = object({
  disabled: BOOLEAN,
  // Beyond the operator: how the Jobs are ordered without a controller.
  delivery: oneOf('Plain', 'ArgoCD', 'Helm'),
  upgradeMode: oneOf('Automatic', 'Supervised'),
  image: IMAGE_OVERRIDE,
  podTemplate: POD_TEMPLATE,
  podRetention: POD_RETENTION,
  config: STRING,
  bootstrapScript: STRING,
  sqlaEngineOptions: SQLA_ENGINE_OPTIONS,
  maintenancePage: MAINTENANCE_PAGE,
  seed: SEED,
  migrate: object(TASK_FIELDS),
  rotate: object(TASK_FIELDS),
  init: INIT,
});

// The Gateway API ParentReference, with the CRD's patterns and limits.
const GATEWAY_REF = object({
  name: string({ minLength: 1, maxLength: 253 }),
  namespace: string({ format: DNS_LABEL_FORMAT }),
  sectionName: string({ format: DNS_SUBDOMAIN_FORMAT }),
  port: PORT,
  group: string({
    maxLength: 253,
    format: matching(/^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/),
  }),
  kind: string({ minLength: 1, maxLength: 63, format: matching(/^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/) }),
}, ['name']);

/** `networking.gateway`, also the props of a `GatewayRouting` used on its own. */
export const GATEWAY = object({
  gatewayRef: GATEWAY_REF,
  hostnames: arrayOf(string({ format: HOSTNAME_FORMAT })),
  labels: LABELS,
  annotations: ANNOTATIONS,
}, ['gatewayRef']);

const INGRESS_PATH = object({
  path: string({ format: ABSOLUTE_PATH_FORMAT }),
  pathType: oneOf('Exact', 'Prefix', 'ImplementationSpecific'),
});

/** `networking.ingress`, also the props of an `IngressRouting` used on its own. */
export const INGRESS = object({
  className: string({ format: DNS_SUBDOMAIN_FORMAT }),
  host: string({ format: HOSTNAME_FORMAT }),
  hosts: arrayOf(object({ host: string({ format: HOSTNAME_FORMAT }), paths: arrayOf(INGRESS_PATH) })),
  tls: kubernetesList('io.k8s.api.networking.v1.IngressTLS'),
  labels: LABELS,
  annotations: ANNOTATIONS,
});

// Beyond the operator: a throw-away PostgreSQL and Valkey for Development.
const DEV_DEPENDENCIES = object({
  password: NON_EMPTY,
  persistence: object({
    size: string({ format: matching(/^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/, 'for example \'1Gi\'') }),
    storageClassName: string({ format: DNS_SUBDOMAIN_FORMAT }),
  }),
  postgresImage: CONTAINER_IMAGE,
  valkeyImage: CONTAINER_IMAGE,
}, [], { secret: true });

// Beyond the operator: sign-in. URLs, names and the rules between fields are checked by rules/auth.ts.
const AUTH = object({
  oidc: object({
    issuerUrl: NON_EMPTY,
    discoveryUrl: NON_EMPTY,
    clientId: NON_EMPTY,
    clientSecretFrom: SECRET_KEY_REF,
    scopes: arrayOf(NON_EMPTY),
    providerName: string({ format: matching(/^[a-z][a-z0-9_]{0,39}$/, 'for example \'oidc\' or \'keycloak\'') }),
    icon: NON_EMPTY,
    usernameClaim: NON_EMPTY,
    rolesClaim: NON_EMPTY,
    pkce: BOOLEAN,
  }, ['clientId'], { secret: true }),
  ldap: object({
    serverUrl: NON_EMPTY,
    startTls: BOOLEAN,
    caFile: string({ format: ABSOLUTE_PATH_FORMAT }),
    bindDn: NON_EMPTY,
    usernameFormat: NON_EMPTY,
    bindPasswordFrom: SECRET_KEY_REF,
    searchBase: NON_EMPTY,
    searchFilter: NON_EMPTY,
    uidField: NON_EMPTY,
    groupField: NON_EMPTY,
  }, ['serverUrl'], { secret: true }),
  userRegistration: BOOLEAN,
  registrationRole: NON_EMPTY,
  rolesMapping: mapOf(arrayOf(NON_EMPTY)),
  syncRolesAtLogin: BOOLEAN,
});

/** `monitoring`, also the props of a `MonitoringStack` used on its own. */
export const MONITORING = object({
  serviceMonitor: object({
    interval: string({ format: PROMETHEUS_DURATION_FORMAT }),
    scrapeTimeout: string({ format: PROMETHEUS_DURATION_FORMAT }),
    labels: LABELS,
  }),
  // Beyond the operator: a metrics source and alert rules.
  statsdExporter: object({
    disabled: BOOLEAN, image: IMAGE_OVERRIDE, resources: kubernetes('io.k8s.api.core.v1.ResourceRequirements'),
  }),
  prometheusRule: object({ disabled: BOOLEAN, labels: LABELS }),
}, [], {
  unsupported: {
    dashboard: 'the Grafana dashboard is one for all instances, placed once where Grafana loads it: a SupersetDashboard '
      + '(`cdk8s-superset dashboard` for rendered resources) takes these labels and annotations',
  },
});

/** The props of a `SupersetDashboard`: one Grafana dashboard for every instance. */
export const DASHBOARD = object({
  name: string({ format: DNS_SUBDOMAIN_FORMAT }),
  namespace: string({ format: DNS_LABEL_FORMAT }),
  labels: LABELS,
  annotations: ANNOTATIONS,
  uid: string({ format: GRAFANA_UID_FORMAT }),
  title: NON_EMPTY,
  instanceNamespaces: arrayOf(string({ format: DNS_LABEL_FORMAT })),
  helmChart: BOOLEAN,
});

/** `networkPolicy`, also the props of an `InstanceNetworkPolicy` used on its own. */
export const NETWORK_POLICY = object({
  extraIngress: kubernetesList('io.k8s.api.networking.v1.NetworkPolicyIngressRule'),
  extraEgress: kubernetesList('io.k8s.api.networking.v1.NetworkPolicyEgressRule'),
  egress: oneOf('Open', 'Restricted'),
  externalFrom: kubernetesList('io.k8s.api.networking.v1.NetworkPolicyPeer'),
  metricsFrom: kubernetesList('io.k8s.api.networking.v1.NetworkPolicyPeer'),
});

// Beyond the operator: scheduled metastore backups (rules/backup.ts checks the schedule and the destination).
const BACKUP_S3 = object({
  bucket: string({ format: matching(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'use the bucket\'s name as S3 spells it') }),
  // Control characters would break the job's line-by-line listing of the keys.
  prefix: string({ format: matching(/^[^\u0000-\u001f\u007f]{0,512}$/, 'remove control characters') }),
  endpoint: NON_EMPTY,
  region: string({ format: matching(/^[a-z0-9-]{1,64}$/, 'use a region name such as eu-west-1') }),
  accessKeyIdFrom: SECRET_KEY_REF,
  secretAccessKeyFrom: SECRET_KEY_REF,
  forcePathStyle: BOOLEAN,
  image: CONTAINER_IMAGE,
}, ['bucket', 'accessKeyIdFrom', 'secretAccessKeyFrom']);
const BACKUP = object({
  schedule: NON_EMPTY,
  keep: integer(1, 1000),
  persistentVolumeClaim: object({ claimName: string({ format: DNS_SUBDOMAIN_FORMAT }) }, ['claimName']),
  s3: BACKUP_S3,
  image: CONTAINER_IMAGE,
  resources: kubernetes('io.k8s.api.core.v1.ResourceRequirements'),
  timeout: string({ format: GO_DURATION_FORMAT }),
  restore: object({ dump: NON_EMPTY, replaceMetastore: BOOLEAN }, ['dump']),
}, ['schedule']);

/** `SupersetInstanceProps`: `name`, `namespace` and every field of the operator's `spec`. */
export const INSTANCE_PROPS_SCHEMA = object({
  name: STRING, // checked by the name rules, which also see the construct id
  namespace: string({ format: DNS_LABEL_FORMAT }),
  image: IMAGE,
  environment: oneOf('Development', 'Staging', 'Production'),
  secretKey: STRING,
  secretKeyFrom: SECRET_KEY_REF,
  previousSecretKey: STRING,
  previousSecretKeyFrom: SECRET_KEY_REF,
  metastore: METASTORE,
  valkey: VALKEY,
  config: STRING,
  bootstrapScript: STRING,
  featureFlags: mapOf(BOOLEAN),
  sqlaEngineOptions: SQLA_ENGINE_OPTIONS,
  deploymentTemplate: DEPLOYMENT_TEMPLATE,
  podTemplate: POD_TEMPLATE,
  replicas: NON_NEGATIVE,
  autoscaling: AUTOSCALING,
  podDisruptionBudget: POD_DISRUPTION_BUDGET,
  webServer: WEB_SERVER,
  celeryWorker: CELERY_WORKER,
  celeryBeat: CELERY_BEAT,
  celeryFlower: CELERY_FLOWER,
  websocketServer: WEBSOCKET_SERVER,
  mcpServer: MCP_SERVER,
  lifecycle: LIFECYCLE,
  devDependencies: DEV_DEPENDENCIES,
  auth: AUTH,
  externalSecrets: EXTERNAL_SECRETS,
  backup: BACKUP,
  networking: object({
    gateway: GATEWAY,
    ingress: INGRESS,
    proxy: object({ enabled: BOOLEAN, publicUrl: NON_EMPTY }),
  }),
  monitoring: MONITORING,
  networkPolicy: NETWORK_POLICY,
  serviceAccount: object({ create: BOOLEAN, name: string({ format: DNS_SUBDOMAIN_FORMAT }), annotations: ANNOTATIONS }),
  suspend: BOOLEAN,
  forceReload: STRING,
}, ['image']);
