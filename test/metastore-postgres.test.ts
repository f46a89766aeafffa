// A metastore whose database, user and password hold every character SQLAlchemy's URL syntax uses, against a real
// PostgreSQL 15: the lifecycle create-database script creates the database under its literal name, the rendered
// superset_config.py's SQLALCHEMY_DATABASE_URI connects to exactly that database as that user through SQLAlchemy and
// psycopg2, and the schema wait finds the migrated revision there. Over IPv4 and over the IPv6 loopback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { startPostgres, type PostgresServer } from './support/postgres-server';
import { SYSTEM_PYTHON } from './support/python';
import { renderComponent } from './support/rendered-instance';
import { run } from './support/servers';
import { createDatabaseScript } from '../src/render/database-scripts';
import { SCHEMA_WAIT_SCRIPT } from '../src/resolve/lifecycle/schema-wait';

jest.setTimeout(120_000);

const PG_BIN = '/usr/lib/postgresql/15/bin';
const DATABASE = 'sup\'er "db" 50%25 %zz /a#b@c:d&e=f+g ü€ \\ ;';
const USER = 'o\'neil @x:y/z%41?#';
const PASSWORD = 'p@ss:w/rd%25?#& "q" ü';
const REVISION = 'b1a2c3d4e5f6';

/** The database name, user and URI as SQLAlchemy and psycopg2 see them after loading superset_config.py. */
const CONNECT = `
import importlib.util, json, os
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
spec = importlib.util.spec_from_file_location("superset_config", os.environ["SUPERSET_CONFIG_PATH"])
config = importlib.util.module_from_spec(spec)
spec.loader.exec_module(config)
url = make_url(config.SQLALCHEMY_DATABASE_URI)
with create_engine(config.SQLALCHEMY_DATABASE_URI).connect() as connection:
    database, user = connection.execute(text("SELECT current_database(), current_user")).one()
print(json.dumps({"type": type(config.SQLALCHEMY_DATABASE_URI).__name__, "url": [url.host, url.database, url.username, url.password],
                  "connected": [database, user]}))
`;

describe('a metastore with hostile names on a real PostgreSQL 15', () => {
  let server: PostgresServer;
  let root: string;

  beforeAll(async () => {
    server = await startPostgres({ ipv6: true });
    root = mkdtempSync(path.join(tmpdir(), 'metastore-'));
    // The role the instance connects as; psql quotes the variables itself (:"name" and :'literal').
    run(path.join(PG_BIN, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-v', `user=${USER}`, '-v', `password=${PASSWORD}`], {
      env: { ...server.env }, input: 'CREATE ROLE :"user" LOGIN CREATEDB PASSWORD :\'password\';\n',
    });
  });

  afterAll(async () => {
    await server?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** The web server's config and pod environment, rendered by the library for a metastore on `host`. */
  function rendered(host: string) {
    const component = renderComponent('bi', 'superset', {
      metastore: { host, port: server.port, database: DATABASE, username: USER, passwordFrom: { name: 'db', key: 'password' } },
      webServer: {},
    }, 'web-server', { 'app-secret/secret-key': 'k', 'db/password': PASSWORD });
    const dir = mkdtempSync(path.join(root, 'config-'));
    writeFileSync(path.join(dir, 'superset_config.py'), component.config);
    return { dir, env: { ...component.env, SUPERSET_CONFIG_PATH: path.join(dir, 'superset_config.py'), PYTHONUTF8: '1', PYTHONDONTWRITEBYTECODE: '1' } };
  }

  test('create-database creates the database under its literal name, and is idempotent', () => {
    const { env } = rendered('127.0.0.1');
    const shellEnv = { ...env, PATH: `${PG_BIN}:/usr/bin:/bin` };
    expect(run('/bin/sh', ['-c', createDatabaseScript('PostgreSQL')], { env: shellEnv })).toContain('create-database: created');
    expect(run('/bin/sh', ['-c', createDatabaseScript('PostgreSQL')], { env: shellEnv })).toContain('exists');
    const names = run(path.join(PG_BIN, 'psql'), ['-X', '-A', '-t', '-c', 'SELECT datname FROM pg_database'], { env: { ...server.env } });
    expect(names.split('\n')).toContain(DATABASE);
  });

  test.each(['127.0.0.1', '::1'])('SQLALCHEMY_DATABASE_URI reaches SQLAlchemy and psycopg2 exactly as written (host %s)', (host) => {
    const { env } = rendered(host);
    const result = JSON.parse(run(SYSTEM_PYTHON, ['-c', CONNECT], { env }));
    // A str, as Superset's migrations need it (they test and unquote it as text).
    expect(result).toEqual({ type: 'str', url: [host, DATABASE, USER, PASSWORD], connected: [DATABASE, USER] });
  });

  test('the schema wait connects to that database and finds the head revision', () => {
    const { dir, env } = rendered('127.0.0.1');
    // As the instance's role, which migrations run as. PGDATABASE rather than -d: psql reads a -d value containing
    // '=' as a connection string.
    run(path.join(PG_BIN, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1'], {
      env: { ...server.env, PGDATABASE: DATABASE, PGUSER: USER, PGPASSWORD: PASSWORD },
      input: `CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);\nINSERT INTO alembic_version VALUES ('${REVISION}');\n`,
    });
    // A stand-in `superset` package holding only the migration that is the head.
    const versions = path.join(dir, 'superset', 'migrations', 'versions');
    mkdirSync(versions, { recursive: true });
    writeFileSync(path.join(dir, 'superset', '__init__.py'), '');
    writeFileSync(path.join(versions, 'head.py'), `revision = "${REVISION}"\ndown_revision = None\n`);
    const output = run(SYSTEM_PYTHON, ['-c', SCHEMA_WAIT_SCRIPT], { env: { ...env, PYTHONPATH: dir }, timeoutMs: 8_000 });
    expect(output).toContain(`the metastore is at the head revision ${REVISION}`);
  });
});
