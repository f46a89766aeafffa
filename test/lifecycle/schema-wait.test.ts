// The wait-for-migrations init container of a pod, run here as its command says by a real Python against SQLite:
// the pod's /app/pythonpath files written to a folder, its environment as the kubelet sets it, the metastore URI
// from its Secret pointing at a SQLite file, and a fake `superset` package (that must never be imported) with its
// migrations directory installed elsewhere, as in the Superset image.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { SupersetInstanceProps } from '../../src';
import { containerEnv, podSpecOf, pythonPath, pythonText, writePythonPath } from '../support/pod';
import { SYSTEM_PYTHON } from '../support/python';
import { find, type Manifest } from '../util';
import { commandIn, jobOf, pythonOnPath, synthLifecycle } from './helpers';

/** Alembic revision files as Superset writes them, plus the shapes newer Alembic templates use. */
const VERSIONS: Record<string, string> = {
  // Importing this module would fail: the script must read it, not run it.
  '2020-01-01_a1.py': 'from superset import db\nrevision = "a1"\ndown_revision = None\n',
  '2020-02-01_b2.py': 'from typing import Union\nrevision: str = "b2"\ndown_revision: Union[str, None] = "a1"\n',
  '2020-02-02_c3.py': 'revision = \'c3\'\ndown_revision = "a1"\n',
  // A merge of the two branches: the only head.
  '2020-03-01_d4.py': 'revision = "d4"\ndown_revision = ("b2", "c3")\n',
  '__init__.py': '',
  'README': 'not a migration',
};

/**
 * The metastore URI from a Secret (here a SQLite file). The web server's engine options size a pool, which NullPool
 * would refuse, so the script must drop them; the component config adds an option that must be kept.
 */
const PROPS: Partial<SupersetInstanceProps> = {
  metastore: { uriFrom: { name: 'db', key: 'uri' } },
  webServer: { config: 'SQLALCHEMY_ENGINE_OPTIONS["connect_args"] = {"timeout": 3}' },
};

let root: string;
let database: string;
let site: string;
let PATH: string;

function sql(statement: string): void {
  const result = spawnSync(SYSTEM_PYTHON, ['-c', 'import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.executescript(sys.argv[2])\nc.commit()', database, statement]);
  if (result.status !== 0) throw new Error(String(result.stderr));
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'schema-wait-'));
  database = path.join(root, 'metastore.db');
  site = path.join(root, 'site');
  const versions = path.join(site, 'superset', 'migrations', 'versions');
  mkdirSync(versions, { recursive: true });
  writeFileSync(path.join(site, 'superset', '__init__.py'), 'raise RuntimeError("superset must not be imported")\n');
  for (const [file, text] of Object.entries(VERSIONS)) writeFileSync(path.join(versions, file), text);
  PATH = pythonOnPath(root);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The wait-for-migrations init container of a Deployment or Job. */
function waitContainer(workload: Manifest): any {
  const wait = (podSpecOf(workload).initContainers ?? []).find((c: any) => c.name === 'wait-for-migrations');
  if (!wait) throw new Error(`${workload.kind} ${workload.metadata.name} does not wait for migrations`);
  return wait;
}

type Started = ChildProcessWithoutNullStreams & { output: () => string };

/**
 * Runs a workload's wait-for-migrations container as its command says, on its PYTHONPATH files (with `replace` over
 * them) and its environment, polling faster than in a pod.
 */
function start(manifests: Manifest[], workload: Manifest, replace: Record<string, string> = {}): Started {
  const wait = waitContainer(workload);
  const files = pythonPath(manifests, workload);
  const program = files['wait_for_migrations.py'];
  expect(program).toContain('INTERVAL_SECONDS = 5');
  const folder = mkdtempSync(path.join(root, 'pythonpath-'));
  writePythonPath(folder, { ...files, 'wait_for_migrations.py': program.replace('INTERVAL_SECONDS = 5', 'INTERVAL_SECONDS = 0.05'), ...replace });
  const secrets = { 'app-secret/secret-key': 'k', 'db/uri': `sqlite:///${database}` };
  // The image's `superset` package is installed outside the PYTHONPATH folder; nothing names that folder but the command.
  const env = { ...containerEnv(manifests, wait, 'bi', secrets), PATH, PYTHONPATH: site, PYTHONDONTWRITEBYTECODE: '1' };
  const [file, ...args] = commandIn(wait.command, folder);
  const child = spawn(file, args, { env });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return Object.assign(child, { output: () => output });
}

