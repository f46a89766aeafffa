import { shQuote } from './shell';
import type { DatabaseType, SeedTaskSpec } from '../spec';

/*
 * Shell scripts run with the database client images (create-database, seed). Names, users and passwords are never
 * written into a script: they are read from the environment at run time, and passwords reach the clients only
 * through PGPASSWORD / MYSQL_PWD, never through argv. The only text the user writes into a script (table names,
 * SQL) is single-quoted.
 *
 * Names are data to the clients too. libpq expands a database name given as an argument (`psql -d`, `pg_dump
 * --dbname`) when it looks like a connection string (`dbname=x port=1`, `postgresql://…`), but never the one in
 * PGDATABASE, so the database travels there; createdb and dropdb take theirs after `--`. The MySQL clients read an
 * argument starting with `-` as an option, so mysql gets the database as the value of `--database=` and mysqldump
 * gets it after `--`.
 */

export const TARGET = {
  host: '"$SUPERSET_OPERATOR__DB_HOST"',
  port: '"$SUPERSET_OPERATOR__DB_PORT"',
  user: '"$SUPERSET_OPERATOR__DB_USER"',
  password: '"${SUPERSET_OPERATOR__DB_PASS:-}"',
  database: '"$SUPERSET_OPERATOR__DB_NAME"',
};
const SOURCE = {
  host: '"$SUPERSET_OPERATOR__SEED_SRC_HOST"',
  port: '"$SUPERSET_OPERATOR__SEED_SRC_PORT"',
  user: '"$SUPERSET_OPERATOR__SEED_SRC_USER"',
  password: '"${SUPERSET_OPERATOR__SEED_SRC_PASS:-}"',
  database: '"$SUPERSET_OPERATOR__SEED_SRC_DB"',
};
export type Endpoint = typeof TARGET;

/** A shell function that runs its arguments with the libpq variables of one endpoint. */
export function pgFunction(name: string, to: Endpoint): string {
  return `${name}() { env PGHOST=${to.host} PGPORT=${to.port} PGUSER=${to.user} PGPASSWORD=${to.password} `
    + `PGDATABASE=${to.database} "$@"; }`;
}

/** A shell function that runs a MySQL client against one endpoint; the password only when there is one. */
export function mysqlFunction(name: string, to: Endpoint): string {
  return `${name}() { tool=$1; shift; env MYSQL_PWD=${to.password} "$tool" --host=${to.host} --port=${to.port} --user=${to.user} "$@"; }`;
}

const STRICT = ['set -eu'];

/*
 * A failed dump must fail the seed even though the client reading the pipe succeeds. `pipefail` is not POSIX (dash
 * lacks it), so the dumping side records its failure in a file that is checked after the pipe.
 */
const DUMP_STATUS = 'failed=$(mktemp)';
const orRecord = ' || echo failed > "$failed"';
const CHECK_DUMP = 'if [ -s "$failed" ]; then echo "seed: the dump of the source failed" >&2; exit 1; fi';

/** Creates the metastore database when it does not exist yet (`metastore.createDatabase`). Idempotent. */
export function createDatabaseScript(type: DatabaseType): string {
  if (type === 'MySQL') {
    return [
      ...STRICT,
      mysqlFunction('target', TARGET),
      'name=$(printf \'%s\' "$SUPERSET_OPERATOR__DB_NAME" | sed \'s/`/``/g\')',
      'target mysql -e "CREATE DATABASE IF NOT EXISTS \\`$name\\`"',
      'echo "create-database: $SUPERSET_OPERATOR__DB_NAME is ready"',
    ].join('\n');
  }
  return [
    ...STRICT,
    pgFunction('target', TARGET),
    // psql interpolates :'name' as a quoted literal when it reads the query from stdin.
    'exists=$(echo "SELECT 1 FROM pg_database WHERE datname = :\'name\'" '
      + '| target psql -X -q -t -A -v ON_ERROR_STOP=1 -d postgres -v name="$SUPERSET_OPERATOR__DB_NAME")',
    'if [ "$exists" = 1 ]; then',
    '  echo "create-database: $SUPERSET_OPERATOR__DB_NAME exists"',
    'else',
    '  target createdb -- "$SUPERSET_OPERATOR__DB_NAME"',
    '  echo "create-database: created $SUPERSET_OPERATOR__DB_NAME"',
    'fi',
  ].join('\n');
}

