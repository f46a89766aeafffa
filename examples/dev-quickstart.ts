// A working Superset on a local cluster (kind, minikube, k3d) from one file: every component, a throw-away
// PostgreSQL and Valkey, an admin user and the example dashboards. Development only: secrets are inline.
// `npm run synth` writes it to cdk8s.out/superset-dev.k8s.yaml (see main.ts); then
//
//   kubectl apply -f cdk8s.out/superset-dev.k8s.yaml
//   kubectl port-forward svc/superset-web-server 8088:8088   # http://localhost:8088, admin / admin
//
// The first start pulls the images, migrates the database and loads the examples: allow ten minutes or so.
import { App, Chart } from 'cdk8s';
import { SupersetInstance, type SupersetInstanceProps } from '../src';

/** The development instance. */
export const DEV_QUICKSTART: SupersetInstanceProps = {
  // The -dev image ships the PostgreSQL driver and the optional packages the MCP server needs.
  image: { tag: '6.1.0-dev' },
  environment: 'Development',
  secretKey: 'dev-only-not-a-secret-change-me',
  // PostgreSQL and Valkey in the same namespace; metastore and valkey are wired to them.
  devDependencies: {},
  featureFlags: { ALERT_REPORTS: true },
  webServer: {},
  celeryWorker: {},
  celeryBeat: {},
  // Flower is not in the Superset image: install it at start-up, into the image's virtualenv, which only root may
  // write. Development convenience only; build an image with Flower instead.
  celeryFlower: {
    bootstrapScript: 'uv pip install --no-cache flower',
    podTemplate: {
      podSecurityContext: { runAsNonRoot: false, runAsUser: 0 },
      container: { securityContext: { runAsNonRoot: false } },
    },
  },
  mcpServer: {},
  // A community image (the Superset project publishes none). It idles until GLOBAL_ASYNC_QUERIES is enabled with the
  // "ws" transport and a JWT secret equal to jwtSecret below.
  websocketServer: {
    image: { repository: 'oneacrefund/superset-websocket', tag: 'latest' },
    config: {
      port: 8080,
      logLevel: 'info',
      jwtSecret: 'dev-only-not-a-secret-at-least-32-bytes',
      redis: { host: 'superset-valkey', port: 6379, password: 'superset', db: 0 },
    },
  },
  lifecycle: {
    // The Jobs may start before PostgreSQL accepts connections: retry for a few minutes.
    migrate: { maxRetries: 6 },
    init: { adminUser: {}, loadExamples: true, timeout: '30m', maxRetries: 6 },
  },
};

/** The dev quickstart as chart `superset-dev` (file `superset-dev.k8s.yaml`), in the namespace you apply it to. */
export function buildDevQuickstart(app: App): Chart {
  const chart = new Chart(app, 'superset-dev');
  new SupersetInstance(chart, 'superset', DEV_QUICKSTART);
  return chart;
}
