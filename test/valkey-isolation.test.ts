// Tenants on one shared Valkey, proven with the real programs: redis-server 7 (plain with shared access, and TLS with
// one ACL user per tenant restricted as the README recommends), Celery 5 workers started with `python3 -m celery` on the rendered CELERY_CONFIG,
// Flask-Caching and cachelib on the rendered cache sections, and the coordination client Superset builds from
// DISTRIBUTED_COORDINATION_CONFIG (see support/tenant_probe.py). The instances: the same name in two namespaces
// and two names in one namespace.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { SupersetInstance, type SupersetInstanceProps } from '../src';
import { containerEnv, pythonPath, writePythonPath } from './support/pod';
import { SYSTEM_PYTHON } from './support/python';
import { startRedis, type RedisServer } from './support/redis-server';
import { requireProgram, run, startProcess, waitUntil, type Started } from './support/servers';
import { makeCertificates } from './support/tls';
import { BASE, find, mainContainer, type Manifest } from './util';
import type { ValkeySpec } from '../src/spec/valkey';

jest.setTimeout(120_000);

const PROBE = path.join(__dirname, 'support', 'tenant_probe.py');
const PASSWORD = 'pä ss:w@rd/%';
const SECRETS = { 'app-secret/secret-key': 'k', 'valkey/password': PASSWORD };
const ADMIN = { name: 'admin', password: 'admin-pw', rules: ['~*', '&*', '+@all'] };

/** The instances, by id: namespace and name. */
const TENANTS = { a: ['team-a', 'superset'], c: ['team-c', 'superset'], r: ['team-a', 'reports'] } as const;
type TenantId = keyof typeof TENANTS;
const IDS = Object.keys(TENANTS) as TenantId[];
const scopeOf = (id: TenantId) => `${TENANTS[id][0]}.${TENANTS[id][1]}.`;
const userOf = (id: TenantId) => `${TENANTS[id][0]}-${TENANTS[id][1]}`;

const celeryVersion = run(SYSTEM_PYTHON, ['-c', 'import celery; print(celery.__version__)']).trim();
const celeryScopesResults = (() => {
  const [major, minor] = celeryVersion.split('.').map(Number);
  return major > 5 || (major === 5 && minor >= 3);
})();

/**
 * The README's ACL rules for one tenant, as redis-server arguments; with a Celery older than 5.3 its result keys and
 * channels are not scoped, so they are added as the README says.
 */
function tenantAcl(id: TenantId): string[] {
  const scope = scopeOf(id);
  return [
    'resetkeys', 'resetchannels', `~${scope}*`, `&${scope}*`, '&gtf:*', '+@all', '-@admin', '-@dangerous',
    // The literal patterns PSUBSCRIBE needs: the workers' control channel, their gossip, and all events (Flower).
    `&${scope}/0.${scope}pidbox`, `&${scope}/0.${scope}events/worker.*`, `&${scope}/0.${scope}events/*`,
    ...(celeryScopesResults ? [] : ['~celery-task-meta-*', '&celery-task-meta-*']),
  ];
}

/** What a Celery worker pod of an instance gets: the files of its PYTHONPATH and its environment. */
interface WorkerPod {
  readonly files: Record<string, string>;
  readonly env: Record<string, string>;
}

/**
 * Synthesizes one instance in `namespace` and returns its worker pod as the kubelet sets it up: the projected
 * PYTHONPATH (its own superset_config.py and the instance's shared files) and the container's environment (the
 * shared env ConfigMap, then its env, Secret references from SECRETS).
 */
function renderWorker(namespace: string, name: string, props: Partial<SupersetInstanceProps>): WorkerPod {
  const chart = new Chart(Testing.app(), `${namespace}-${name}`, { namespace });
  new SupersetInstance(chart, name, { ...BASE, ...props, celeryWorker: {} });
  const manifests: Manifest[] = Testing.synth(chart);
  const deployment = find(manifests, 'Deployment', `${name}-celery-worker`);
  return {
    files: pythonPath(manifests, deployment),
    env: containerEnv(manifests, mainContainer(deployment), namespace, SECRETS),
  };
}

