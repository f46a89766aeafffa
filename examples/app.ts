// A production Superset: secrets from an external store (External Secrets Operator), a structured PostgreSQL
// metastore, Valkey over TLS, an autoscaled web server with a disruption budget, Celery workers scaled on their
// queue (KEDA), beat and Flower, sign-in through an OpenID Connect provider, Gateway API routing and NetworkPolicies
// with restricted egress, monitoring (StatsD exporter, ServiceMonitors, alerts, a shared dashboard), and nightly metastore
// backups to an S3-compatible bucket.
// `npm run synth` writes it to cdk8s.out/superset.k8s.yaml (see main.ts).
import { App, Chart } from 'cdk8s';
import { SupersetDashboard, SupersetInstance, type SupersetInstanceProps } from '../src';

/** The production instance. */
export const PRODUCTION: SupersetInstanceProps = {
  // Your own build of the official image, pinned: `FROM apache/superset:6.1.0` plus the database driver
  // (psycopg2-binary) and Flower, which the official image does not ship for every use.
  image: { repository: 'registry.example.com/analytics/superset', tag: '6.1.0-1', pullSecrets: [{ name: 'registry' }] },
  // The secret key, the passwords and the OIDC client secret come from the store `vault` through one ExternalSecret,
  // which creates the Secret `superset-external-secrets` and fills in secretKeyFrom, metastore.passwordFrom,
  // valkey.passwordFrom and auth.oidc.clientSecretFrom.
  externalSecrets: {
    storeRef: { name: 'vault', kind: 'ClusterSecretStore' },
    refreshInterval: '15m',
    secretKey: { key: 'analytics/superset', property: 'secret-key' },
    metastorePassword: { key: 'analytics/superset-db', property: 'password' },
    valkeyPassword: { key: 'analytics/superset-valkey', property: 'password' },
    oidcClientSecret: { key: 'analytics/superset-oidc', property: 'client-secret' },
  },
  metastore: {
    host: 'postgres.databases.svc',
    database: 'superset',
    username: 'superset',
  },
  valkey: {
    host: 'valkey.databases.svc',
    ssl: {},
  },
  featureFlags: { DASHBOARD_RBAC: true, ALERT_REPORTS: true },
  deploymentTemplate: { revisionHistoryLimit: 3 },
  podTemplate: {
    container: {
      resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } },
    },
  },
  webServer: {
    autoscaling: { minReplicas: 2, maxReplicas: 6 },
    podDisruptionBudget: { minAvailable: 1 },
    gunicorn: { preset: 'performance', timeout: 120 },
  },
  // Workers follow the length of the instance's Celery queue (KEDA), from 2 to 10.
  celeryWorker: { celery: { preset: 'performance' }, queueScaling: { minReplicas: 2, maxReplicas: 10, tls: { caFrom: { name: 'valkey-ca', key: 'ca.crt' } } } },
  celeryBeat: {},
  celeryFlower: {},
  // Sign-in through the company's OpenID Connect provider (here a Keycloak realm; register the redirect URI
  // https://bi.example.com/oauth-authorized/oidc). People in `bi-admins` become Admins; everyone else who signs in
  // gets an account with the Gamma role. Roles follow the groups at each sign-in.
  auth: {
    oidc: {
      issuerUrl: 'https://sso.example.com/realms/analytics',
      clientId: 'superset',
    },
    userRegistration: true,
    registrationRole: 'Gamma',
    rolesMapping: { 'bi-admins': ['Admin'], 'bi-analysts': ['Alpha', 'sql_lab'] },
    syncRolesAtLogin: true,
  },
  networking: {
    gateway: {
      gatewayRef: { name: 'public', namespace: 'gateways', sectionName: 'https' },
      hostnames: ['bi.example.com'],
    },
  },
  networkPolicy: {
    egress: 'Restricted',
    // Only the gateway's namespace reaches the web server.
    externalFrom: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateways' } } }],
    // Only Prometheus (in namespace monitoring) scrapes the exporters and Flower, which is not published in Production.
    metricsFrom: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } }],
    // The warehouse Superset queries, and SMTP for reports.
    extraEgress: [
      { to: [{ ipBlock: { cidr: '10.20.0.0/16' } }], ports: [{ protocol: 'TCP', port: 5439 }] },
      { ports: [{ protocol: 'TCP', port: 587 }] },
    ],
  },
  // ServiceMonitors and alert rules for kube-prometheus-stack (Helm release `prometheus`); the Grafana dashboard,
  // one for every instance, is added once below.
  monitoring: { serviceMonitor: { labels: { release: 'prometheus' } } },
  // A pg_dump every night at 02:15 to the in-cluster MinIO, the last 14 kept; alerts when one fails or none
  // succeeded for two days. The restricted egress above gains MinIO's port for the backup pods only.
  backup: {
    schedule: '15 2 * * *',
    keep: 14,
    s3: {
      bucket: 'superset-backups',
      prefix: 'production/',
      endpoint: 'https://minio.storage.svc:9000',
      accessKeyIdFrom: { name: 'superset-backup-s3', key: 'access-key-id' },
      secretAccessKeyFrom: { name: 'superset-backup-s3', key: 'secret-access-key' },
      forcePathStyle: true,
    },
  },
  // Migrate and init run as Jobs named after their content (the default `Plain` delivery): once per change, and
  // every Superset pod waits until the schema is current. With Argo CD, `delivery: 'ArgoCD'` makes them PreSync hooks.
  lifecycle: { delivery: 'Plain', migrate: { timeout: '15m' } },
};

/** The production example as chart `superset` (file `superset.k8s.yaml`) in namespace `analytics`. */
export function buildProduction(app: App): Chart {
  const chart = new Chart(app, 'superset', { namespace: 'analytics' });
  new SupersetInstance(chart, 'superset', PRODUCTION);
  // One Grafana dashboard for all instances, where kube-prometheus-stack's Grafana sidecar loads dashboards.
  new SupersetDashboard(chart, 'dashboard', { namespace: 'monitoring', annotations: { grafana_folder: 'Superset' } });
  return chart;
}
