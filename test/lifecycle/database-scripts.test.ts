// The create-database and seed scripts, run by a POSIX shell (dash) with stand-ins for the database clients that
// record their arguments, the connection variables they see and what they read.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createDatabaseScript, seedScript } from '../../src/render/database-scripts';

const TOOLS = ['psql', 'createdb', 'dropdb', 'pg_dump', 'mysql', 'mysqldump'];

const STUB = `#!/bin/sh
tool=$(basename "$0")
line="$tool"
for arg in "$@"; do line="$line [$arg]"; done
line="$line env(\${PGHOST-}|\${PGPORT-}|\${PGUSER-}|\${PGPASSWORD-}|\${PGDATABASE-}|\${MYSQL_PWD-})"
if [ -n "\${ARGV_DIR-}" ]; then printf '%s\\0' "$tool" "$@" > "$ARGV_DIR/$$"; fi
case "$tool" in psql|mysql) line="$line stdin($(tr '\\n' ' '))" ;; esac
echo "$line" >> "$LOG"
case "$tool" in
  psql) if [ -n "\${STUB_PSQL_OUT-}" ]; then echo "$STUB_PSQL_OUT"; fi ;;
  pg_dump|mysqldump) if [ -n "\${STUB_DUMP_FAILS-}" ]; then exit 3; fi; echo "-- dump" ;;
esac
`;

const TARGET = {
  SUPERSET_OPERATOR__DB_HOST: 'pg.db',
  SUPERSET_OPERATOR__DB_PORT: '5432',
  SUPERSET_OPERATOR__DB_NAME: 'my `db`',
  SUPERSET_OPERATOR__DB_USER: 'superset',
  SUPERSET_OPERATOR__DB_PASS: 'target-secret',
};
const SOURCE = {
  SUPERSET_OPERATOR__SEED_SRC_HOST: 'prod.db',
  SUPERSET_OPERATOR__SEED_SRC_PORT: '5433',
  SUPERSET_OPERATOR__SEED_SRC_DB: 'prod',
  SUPERSET_OPERATOR__SEED_SRC_USER: 'reader',
  SUPERSET_OPERATOR__SEED_SRC_PASS: 'source-secret',
};

let bin: string;
beforeAll(() => {
  bin = mkdtempSync(path.join(tmpdir(), 'db-tools-'));
  for (const tool of TOOLS) {
    writeFileSync(path.join(bin, tool), STUB);
    chmodSync(path.join(bin, tool), 0o755);
  }
});
afterAll(() => rmSync(bin, { recursive: true, force: true }));