/** One instance's worker PYTHONPATH on disk, with the environment its programs run with. */
class Tenant {
  readonly dir: string;
  readonly env: NodeJS.ProcessEnv;
  constructor(readonly id: string, pod: WorkerPod, root: string) {
    this.dir = path.join(root, id);
    mkdirSync(this.dir);
    this.env = {
      ...pod.env,
      SUPERSET_CONFIG_PATH: writePythonPath(this.dir, pod.files),
      PYTHONPATH: path.dirname(PROBE),
      PYTHONDONTWRITEBYTECODE: '1',
      PYTHONUTF8: '1',
      PROBE_ID: id,
      PROBE_LOG: path.join(this.dir, 'ran.log'),
      PATH: '/usr/bin:/bin',
    };
  }

  probe(...args: string[]): any {
    return JSON.parse(run(SYSTEM_PYTHON, [PROBE, ...args], { env: this.env, cwd: this.dir, timeoutMs: 60_000 }));
  }

  ran(): string[] {
    return readFileSync(this.env.PROBE_LOG!, 'utf-8').split('\n').filter(Boolean);
  }
}

/** Starts a real Celery worker of the tenant and waits until it reports ready. */
async function startWorker(tenant: Tenant): Promise<Started> {
  const worker = startProcess(SYSTEM_PYTHON, [
    // As the rendered worker command runs it (gossip, mingle and heartbeats on), with one process for speed.
    '-m', 'celery', '--app=tenant_probe:app', 'worker', '--pool=solo', '--concurrency=1', '--loglevel=INFO',
    '-n', `${tenant.id}@test`,
  ], { env: tenant.env, cwd: tenant.dir });
  await waitUntil(`the Celery worker of ${tenant.id}`, () => {
    if (worker.child.exitCode !== null) throw new Error(`worker ${tenant.id} exited:\n${worker.output()}`);
    return worker.output().includes('ready.');
  }, 60_000);
  return worker;
}

/** The server's ACL denials (one entry per user, command kind and object). */
const ACL_LOG = [
  'import json, sys, redis',
  'log = redis.from_url(sys.argv[1]).acl_log()',
  'denied = sorted({(e["username"], e["object"]) for e in log})',
  'print(json.dumps([{"username": user, "object": name} for user, name in denied]))',
].join('\n');

interface Setup {
  readonly title: string;
  readonly tls: boolean;
}