/**
 * Replaces the metastore with a copy of the seed source: drop, create, copy (without the excluded tables, and
 * without the rows of the excluded-data tables), then the post-seed SQL. With PostgreSQL the drop ends the other
 * sessions of the metastore (`--force`, PostgreSQL 13 or later), since nothing drains the components first.
 */
export function seedScript(type: DatabaseType, seed: SeedTaskSpec): string {
  return type === 'MySQL' ? mysqlSeedScript(seed) : postgresSeedScript(seed);
}

/**
 * A pg_dump table pattern that matches exactly one table name, in any schema: inside double quotes the pattern
 * characters (`*`, `?`, `.`, regular-expression syntax) are literal and upper case is kept, and a `"` is doubled.
 */
export function exactTablePattern(table: string): string {
  return `"${table.replace(/"/g, '""')}"`;
}

function postgresSeedScript(seed: SeedTaskSpec): string {
  const exclusions = [
    ...(seed.excludeTables ?? []).map((table) => ` --exclude-table=${shQuote(exactTablePattern(table))}`),
    ...(seed.excludeTableData ?? []).map((table) => ` --exclude-table-data=${shQuote(exactTablePattern(table))}`),
  ].join('');
  return [
    ...STRICT,
    pgFunction('target', TARGET),
    pgFunction('from_source', SOURCE),
    DUMP_STATUS,
    `target dropdb --if-exists --force -- ${TARGET.database}`,
    `target createdb -- ${TARGET.database}`,
    `{ from_source pg_dump --no-owner --no-privileges${exclusions}${orRecord}; } | target psql -X -q -v ON_ERROR_STOP=1`,
    CHECK_DUMP,
    ...(seed.postSeedSQL ?? []).map((sql) => `target psql -X -v ON_ERROR_STOP=1 -c ${shQuote(sql)}`),
    'echo "seed: copied $SUPERSET_OPERATOR__SEED_SRC_DB from $SUPERSET_OPERATOR__SEED_SRC_HOST into $SUPERSET_OPERATOR__DB_NAME"',
  ].join('\n');
}

function mysqlSeedScript(seed: SeedTaskSpec): string {
  const noData = seed.excludeTableData ?? [];
  const ignored = [...seed.excludeTables ?? [], ...noData].map((table) => ` --ignore-table=${SOURCE.database}.${shQuote(table)}`);
  return [
    ...STRICT,
    mysqlFunction('target', TARGET),
    mysqlFunction('from_source', SOURCE),
    DUMP_STATUS,
    'name=$(printf \'%s\' "$SUPERSET_OPERATOR__DB_NAME" | sed \'s/`/``/g\')',
    'target mysql -e "DROP DATABASE IF EXISTS \\`$name\\`; CREATE DATABASE \\`$name\\`"',
    '{',
    // The tables whose rows are left out still get their structure.
    ...(noData.length > 0
      ? [`  from_source mysqldump --single-transaction --no-data -- ${SOURCE.database}${noData.map((t) => ` ${shQuote(t)}`).join('')}${orRecord}`]
      : []),
    `  from_source mysqldump --single-transaction --routines --triggers${ignored.join('')} -- ${SOURCE.database}${orRecord}`,
    `} | target mysql --database=${TARGET.database}`,
    CHECK_DUMP,
    ...(seed.postSeedSQL ?? []).map((sql) => `target mysql --database=${TARGET.database} -e ${shQuote(sql)}`),
    'echo "seed: copied $SUPERSET_OPERATOR__SEED_SRC_DB from $SUPERSET_OPERATOR__SEED_SRC_HOST into $SUPERSET_OPERATOR__DB_NAME"',
  ].join('\n');
}
