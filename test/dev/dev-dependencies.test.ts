import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { DevDependencies, SupersetInstance, type SupersetInstanceProps } from '../../src';
import { VALKEY_START } from '../../src/resolve/dev-dependencies';
import { containerEnv, pythonPath, pythonText } from '../support/pod';
import { restrictedViolations } from '../support/pss';
import { runSupersetConfig } from '../support/python';
import { envOf, find, mainContainer, synth, type Manifest } from '../util';

const DEV: Partial<SupersetInstanceProps> = { environment: 'Development', secretKeyFrom: undefined, secretKey: 'dev' };
/** What each container sets itself; runAsNonRoot and the seccomp profile come from the pod's context. */
const RESTRICTED_CONTAINER = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } };

describe('devDependencies', () => {
  const manifests = synth({ ...DEV, devDependencies: {}, webServer: {}, celeryWorker: {} });

  test('adds a PostgreSQL and a Valkey, each a Deployment and a Service, before everything else', () => {
    expect(manifests.slice(0, 4).map((m) => `${m.kind}/${m.metadata.name}`)).toEqual([
      'Deployment/demo-postgres', 'Service/demo-postgres', 'Deployment/demo-valkey', 'Service/demo-valkey',
    ]);
  });

  test('wires metastore and valkey to them, with the inline development password', () => {
    const web = find(manifests, 'Deployment', 'demo-web-server');
    const env = containerEnv(manifests, mainContainer(web), 'default');
    expect(env).toMatchObject({
      SUPERSET_OPERATOR__DB_HOST: 'demo-postgres',
      SUPERSET_OPERATOR__DB_PORT: '5432',
      SUPERSET_OPERATOR__DB_NAME: 'superset',
      SUPERSET_OPERATOR__DB_USER: 'superset',
      SUPERSET_OPERATOR__DB_PASS: 'superset',
      SUPERSET_OPERATOR__VALKEY_HOST: 'demo-valkey',
      SUPERSET_OPERATOR__VALKEY_PORT: '6379',
      SUPERSET_OPERATOR__VALKEY_PASS: 'superset',
    });
    const config = pythonText(manifests, web);
    expect(config).toContain('postgresql+psycopg2://');
    expect(config).toContain('# Valkey cache config');
    // What Superset reads from those files with that environment: the dependencies' addresses and password.
    const settings = runSupersetConfig(pythonPath(manifests, web), env);
    expect(settings.SQLALCHEMY_DATABASE_URI).toBe('postgresql+psycopg2://superset:superset@demo-postgres:5432/superset');
    expect(settings.CACHE_CONFIG).toMatchObject({ CACHE_REDIS_URL: 'redis://:superset@demo-valkey:6379/1' });
  });

  test('PostgreSQL: pinned image, its own user under the restricted profile, a readiness probe, Recreate', () => {
    const deployment = find(manifests, 'Deployment', 'demo-postgres');
    expect(deployment.spec).toMatchObject({ replicas: 1, strategy: { type: 'Recreate' } });
    const pod = deployment.spec.template.spec;
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.securityContext).toEqual({ runAsNonRoot: true, runAsUser: 70, runAsGroup: 70, fsGroup: 70, seccompProfile: { type: 'RuntimeDefault' } });
    const [postgres] = pod.containers;
    expect(postgres).toMatchObject({
      image: 'postgres:17.6-alpine',
      ports: [{ name: 'postgres', containerPort: 5432, protocol: 'TCP' }],
      readinessProbe: { exec: { command: ['pg_isready', '-h', '127.0.0.1', '-U', 'superset', '-d', 'superset'] } },
      volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
    });
    expect(postgres.securityContext).toEqual(RESTRICTED_CONTAINER);
    expect(restrictedViolations(pod)).toEqual([]);
    expect(envOf(postgres)).toEqual({
      POSTGRES_USER: 'superset', POSTGRES_PASSWORD: 'superset', POSTGRES_DB: 'superset', PGDATA: '/var/lib/postgresql/data/pgdata',
    });
    expect(pod.volumes).toEqual([{ name: 'data', emptyDir: {} }]);
  });

  test('Valkey: pinned image, password from the environment, nothing on disk, a PING readiness probe', () => {
    const pod = find(manifests, 'Deployment', 'demo-valkey').spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsUser: 999, runAsGroup: 1000, fsGroup: 1000, runAsNonRoot: true });
    const [valkey] = pod.containers;
    expect(valkey).toMatchObject({
      image: 'valkey/valkey:8.1.3-alpine',
      command: ['/bin/sh', '-c', VALKEY_START],
      env: [{ name: 'VALKEY_PASSWORD', value: 'superset' }],
      ports: [{ name: 'valkey', containerPort: 6379, protocol: 'TCP' }],
    });
    expect(valkey.args).toBeUndefined();
    expect(valkey.readinessProbe.exec.command).toEqual(['/bin/sh', '-c', 'REDISCLI_AUTH="$VALKEY_PASSWORD" valkey-cli ping | grep -q PONG']);
    expect(valkey.securityContext).toEqual(RESTRICTED_CONTAINER);
    expect(restrictedViolations(pod)).toEqual([]);
  });

  test('Valkey reads its password as configuration from stdin, never from its arguments, whatever it contains', () => {
    // A stand-in valkey-server that records what it was given, run by a real shell.
    const bin = mkdtempSync(path.join(tmpdir(), 'valkey-'));
    writeFileSync(path.join(bin, 'valkey-server'), '#!/bin/sh\nprintf \'%s\\n\' "$@" > "$0.args"\ncat > "$0.stdin"\n', { mode: 0o755 });
    try {
      const password = 'p a"s\\s$x \'#y';
      const run = spawnSync('/bin/sh', ['-c', VALKEY_START], { env: { PATH: `${bin}:/usr/bin:/bin`, VALKEY_PASSWORD: password } });
      expect(run.status).toBe(0);
      expect(readFileSync(path.join(bin, 'valkey-server.args'), 'utf8')).toBe(['-', '--save', '', '--appendonly', 'no', ''].join('\n'));
      // Valkey's configuration syntax: a double-quoted string with backslash escapes.
      expect(readFileSync(path.join(bin, 'valkey-server.stdin'), 'utf8')).toBe('requirepass "p a\\"s\\\\s$x \'#y"\n');
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });

  test('Services select the pods by their labels; pods belong to the instance', () => {
    for (const dependency of ['postgres', 'valkey']) {
      const service = find(manifests, 'Service', `demo-${dependency}`);
      const deployment = find(manifests, 'Deployment', `demo-${dependency}`);
      expect(service.spec.selector).toEqual(deployment.spec.selector.matchLabels);
      expect(service.spec.ports).toEqual([{ name: dependency, port: dependency === 'postgres' ? 5432 : 6379, targetPort: dependency, protocol: 'TCP' }]);
      expect(deployment.spec.template.metadata.labels).toEqual({
        'app.kubernetes.io/name': dependency,
        'app.kubernetes.io/instance': 'demo',
        'app.kubernetes.io/part-of': 'superset',
        'superset.apache.org/parent': 'demo',
      });
    }
  });

  test('persistence keeps the data in a claim; the password and images can be chosen', () => {
    const m = synth({
      ...DEV,
      devDependencies: {
        password: 'pw',
        persistence: { size: '5Gi', storageClassName: 'standard' },
        postgresImage: { tag: '16.4-alpine', pullSecrets: [{ name: 'hub' }] },
        valkeyImage: { repository: 'mirror/valkey', pullPolicy: 'Always' },
      },
      webServer: {},
    });
    expect(find(m, 'PersistentVolumeClaim', 'demo-postgres').spec).toEqual({
      accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '5Gi' } },
    });
    const postgres = find(m, 'Deployment', 'demo-postgres').spec.template.spec;
    expect(postgres.volumes).toEqual([{ name: 'data', persistentVolumeClaim: { claimName: 'demo-postgres' } }]);
    expect(postgres.containers[0].image).toBe('postgres:16.4-alpine');
    expect(postgres.imagePullSecrets).toEqual([{ name: 'hub' }]);
    expect(find(m, 'Deployment', 'demo-valkey').spec.template.spec.containers[0]).toMatchObject({
      image: 'mirror/valkey:8.1.3-alpine', imagePullPolicy: 'Always',
    });
    expect(containerEnv(m, mainContainer(find(m, 'Deployment', 'demo-web-server')), 'default').SUPERSET_OPERATOR__DB_PASS).toBe('pw');
    expect(m.some((x) => x.kind === 'PersistentVolumeClaim' && x.metadata.name !== 'demo-postgres')).toBe(false);
  });

  test('the migrate Job and the schema wait reach the same database', () => {
    const m: Manifest[] = synth({ ...DEV, devDependencies: {}, webServer: {}, lifecycle: {} });
    const job = m.find((x) => x.kind === 'Job' && x.metadata.name.startsWith('demo-migrate-'))!;
    expect(containerEnv(m, job.spec.template.spec.containers[0], 'default').SUPERSET_OPERATOR__DB_HOST).toBe('demo-postgres');
    const wait = find(m, 'Deployment', 'demo-web-server').spec.template.spec.initContainers[0];
    expect(containerEnv(m, wait, 'default').SUPERSET_OPERATOR__DB_HOST).toBe('demo-postgres');
  });

  test('the instance exposes them as a typed child', () => {
    const instance = new SupersetInstance(Testing.chart(), 'demo', {
      image: { tag: '6.1.0' }, environment: 'Development', secretKey: 'dev', devDependencies: {}, lifecycle: { disabled: true },
    });
    expect(instance.devDependencies?.postgresService.name).toBe('demo-postgres');
    expect(instance.devDependencies?.postgresClaim).toBeUndefined();
    expect(instance.model.components).toEqual([]);
  });
});

