// The wait-for-migrations script, run by a real Python against SQLite: a fake `superset` package that must never be
// imported, its migrations directory, and a superset_config.py on the PYTHONPATH, as in the Superset image.
import { type ChildProcessWithoutNullStreams, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SCHEMA_WAIT_SCRIPT } from '../../src/resolve/lifecycle/schema-wait';
import { SYSTEM_PYTHON } from '../support/python';
import { find } from '../util';
import { synthLifecycle } from './helpers';

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

let root: string;
let database: string;

function sql(statement: string): void {
  const result = spawnSync(SYSTEM_PYTHON, ['-c', 'import sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\nc.executescript(sys.argv[2])\nc.commit()', database, statement]);
  if (result.status !== 0) throw new Error(String(result.stderr));
}

function setUp(config: string): void {
  root = mkdtempSync(path.join(tmpdir(), 'schema-wait-'));
  database = path.join(root, 'metastore.db');
  const versions = path.join(root, 'superset', 'migrations', 'versions');
  mkdirSync(versions, { recursive: true });
  writeFileSync(path.join(root, 'superset', '__init__.py'), 'raise RuntimeError("superset must not be imported")\n');
  for (const [file, text] of Object.entries(VERSIONS)) writeFileSync(path.join(versions, file), text);
  writeFileSync(path.join(root, 'superset_config.py'), config.replace('DB', database));
}

/** The script from the manifest, polling faster than in a pod. */
function start(script = SCHEMA_WAIT_SCRIPT): ChildProcessWithoutNullStreams & { output: () => string } {
  const fast = script.replace('INTERVAL_SECONDS = 5', 'INTERVAL_SECONDS = 0.05');
  const child = spawn(SYSTEM_PYTHON, ['-c', fast], { env: { PYTHONPATH: root, PYTHONDONTWRITEBYTECODE: '1' } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return Object.assign(child, { output: () => output });
}

async function until(child: ReturnType<typeof start>, pattern: RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!pattern.test(child.output())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${child.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function exitCode(child: ReturnType<typeof start>): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));
}

const CONFIG = [
  'from sqlalchemy.pool import NullPool',
  'SQLALCHEMY_DATABASE_URI = "sqlite:///DB"',
  // Pool settings would be refused with NullPool; the script keeps only the others.
  'SQLALCHEMY_ENGINE_OPTIONS = {"pool_size": 5, "max_overflow": -1, "pool_pre_ping": True, "poolclass": NullPool, "connect_args": {"timeout": 3}}',
].join('\n');

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('wait-for-migrations', () => {
  test('waits while the metastore is unmigrated or behind, and exits 0 once it is at the image\'s head', async () => {
    setUp(CONFIG);
    const child = start();
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
    setUp(CONFIG);
    sql('CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); INSERT INTO alembic_version VALUES (\'e5\');');
    const child = start();
    try {
      await until(child, /the metastore is at e5, which this image does not know/);
      expect(child.exitCode).toBeNull();
    } finally {
      child.kill();
    }
  });

  test('fails at once when superset_config defines no database', async () => {
    setUp('ROW_LIMIT = 10');
    const child = start();
    expect(await exitCode(child)).toBe(1);
    expect(child.output()).toContain('superset_config defines no SQLALCHEMY_DATABASE_URI');
  });

  test('the command in the manifest is the one tested here', async () => {
    setUp(CONFIG);
    sql('CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL); INSERT INTO alembic_version VALUES (\'d4\');');
    const deployment = find(synthLifecycle({ webServer: {} }), 'Deployment', 'demo-web-server');
    const [python, flag, script] = deployment.spec.template.spec.initContainers[0].command;
    expect([python, flag]).toEqual(['python', '-c']);
    expect(script).toBe(SCHEMA_WAIT_SCRIPT);
    expect(await exitCode(start(script))).toBe(0);
  });
});
