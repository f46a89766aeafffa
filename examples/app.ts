// A production Superset: secrets by reference, a structured PostgreSQL metastore, Valkey over TLS, an
// autoscaled web server with a disruption budget, Celery workers, beat and Flower, Gateway API routing and
// NetworkPolicies with restricted egress.
// `npm run synth` writes it to cdk8s.out/superset.k8s.yaml.
import { App, Chart } from 'cdk8s';
import { SupersetInstance } from '../src';

const app = new App();
const chart = new Chart(app, 'superset', { namespace: 'analytics' });

new SupersetInstance(chart, 'superset', {
  image: { tag: '6.1.0' },
  secretKeyFrom: { name: 'superset-secret', key: 'secret-key' },
  metastore: {
    host: 'postgres.databases.svc',
    database: 'superset',
    username: 'superset',
    passwordFrom: { name: 'superset-db', key: 'password' },
  },
  valkey: {
    host: 'valkey.databases.svc',
    passwordFrom: { name: 'superset-valkey', key: 'password' },
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
  celeryWorker: { replicas: 2, celery: { preset: 'performance' } },
  celeryBeat: {},
  celeryFlower: {},
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
    // The warehouse Superset queries, and SMTP for reports.
    extraEgress: [
      { to: [{ ipBlock: { cidr: '10.20.0.0/16' } }], ports: [{ protocol: 'TCP', port: 5439 }] },
      { ports: [{ protocol: 'TCP', port: 587 }] },
    ],
  },
  // This version renders no lifecycle Jobs yet: run `superset db upgrade` and `superset init` before rollout.
  lifecycle: { disabled: true },
});

app.synth();