/** The web server's wait, rendered for PROPS (and `props`). */
function webServer(props: Partial<SupersetInstanceProps> = {}): { manifests: Manifest[]; deployment: Manifest } {
  const manifests = synthLifecycle({ ...PROPS, ...props });
  return { manifests, deployment: find(manifests, 'Deployment', 'demo-web-server') };
}

async function until(child: Started, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!pattern.test(child.output())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function exitCode(child: Started): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
}

describe('wait-for-migrations', () => {
  test('waits while the metastore is unmigrated or behind, and exits 0 once it is at the image\'s head', async () => {
    const { manifests, deployment } = webServer();
    // Pool settings would be refused with NullPool; the script keeps only the others.
    expect(pythonText(manifests, deployment)).toContain('"pool_size": ');
    const child = start(manifests, deployment);
    try {
      await until(child, /cannot read the metastore revision yet \(.*no such table: alembic_version/);
      // One transaction: the wait must never see the table empty, which would be a state of its own.
      sql('BEGIN; CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); INSERT INTO alembic_version VALUES (\'b2\'); COMMIT;');
      await until(child, /waiting for migrations: the metastore is at b2, this image needs d4/);
      expect(child.exitCode).toBeNull();
      sql('UPDATE alembic_version SET version_num = \'d4\';');
      expect(await exitCode(child)).toBe(0);
      expect(child.output()).toMatch(/the metastore is at the head revision d4\n$/);
      // Each state is reported once, however often it is polled.
      expect(child.output().match(/this image needs/g)).toHaveLength(1);
    } finally {
      child.kill();
    }
  });

  test('keeps waiting, and says why, when a newer Superset migrated the metastore', async () => {
    sql('CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); INSERT INTO alembic_version VALUES (\'e5\');');
    const { manifests, deployment } = webServer();
    const child = start(manifests, deployment);
    try {
      await until(child, /the metastore is at e5, which this image does not know/);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });

  test('fails at once when superset_config defines no database', async () => {
    const { manifests, deployment } = webServer();
    // The pod's files, with a superset_config.py that sets something else only.
    const child = start(manifests, deployment, { 'superset_config.py': 'ROW_LIMIT = 10\n' });
    expect(await exitCode(child)).toBe(1);
    expect(child.output()).toContain('superset_config defines no SQLALCHEMY_DATABASE_URI');
  });

  test('the command in the manifest is the one tested here', async () => {
    sql('CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); INSERT INTO alembic_version VALUES (\'d4\');');
    const { manifests, deployment } = webServer();
    expect(waitContainer(deployment).command).toEqual(['python', '/app/pythonpath/wait_for_migrations.py']);
    expect(await exitCode(start(manifests, deployment))).toBe(0);
  });

  test('the bootstrap-wrapped command runs the script first, and a Job\'s wait runs from its own files', async () => {
    sql('CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); INSERT INTO alembic_version VALUES (\'d4\');');
    const { manifests, deployment } = webServer({ bootstrapScript: 'echo "bootstrap ran"' });
    expect(waitContainer(deployment).command[0]).toBe('/bin/sh');
    const wrapped = start(manifests, deployment);
    expect(await exitCode(wrapped)).toBe(0);
    expect(wrapped.output()).toMatch(/^bootstrap ran\nwait-for-migrations: the metastore is at the head revision d4\n$/);
    // The init Job's engine options (NullPool) and PYTHONPATH are its own.
    const job = start(manifests, jobOf(manifests, 'init'));
    expect(await exitCode(job)).toBe(0);
    expect(job.output()).toContain('the metastore is at the head revision d4');
  });
});