describe('errors', () => {
  test('outside Development', () => {
    expect(() => synth({ devDependencies: {} })).toThrow(
      /devDependencies: devDependencies is only allowed when environment is Development.*\(environment is unset, which means Production\), got \{\}; point metastore and valkey at managed services/);
  });

  test('next to metastore or valkey, which it replaces', () => {
    expect(() => synth({ ...DEV, devDependencies: {}, metastore: { host: 'pg', database: 'd', username: 'u' }, valkey: { host: 'v' } }))
      .toThrow(/metastore: must not be set with devDependencies, which points metastore at its own server, got .*; remove metastore, or remove devDependencies[^]*valkey: must not be set with devDependencies/);
  });

  test('with hook delivery, which would run the migrations before PostgreSQL exists', () => {
    for (const delivery of ['ArgoCD', 'Helm'] as const) {
      expect(() => synth({ ...DEV, devDependencies: {}, lifecycle: { delivery } })).toThrow(
        new RegExp(`lifecycle.delivery: ${delivery} delivery runs the lifecycle Jobs as hooks before any other object exists, `
          + `so before the PostgreSQL of devDependencies, got "${delivery}"; remove it: the default 'Plain' delivery works`));
    }
    expect(() => synth({ ...DEV, devDependencies: {}, lifecycle: { disabled: true, delivery: 'Helm' } })).not.toThrow();
  });

  test('a misspelt field or a bad size', () => {
    expect(() => synth({ ...DEV, devDependencies: { persistance: {} } as object })).toThrow(/devDependencies.persistance: unknown field.*did you mean 'persistence'/);
    expect(() => synth({ ...DEV, devDependencies: { persistence: { size: '5 GB' } } })).toThrow(/devDependencies.persistence.size: must match/);
    expect(() => synth({ ...DEV, devDependencies: { password: '' } })).toThrow(/devDependencies.password: must not be empty, got <hidden>/);
  });
});

describe('DevDependencies on its own', () => {
  test('serves any instance in its namespace through its metastore and valkey', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'dev' });
    const deps = new DevDependencies(chart, 'deps', { instanceName: 'shared', password: 'pw' });
    expect(deps.metastore).toEqual({ host: 'shared-postgres', port: 5432, database: 'superset', username: 'superset', password: 'pw' });
    expect(deps.valkey).toEqual({ host: 'shared-valkey', port: 6379, password: 'pw' });
    new SupersetInstance(chart, 'bi', {
      image: { tag: '6.1.0' }, environment: 'Development', secretKey: 'dev', metastore: deps.metastore, valkey: deps.valkey, webServer: {},
    });
    const manifests = Testing.synth(chart) as Manifest[];
    expect(manifests.every((m) => m.metadata.namespace === 'dev')).toBe(true);
    expect(containerEnv(manifests, mainContainer(find(manifests, 'Deployment', 'bi-web-server')), 'dev').SUPERSET_OPERATOR__DB_HOST).toBe('shared-postgres');
  });
});
