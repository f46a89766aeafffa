import { Chart, type App } from 'cdk8s';
import { SupersetInstance, type SupersetInstanceProps } from '../src';

/**
 * A fully featured tenant: every component, structured metastore, Valkey over TLS, Gateway routing, monitoring,
 * restricted network policies, lifecycle Jobs and autoscaling. Each tenant gets its own namespace and chart, as in a GitOps repository that
 * keeps one instance per tenant.
 */
export function fullInstanceProps(tenant: number): SupersetInstanceProps {
  return {
    name: 'superset',
    namespace: `tenant-${tenant}`,
    image: { tag: '6.1.0', pullSecrets: [{ name: 'registry' }] },
    secretKeyFrom: { name: 'superset-secret', key: 'secret-key' },
    metastore: {
      host: `postgres.tenant-${tenant}.svc`,
      database: 'superset',
      username: 'superset',
      passwordFrom: { name: 'superset-db', key: 'password' },
    },
    valkey: { host: `valkey.tenant-${tenant}.svc`, passwordFrom: { name: 'superset-valkey', key: 'password' }, ssl: {} },
    featureFlags: { ALERT_REPORTS: true, DASHBOARD_RBAC: true, GLOBAL_ASYNC_QUERIES: true },
    config: 'ROW_LIMIT = 50000\n',
    podTemplate: {
      container: { resources: { requests: { cpu: '500m', memory: '1Gi' }, limits: { memory: '2Gi' } } },
      topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' }],
    },
    autoscaling: { minReplicas: 2, maxReplicas: 10 },
    podDisruptionBudget: { minAvailable: 1 },
    webServer: { gunicorn: { preset: 'performance' } },
    celeryWorker: { celery: { preset: 'performance' } },
    celeryBeat: {},
    celeryFlower: { service: { gatewayPath: '/flower' } },
    websocketServer: { image: { repository: 'oneacrefund/superset-websocket', tag: '0.1' }, configFrom: { name: 'ws', key: 'config.json' } },
    mcpServer: {},
    networking: { gateway: { gatewayRef: { name: 'public', namespace: 'gateways' }, hostnames: [`tenant-${tenant}.bi.example.com`] } },
    networkPolicy: { egress: 'Restricted' },
    monitoring: { serviceMonitor: { labels: { release: 'prometheus' } } },
    lifecycle: { migrate: { timeout: '15m' } },
  };
}

/**
 * How tenants are laid out in the app: all in one chart (each in its own namespace), or one chart per tenant.
 * cdk8s re-validates the whole app for every chart it writes, so the second costs time quadratic in the number of
 * charts; the benchmark measures both.
 */
export type Layout = 'one-chart' | 'chart-per-tenant';

/** Adds `count` tenants to an app. */
export function addTenants(app: App, count: number, layout: Layout = 'one-chart'): void {
  const shared = layout === 'one-chart' ? new Chart(app, 'tenants') : undefined;
  for (let tenant = 0; tenant < count; tenant++) {
    const chart = shared ?? new Chart(app, `tenant-${tenant}`);
    new SupersetInstance(chart, `tenant-${tenant}`, fullInstanceProps(tenant));
  }
}