/** Runs a script like the container does (`/bin/sh -c`) and returns its exit code, stderr and the tools' calls. */
function run(script: string, env: Record<string, string>) {
  const log = path.join(bin, `log-${Math.random().toString(36).slice(2)}`);
  writeFileSync(log, '');
  const result = spawnSync('/bin/sh', ['-c', script], {
    env: { PATH: `${bin}:/usr/bin:/bin`, LOG: log, ...env }, encoding: 'utf-8', input: '',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls: readFileSync(log, 'utf-8').trim().split('\n') };
}

const TARGET_ENV = 'env(pg.db|5432|superset|target-secret|my `db`|)';
const SOURCE_ENV = 'env(prod.db|5433|reader|source-secret|prod|)';

describe('create-database', () => {
  test('PostgreSQL: looks the database up with a quoted psql variable and creates it when missing', () => {
    const { status, calls } = run(createDatabaseScript('PostgreSQL'), TARGET);
    expect(status).toBe(0);
    expect(calls).toEqual([
      `psql [-X] [-q] [-t] [-A] [-v] [ON_ERROR_STOP=1] [-d] [postgres] [-v] [name=my \`db\`] ${TARGET_ENV} `
        + 'stdin(SELECT 1 FROM pg_database WHERE datname = :\'name\' )',
      `createdb [--] [my \`db\`] ${TARGET_ENV}`,
    ]);
  });

  test('PostgreSQL: leaves an existing database alone', () => {
    const { status, stdout, calls } = run(createDatabaseScript('PostgreSQL'), { ...TARGET, STUB_PSQL_OUT: '1' });
    expect(status).toBe(0);
    expect(calls).toHaveLength(1);
    expect(stdout).toContain('create-database: my `db` exists');
  });

  test('MySQL: creates it if not exists, with the name as an escaped identifier and the password in MYSQL_PWD', () => {
    const { status, calls } = run(createDatabaseScript('MySQL'), { ...TARGET, SUPERSET_OPERATOR__DB_PORT: '3306' });
    expect(status).toBe(0);
    expect(calls).toEqual([
      'mysql [--host=pg.db] [--port=3306] [--user=superset] [-e] [CREATE DATABASE IF NOT EXISTS `my ``db```] '
        + 'env(|||||target-secret) stdin()',
    ]);
  });

  test('a database without a password connects without one', () => {
    const env: Record<string, string> = { ...TARGET };
    delete env.SUPERSET_OPERATOR__DB_PASS;
    expect(run(createDatabaseScript('PostgreSQL'), env).status).toBe(0);
  });
});

describe('seed', () => {
  const seed = {
    source: { host: 'prod.db', database: 'prod', username: 'reader' },
    excludeTables: ['logs', 'it\'s'],
    excludeTableData: ['query'],
    postSeedSQL: ['UPDATE ab_user SET active = false WHERE username <> \'admin\''],
  };

  test('PostgreSQL: drops and recreates the metastore, pipes the filtered dump in, then runs the post-seed SQL', () => {
    const { status, calls } = run(seedScript('PostgreSQL', seed), { ...TARGET, ...SOURCE });
    expect(status).toBe(0);
    expect(calls).toEqual([
      `dropdb [--if-exists] [--force] [--] [my \`db\`] ${TARGET_ENV}`,
      `createdb [--] [my \`db\`] ${TARGET_ENV}`,
      `pg_dump [--no-owner] [--no-privileges] [--exclude-table="logs"] [--exclude-table="it's"] [--exclude-table-data="query"] ${SOURCE_ENV}`,
      `psql [-X] [-q] [-v] [ON_ERROR_STOP=1] ${TARGET_ENV} stdin(-- dump )`,
      `psql [-X] [-v] [ON_ERROR_STOP=1] [-c] [UPDATE ab_user SET active = false WHERE username <> 'admin'] ${TARGET_ENV} stdin()`,
    ]);
  });

  test('fails when the dump fails, even though the reading side succeeded', () => {
    const { status, stderr, calls } = run(seedScript('PostgreSQL', seed), { ...TARGET, ...SOURCE, STUB_DUMP_FAILS: '1' });
    expect(status).toBe(1);
    expect(stderr).toContain('seed: the dump of the source failed');
    expect(calls.some((call) => call.includes('[-c]'))).toBe(false);
  });

  test('MySQL: recreates the database, dumps the structure of the excluded-data tables, then everything else', () => {
    const mysqlTarget = { ...TARGET, SUPERSET_OPERATOR__DB_PORT: '3306' };
    const { status, calls } = run(seedScript('MySQL', seed), { ...mysqlTarget, ...SOURCE });
    expect(status).toBe(0);
    const target = '[--host=pg.db] [--port=3306] [--user=superset]';
    const source = '[--host=prod.db] [--port=5433] [--user=reader]';
    expect(calls).toEqual([
      `mysql ${target} [-e] [DROP DATABASE IF EXISTS \`my \`\`db\`\`\`; CREATE DATABASE \`my \`\`db\`\`\`] env(|||||target-secret) stdin()`,
      `mysqldump ${source} [--single-transaction] [--no-data] [--] [prod] [query] env(|||||source-secret)`,
      `mysqldump ${source} [--single-transaction] [--routines] [--triggers] [--ignore-table=prod.logs] [--ignore-table=prod.it's] `
        + '[--ignore-table=prod.query] [--] [prod] env(|||||source-secret)',
      `mysql ${target} [--database=my \`db\`] env(|||||target-secret) stdin(-- dump -- dump )`,
      `mysql ${target} [--database=my \`db\`] [-e] [UPDATE ab_user SET active = false WHERE username <> 'admin'] env(|||||target-secret) stdin()`,
    ]);
  });

  test('no password appears in any command line', () => {
    for (const script of [seedScript('PostgreSQL', seed), seedScript('MySQL', seed), createDatabaseScript('PostgreSQL')]) {
      const { calls } = run(script, { ...TARGET, ...SOURCE });
      for (const call of calls) expect(call.replace(/env\(.*?\)/, '')).not.toMatch(/secret/);
    }
  });
});

describe('MySQL names reach the real clients as data', () => {
  // Names the MariaDB clients would read as options if they were arguments of their own.
  const hostile = (dir: string) => ({
    SUPERSET_OPERATOR__DB_NAME: '--database=victim',
    SUPERSET_OPERATOR__SEED_SRC_DB: `--result-file=${dir}/written`,
  });

  /** Runs the seed with the recording stubs and returns each client call's argv, in no particular order. */
  function seedArgv(dir: string): string[][] {
    const argvDir = mkdtempSync(path.join(dir, 'argv-'));
    const script = seedScript('MySQL', { source: { host: 'h', database: 'd', username: 'u' }, excludeTableData: ['query'], postSeedSQL: ['SELECT 1'] });
    expect(run(script, { ...TARGET, ...SOURCE, SUPERSET_OPERATOR__DB_HOST: '127.0.0.1', SUPERSET_OPERATOR__DB_PORT: '1', ...hostile(dir), ARGV_DIR: argvDir }).status)
      .toBe(0);
    // One file per call; the two sides of a pipe run at once, so the calls have no order.
    return readdirSync(argvDir).map((file) => readFileSync(path.join(argvDir, file), 'utf-8').split('\0').slice(0, -1));
  }

  test('mysql reads the target database as the value of --database', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mysql-argv-'));
    try {
      // `--help` prints the variables as the real client parsed them, then exits without connecting.
      const databases = seedArgv(dir).filter(([tool]) => tool === 'mysql')
        .map(([, ...args]) => /^database {2,}(.*)$/m.exec(spawnSync('mysql', [...args, '--help'], { encoding: 'utf-8' }).stdout)?.[1]);
      // DROP and CREATE name the database in SQL; the copy and the post-seed SQL run in it.
      expect(databases.sort()).toEqual(['(No default value)', '--database=victim', '--database=victim']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('mysqldump reads the source database as a name, not as an option', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'mysql-argv-'));
    try {
      const calls = seedArgv(dir).filter(([tool]) => tool === 'mysqldump');
      expect(calls).toHaveLength(2);
      for (const [, ...args] of calls) {
        // The port is closed, so the real client fails to connect; read as an option, the name would have had it
        // open the file while parsing its arguments.
        const dump = spawnSync('mysqldump', ['--host=127.0.0.1', '--port=1', '--connect-timeout=2', ...args], { encoding: 'utf-8' });
        expect(dump.status).not.toBe(0);
        expect(dump.stderr).toMatch(/connect/i);
        expect(existsSync(path.join(dir, 'written'))).toBe(false);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