describe.each<Setup>([
  { title: 'plain Valkey', tls: false },
  { title: 'Valkey over TLS with an ACL user', tls: true },
])('instances sharing one $title', ({ tls }) => {
  let root: string;
  let server: RedisServer;
  let adminUrl: string;
  const tenants = {} as Record<TenantId, Tenant>;
  const workers: Started[] = [];

  beforeAll(async () => {
    requireProgram(SYSTEM_PYTHON, 'python3');
    root = mkdtempSync(path.join(tmpdir(), 'isolation-'));
    const certs = tls ? makeCertificates(root) : undefined;
    server = await startRedis({
      tls: certs,
      users: tls ? [ADMIN, ...IDS.map((id) => ({ name: userOf(id), password: PASSWORD, rules: tenantAcl(id) }))] : [],
      ipv6: !tls,
    });
    const valkey = (id: TenantId): ValkeySpec => ({
      host: '127.0.0.1',
      port: server.port,
      ...(tls && { username: userOf(id), passwordFrom: { name: 'valkey', key: 'password' }, ssl: { caCertFile: certs!.caFile } }),
    });
    adminUrl = tls
      ? `rediss://${ADMIN.name}:${ADMIN.password}@127.0.0.1:${server.port}?ssl_cert_reqs=required&ssl_ca_certs=${encodeURIComponent(certs!.caFile)}`
      : `redis://127.0.0.1:${server.port}`;
    for (const id of IDS) {
      const [namespace, name] = TENANTS[id];
      tenants[id] = new Tenant(id, renderWorker(namespace, name, { valkey: valkey(id) }), root);
    }
    for (const id of IDS) workers.push(await startWorker(tenants[id]));
  });

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await server?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  test('each instance\'s tasks, sent as Superset and as beat send them, run on its own worker only', () => {
    for (const id of IDS) {
      const results = tenants[id].probe('send', id, '6');
      expect(results.map((r: any) => r.worker)).toEqual(Array(6).fill(id));
    }
    for (const id of IDS) {
      expect(tenants[id].ran().sort()).toEqual([0, 1, 2, 3, 4, 5].map((i) => `${id}-${i}`));
    }
  });

  test('no cache section or RESULTS_BACKEND of one instance reads what another wrote under the same key', () => {
    const sections = ['CACHE_CONFIG', 'DATA_CACHE_CONFIG', 'FILTER_STATE_CACHE_CONFIG', 'EXPLORE_FORM_DATA_CACHE_CONFIG',
      'THUMBNAIL_CACHE_CONFIG', 'DISTRIBUTED_COORDINATION_CONFIG', 'RESULTS_BACKEND'];
    const empty = Object.fromEntries(sections.map((section) => [section, null]));
    for (const id of IDS) expect(tenants[id].probe('caches', `value of ${id}`)).toEqual(empty);
    // The first instance reads its own values back, not those written after it by the others.
    expect(Object.values(tenants.a.probe('caches', 'again'))).toEqual(Array(sections.length).fill('value of a'));
  });

  test('every key lies under the scope of the instance that wrote it', () => {
    const keys: Record<string, string[]> = JSON.parse(run(SYSTEM_PYTHON, [PROBE, 'keys', adminUrl], { env: tenants.a.env }));
    const scoped = (key: string) => IDS.some((id) => key.startsWith(scopeOf(id)));
    // Databases 1-5 hold the caches, 6 the SQL Lab results, 7 the coordination: all scoped, every instance present.
    for (const db of ['1', '2', '3', '4', '5', '6', '7']) {
      expect(keys[db].filter((key) => !scoped(key))).toEqual([]);
      for (const id of IDS) expect(keys[db].some((key) => key.startsWith(scopeOf(id)))).toBe(true);
    }
    // Database 0, the broker: kombu's keys (queues, bindings, unacked) are scoped by global_keyprefix. Celery 5.2
    // ignores result_backend_transport_options, so its result keys are named by the task id alone; 5.3 and later
    // prepend its global_keyprefix to the result keys (KeyValueStoreBackend._add_global_keyprefix in
    // celery/backends/base.py; read in Celery's source, not run here).
    const unscoped = keys['0'].filter((key) => !scoped(key));
    if (celeryScopesResults) expect(unscoped).toEqual([]);
    else expect(unscoped.every((key) => /^celery-task-meta-[0-9a-f-]{36}$/.test(key))).toBe(true);
    for (const id of IDS) {
      expect(keys['0']).toContain(`${scopeOf(id)}_kombu.binding.${scopeOf(id).slice(0, -1)}`);
    }
  });

  if (!tls) {
    test('an IPv6 address in valkey.host reaches kombu, redis-py, Flask-Caching, cachelib and the coordination client', () => {
      const tenant = new Tenant('v6', renderWorker('team-v6', 'superset', { valkey: { host: '::1', port: server.port } }), root);
      expect(tenant.probe('ping')).toEqual({ broker: ['::1', true], backend: ['::1', true] });
      expect(Object.values(tenant.probe('caches', 'v6'))).toEqual(Array(7).fill(null));
      expect(Object.values(tenant.probe('caches', 'v6'))).toEqual(Array(7).fill('v6'));
      expect(tenant.probe('coordination')).toMatchObject({ get: 'held', pubsub: 'hello', stream: [{ event: 'done' }] });
    });
  }

  if (tls) {
    test('DISTRIBUTED_COORDINATION_CONFIG connects as Superset builds it: TLS, ACL user, its database', () => {
      expect(tenants.c.probe('coordination')).toEqual({
        get: 'held',
        raw_key_exists: true,
        pubsub: 'hello',
        stream: [{ event: 'done' }],
        connection: { class: 'SSLConnection', username: userOf('c'), db: 7 },
      });
    });

    test('the README\'s ACL rules refuse a tenant\'s user another tenant\'s keys, and nothing else was refused', () => {
      const denied = tenants.a.probe('trespass', scopeOf('c'));
      expect(denied).toEqual({ get: 'NOPERM', set: 'NOPERM' });
      const log = JSON.parse(run(SYSTEM_PYTHON, ['-c', ACL_LOG, adminUrl]));
      expect(log).toEqual([{ username: userOf('a'), object: `${scopeOf('c')}x` }]);
    });
  }
});
