// The backup job's PostgreSQL script run by dash with Debian's real pg_dump and pg_restore against a real
// PostgreSQL 15, a temp dir standing in for the PersistentVolumeClaim: it keeps exactly the newest N dumps of its
// instance (nothing else), leaves nothing behind when the dump fails, and its dump restores into another database.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { backupDumpScript, restoreScript } from '../../src/render/backup-scripts';
import { startPostgres, type PostgresServer } from '../support/postgres-server';

let pg: PostgresServer;
let dir: string;
beforeAll(async () => {
  pg = await startPostgres();
}, 60_000);
afterAll(async () => pg?.stop());
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'backup-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
// A name libpq would expand as a connection string if it reached pg_dump as an argument.
const SOURCE = 'dbname=victim port=1';

function backup(env: Record<string, string> = {}) {
  const result = spawnSync('/usr/bin/dash', ['-c', backupDumpScript('PostgreSQL', true)], {
    env: {
      PATH: '/usr/bin:/bin',
      BACKUP_DIR: dir,
      BACKUP_NAME: 'demo',
      BACKUP_KEEP: '3',
      SUPERSET_OPERATOR__DB_HOST: '127.0.0.1',
      SUPERSET_OPERATOR__DB_PORT: String(pg.port),
      SUPERSET_OPERATOR__DB_USER: pg.superuser,
      SUPERSET_OPERATOR__DB_PASS: pg.password,
      SUPERSET_OPERATOR__DB_NAME: SOURCE,
      ...env,
    },
    encoding: 'utf-8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const OLD = ['20200101T000000Z', '20200102T000000Z', '20200103T000000Z', '20200104T000000Z'].map((t) => `demo-${t}.dump`);
// Another instance's dumps in the same claim, and files that are not dumps.
const OTHERS = ['demo-2-20190101T000000Z.dump', 'demo-20190101T000000Z.dump.bak', 'notes.txt', 'demo-latest.dump'];

beforeAll(() => {
  for (const db of [SOURCE, 'victim', 'restored']) pg.sql('postgres', `CREATE DATABASE ${ident(db)}`);
  pg.sql(SOURCE, `
    CREATE TABLE dashboards (id serial PRIMARY KEY, title text NOT NULL);
    CREATE TABLE slices (id serial PRIMARY KEY, dashboard_id int REFERENCES dashboards(id), name text);
    CREATE INDEX slices_name ON slices (name);
    CREATE VIEW titled AS SELECT d.title, s.name FROM dashboards d JOIN slices s ON s.dashboard_id = d.id;
    INSERT INTO dashboards (title) VALUES ('Sales'), ('It''s "quoted"');
    INSERT INTO slices (dashboard_id, name) VALUES (1, 'revenue'), (2, 'q');`);
});

test('dumps the metastore, keeps exactly the newest N of its instance, and touches nothing else', () => {
  for (const file of [...OLD, ...OTHERS]) writeFileSync(path.join(dir, file), 'old');
  const result = backup();
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const written = readdirSync(dir).filter((f) => /^demo-\d{8}T\d{6}Z\.dump$/.test(f)).sort();
  expect(written).toHaveLength(3);
  expect(written.slice(0, 2)).toEqual(OLD.slice(2));
  expect(written[2] > OLD[3]).toBe(true);
  expect(result.stdout).toContain(`wrote ${written[2]}`);
  expect(result.stdout).toContain(`deleted ${OLD[0]}`);
  expect(readdirSync(dir).sort()).toEqual([...OTHERS, ...written].sort());
});

test('with fewer dumps than N, deletes nothing', () => {
  const result = backup({ BACKUP_KEEP: '5' });
  expect(result.status).toBe(0);
  expect(readdirSync(dir)).toHaveLength(1);
  expect(result.stdout).not.toContain('deleted');
});

test('a failed dump fails the run, leaves no file and deletes nothing', () => {
  for (const file of OLD) writeFileSync(path.join(dir, file), 'old');
  const result = backup({ SUPERSET_OPERATOR__DB_PASS: 'wrong', BACKUP_KEEP: '1' });
  expect(result.status).not.toBe(0);
  expect(result.stderr).toMatch(/password authentication failed/);
  expect(readdirSync(dir).sort()).toEqual(OLD);
});

test('the dump restores with pg_restore into another database, selectively too', () => {
  expect(backup().status).toBe(0);
  const [dump] = readdirSync(dir);
  const restore = (args: string[]) => spawnSync('/usr/bin/pg_restore', [...args, path.join(dir, dump)], {
    env: { PATH: '/usr/bin:/bin', ...pg.env, PGDATABASE: 'restored' }, encoding: 'utf-8',
  });
  const full = restore(['--no-owner', '--exit-on-error', '-d', 'restored']);
  expect(full.stderr).toBe('');
  expect(full.status).toBe(0);
  const query = 'SELECT title, name FROM titled ORDER BY title COLLATE "C"';
  expect(pg.sql('restored', query)).toBe(pg.sql(SOURCE, query));
  expect(pg.sql('restored', "SELECT count(*) FROM pg_indexes WHERE indexname = 'slices_name'")).toBe('1');
  expect(pg.sql('victim', "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toBe('0');

  // The data of one table only, back into the live copy after a mistake.
  pg.sql('restored', 'TRUNCATE slices');
  const one = restore(['--data-only', '-t', 'slices', '--single-transaction', '-d', 'restored']);
  expect(one.status).toBe(0);
  expect(pg.sql('restored', query)).toBe(pg.sql(SOURCE, query));
});

test('the restore script puts the dump back over the live metastore, whatever the database is called', () => {
  expect(backup().status).toBe(0);
  const [dump] = readdirSync(dir);
  pg.sql(SOURCE, "INSERT INTO dashboards (title) VALUES ('after the dump'); DROP VIEW titled; DELETE FROM slices");
  const result = spawnSync('/usr/bin/dash', ['-c', restoreScript('PostgreSQL')], {
    env: {
      PATH: '/usr/bin:/bin',
      BACKUP_DIR: dir,
      RESTORE_DUMP: dump,
      SUPERSET_OPERATOR__DB_HOST: '127.0.0.1',
      SUPERSET_OPERATOR__DB_PORT: String(pg.port),
      SUPERSET_OPERATOR__DB_USER: pg.superuser,
      SUPERSET_OPERATOR__DB_PASS: pg.password,
      SUPERSET_OPERATOR__DB_NAME: SOURCE,
    },
    encoding: 'utf-8',
  });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  expect(pg.sql(SOURCE, 'SELECT title, name FROM titled ORDER BY title COLLATE "C"')).toBe('It\'s "quoted"|q\nSales|revenue');
  expect(pg.sql(SOURCE, "SELECT count(*) FROM dashboards WHERE title = 'after the dump'")).toBe('0');
  expect(pg.sql('victim', "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).toBe('0');
  // A missing dump fails before touching anything.
  const missing = spawnSync('/usr/bin/dash', ['-c', restoreScript('PostgreSQL')], {
    env: { PATH: '/usr/bin:/bin', BACKUP_DIR: dir, RESTORE_DUMP: 'demo-20000101T000000Z.dump' }, encoding: 'utf-8',
  });
  expect(missing.status).not.toBe(0);
  expect(missing.stderr).toContain('no backup demo-20000101T000000Z.dump');
});
