// The create-database and seed scripts run by dash with Debian's real psql, pg_dump, createdb and dropdb against a
// real PostgreSQL 15, with database and table names a libpq connection string or a pg_dump pattern would misread.
import { spawnSync } from 'node:child_process';
import { createDatabaseScript, seedScript } from '../../src/render/database-scripts';
import { startPostgres, type PostgresServer } from '../support/postgres-server';

let pg: PostgresServer;
beforeAll(async () => {
  pg = await startPostgres();
}, 60_000);
afterAll(async () => pg?.stop());

/** Quotes an SQL identifier. */
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

function run(script: string, env: Record<string, string>) {
  const result = spawnSync('/bin/sh', ['-c', script], { env: { PATH: '/usr/bin:/bin', ...env }, encoding: 'utf-8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const endpoint = (prefix: 'DB' | 'SEED_SRC', name: string) => ({
  [`SUPERSET_OPERATOR__${prefix}_HOST`]: '127.0.0.1',
  [`SUPERSET_OPERATOR__${prefix}_PORT`]: String(pg.port),
  [`SUPERSET_OPERATOR__${prefix}_USER`]: pg.superuser,
  [`SUPERSET_OPERATOR__${prefix}_PASS`]: pg.password,
  [prefix === 'DB' ? 'SUPERSET_OPERATOR__DB_NAME' : 'SUPERSET_OPERATOR__SEED_SRC_DB']: name,
});

const databases = () => pg.sql('postgres', 'SELECT datname FROM pg_database ORDER BY datname').split('\n');

test('create-database creates exactly the named database, whatever the name looks like', () => {
  for (const name of ['-x dbname=victim', 'postgresql://127.0.0.1:1/victim', 'it\'s "q"']) {
    const first = run(createDatabaseScript('PostgreSQL'), endpoint('DB', name));
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain(`created ${name}`);
    expect(databases()).toContain(name);
    const again = run(createDatabaseScript('PostgreSQL'), endpoint('DB', name));
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${name} exists`);
  }
  expect(databases()).not.toContain('victim');
});

describe('seed', () => {
  // Names libpq would expand as connection strings if they reached it as a database argument.
  const source = 'dbname=victim';
  const target = 'dbname=\'victim\' port=1';
  const tables: Record<string, number> = {
    'logs': 1, 'Logs': 2, 'x*': 3, 'xy': 4, 'a.b': 5, 'ab': 6, 'q"t': 7, 'kept': 8,
  };

  beforeAll(() => {
    for (const db of [source, 'victim']) {
      pg.sql('postgres', `CREATE DATABASE ${ident(db)}`);
    }
    pg.sql(source, Object.entries(tables)
      .map(([table, rows]) => `CREATE TABLE ${ident(table)} (n int); INSERT INTO ${ident(table)} SELECT generate_series(1, ${rows});`)
      .join('\n'));
    pg.sql('victim', 'CREATE TABLE victim_only (n int);');
  });

  test('copies exactly the source into the target, leaving out exactly the named tables and rows', () => {
    const script = seedScript('PostgreSQL', {
      source: { host: 'unused', database: 'unused', username: 'unused' },
      excludeTables: ['Logs', 'a.b', 'q"t'],
      excludeTableData: ['x*'],
      postSeedSQL: ['INSERT INTO kept VALUES (100)'],
    });
    const result = run(script, { ...endpoint('DB', target), ...endpoint('SEED_SRC', source) });
    expect(result.stderr).not.toMatch(/ERROR|FATAL/);
    expect(result.status).toBe(0);

    const copied = pg.sql(target, `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace
      ORDER BY relname COLLATE "C"`).split('\n');
    expect(copied).toEqual(['ab', 'kept', 'logs', 'x*', 'xy']);
    const count = (table: string) => Number(pg.sql(target, `SELECT count(*) FROM ${ident(table)}`));
    expect(count('logs')).toBe(1);
    expect(count('ab')).toBe(6);
    expect(count('xy')).toBe(4);
    expect(count('x*')).toBe(0);
    expect(count('kept')).toBe(9);
    // Nothing went to or came from the database the names would name as connection strings.
    expect(pg.sql('victim', 'SELECT string_agg(relname, \',\') FROM pg_class WHERE relkind = \'r\' AND relnamespace = \'public\'::regnamespace'))
      .toBe('victim_only');

    // Seeding again replaces the copy.
    expect(run(script, { ...endpoint('DB', target), ...endpoint('SEED_SRC', source) }).status).toBe(0);
    expect(count('kept')).toBe(9);
  });
});
