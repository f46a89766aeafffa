// The example apps synthesized by `npm run synth` (examples/main.ts): field assertions, then snapshots.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { buildProduction } from '../examples/app';
import { buildDevQuickstart } from '../examples/dev-quickstart';
import { SupersetApp } from '../src';
import { expectValidManifests } from './support/k8s-schema';
import { containerEnv } from './support/pod';
import { envOf, find, mainContainer, type Manifest } from './util';

const dev: Manifest[] = Testing.synth(buildDevQuickstart(Testing.app()));
const production: Manifest[] = Testing.synth(buildProduction(Testing.app()));

const job = (manifests: Manifest[], task: string) =>
  manifests.find((m) => m.kind === 'Job' && m.metadata.labels?.['superset.apache.org/init-task'] === task)!;

describe('examples/main.ts', () => {
  test('writes each example to its own file', () => {
    const outdir = mkdtempSync(path.join(tmpdir(), 'examples-'));
    try {
      const app = new SupersetApp({ outdir });
      buildProduction(app);
      buildDevQuickstart(app);
      app.synth();
      expect(['superset.k8s.yaml', 'superset-dev.k8s.yaml'].every((file) => existsSync(path.join(outdir, file)))).toBe(true);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
});

describe('the dev quickstart', () => {
  test('runs every component, with PostgreSQL and Valkey next to it, in the namespace it is applied to', () => {
    expect(dev.filter((m) => m.kind === 'Deployment').map((m) => m.metadata.name)).toEqual([
      'superset-postgres', 'superset-valkey', 'superset-web-server', 'superset-celery-worker', 'superset-celery-beat',
      'superset-celery-flower', 'superset-mcp-server', 'superset-websocket-server',
    ]);
    expect(dev.every((m) => m.metadata.namespace === undefined)).toBe(true);
    expect(containerEnv(dev, mainContainer(find(dev, 'Deployment', 'superset-web-server')), 'dev')).toMatchObject({
      SUPERSET_OPERATOR__DB_HOST: 'superset-postgres', SUPERSET_OPERATOR__VALKEY_HOST: 'superset-valkey',
    });
  });

  test('migrates, then creates the admin user and loads the examples, with time for both', () => {
    expect(job(dev, 'migrate').spec.backoffLimit).toBe(5);
    const init = job(dev, 'init');
    expect(init.spec.template.spec.containers[0].command[2]).toMatch(/^superset init && \(superset fab create-admin .* \|\| true\) && superset load-examples$/);
    expect(envOf(init.spec.template.spec.containers[0])).toMatchObject({ SUPERSET_OPERATOR__ADMIN_USERNAME: 'admin', SUPERSET_OPERATOR__ADMIN_PASSWORD: 'admin' });
    // Its own 30 minutes, plus the 5 of the migration it may wait for first.
    expect(init.spec.template.spec.activeDeadlineSeconds).toBe(1800 + 300);
  });

  test('every Superset pod waits for the migrations; the websocket server does not', () => {
    for (const deployment of dev.filter((m) => m.kind === 'Deployment' && m.metadata.labels?.['app.kubernetes.io/name'] === 'superset')) {
      const init = (deployment.spec.template.spec.initContainers ?? []).map((c: any) => c.name);
      expect(init).toEqual(deployment.metadata.name === 'superset-websocket-server' ? [] : ['wait-for-migrations']);
    }
  });

  test('meets the restricted profile everywhere but in Flower, which installs itself as root', () => {
    for (const deployment of dev.filter((m) => m.kind === 'Deployment')) {
      const pod = deployment.spec.template.spec;
      expect(pod.securityContext.runAsNonRoot).toBe(deployment.metadata.name !== 'superset-celery-flower');
    }
  });

  test('validates against Kubernetes 1.28', () => {
    expectValidManifests(dev);
  });

  test('snapshot', () => {
    expect(dev).toMatchSnapshot();
  });
});

describe('the production example', () => {
  test('pins the image and references every secret', () => {
    for (const m of production.filter((x) => x.kind === 'Deployment' || x.kind === 'Job')) {
      for (const container of m.spec.template.spec.containers) {
        for (const env of container.env ?? []) {
          if (/SECRET_KEY|_PASS$/.test(env.name)) expect(env.valueFrom?.secretKeyRef).toBeDefined();
        }
      }
    }
    expect(mainContainer(find(production, 'Deployment', 'superset-web-server')).image).toBe('registry.example.com/analytics/superset:6.1.0-1');
  });

  test('reads every secret from the Secret its ExternalSecret creates', () => {
    const created = find(production, 'ExternalSecret', 'superset-external-secrets').spec.data.map((d: any) => d.secretKey);
    expect(created).toEqual(['secret-key', 'metastore-password', 'valkey-password', 'oidc-client-secret']);
    const refs = production.filter((x) => x.kind === 'Deployment' || x.kind === 'Job').flatMap((m) => m.spec.template.spec.containers)
      .flatMap((c: any) => c.env ?? []).map((e: any) => e.valueFrom?.secretKeyRef).filter(Boolean);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(created).toContain(ref.key);
    expect(new Set(refs.map((r: any) => r.name))).toEqual(new Set(['superset-external-secrets']));
  });

  test('scales the workers on their Celery queue with KEDA, reading the Valkey password from the external Secret', () => {
    const so = find(production, 'ScaledObject', 'superset-celery-worker');
    expect(so.spec).toMatchObject({ minReplicaCount: 2, maxReplicaCount: 10 });
    expect(so.spec.triggers[0].metadata.listName).toBe('analytics.superset.analytics.superset');
    expect(find(production, 'Deployment', 'superset-celery-worker').spec.replicas).toBeUndefined();
    expect(find(production, 'TriggerAuthentication', 'superset-celery-worker').spec.secretTargetRef[0])
      .toEqual({ parameter: 'password', name: 'superset-external-secrets', key: 'valkey-password' });
  });

  test('migrates with hash-named Jobs before the pods start', () => {
    const migrate = job(production, 'migrate');
    expect(migrate.metadata.name).toMatch(/^superset-migrate-[0-9a-f]{6}$/);
    expect(migrate.spec.template.spec.activeDeadlineSeconds).toBe(900);
    expect(job(production, 'init').metadata.name).toMatch(/^superset-init-[0-9a-f]{6}$/);
    // Init first waits for the 15-minute migration, which must not use up its own 5 minutes.
    expect(job(production, 'init').spec.template.spec.activeDeadlineSeconds).toBe(900 + 300);
    expect(find(production, 'Deployment', 'superset-web-server').spec.template.spec.initContainers[0].name).toBe('wait-for-migrations');
  });

  test('validates against Kubernetes 1.28', () => {
    expectValidManifests(production);
  });

  test('snapshot', () => {
    expect(production).toMatchSnapshot();
  });
});
