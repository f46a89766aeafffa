// A metastore whose database, user and password hold every character SQLAlchemy's URL syntax uses, against a real
// PostgreSQL 15: the migrate Job's create-database container creates the database under its literal name, the
// SQLALCHEMY_DATABASE_URI of the web server pod's config files and environment connects to exactly that database as
// that user through SQLAlchemy and psycopg2, and the pod's wait-for-migrations container finds the migrated revision
// there. Over IPv4 and over the IPv6 loopback.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { commandIn, jobOf, pythonOnPath } from './lifecycle/helpers';
import { containerEnv, pythonPath, writePythonPath } from './support/pod';
import { startPostgres, type PostgresServer } from './support/postgres-server';
import { SYSTEM_PYTHON } from './support/python';
import { run } from './support/servers';
import { BASE, find, mainContainer, type Manifest } from './util';
import { SupersetInstance } from '../src';

jest.setTimeout(120_000);

const PG_BIN = '/usr/lib/postgresql/15/bin';
const DATABASE = 'sup\'er "db" 50%25 %zz /a#b@c:d&e=f+g ü€ \\ ;';
const USER = 'o\'neil @x:y/z%41?#';
const PASSWORD = 'p@ss:w/rd%25?#& "q" ü';
const REVISION = 'b1a2c3d4e5f6';
/** The Secrets the instance references, keyed `<secret>/<key>`. */
const SECRETS = { 'app-secret/secret-key': 'k', 'db/password': PASSWORD };

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

  /** The instance the library renders for a metastore on `host`, in namespace `bi`, with the lifecycle on. */
  function synthFor(host: string): Manifest[] {
    const chart = new Chart(Testing.app(), 'bi-superset', { namespace: 'bi' });
    new SupersetInstance(chart, 'superset', {
      ...BASE,
      metastore: { host, port: server.port, database: DATABASE, username: USER, passwordFrom: { name: 'db', key: 'password' }, createDatabase: true },
      webServer: {},
      lifecycle: {},
    });
    return Testing.synth(chart);
  }

  /** The web server's PYTHONPATH files written to a folder, and its main container's environment as the kubelet sets it. */
  function rendered(host: string) {
    const manifests = synthFor(host);
    const deployment = find(manifests, 'Deployment', 'superset-web-server');
    const dir = mkdtempSync(path.join(root, 'pythonpath-'));
    const configPath = writePythonPath(dir, pythonPath(manifests, deployment));
    const podEnv = containerEnv(manifests, mainContainer(deployment), 'bi', SECRETS);
    return { manifests, deployment, dir, env: { ...podEnv, SUPERSET_CONFIG_PATH: configPath, PYTHONUTF8: '1', PYTHONDONTWRITEBYTECODE: '1' } };
  }

  test('create-database creates the database under its literal name, and is idempotent', () => {
    // The migrate Job's create-database container, run as its command says with its own environment.
    const manifests = synthFor('127.0.0.1');
    const create = jobOf(manifests, 'migrate').spec.template.spec.initContainers.find((c: any) => c.name === 'create-database');
    const [shell, ...args] = create.command;
    const shellEnv = { ...containerEnv(manifests, create, 'bi', SECRETS), PATH: `${PG_BIN}:/usr/bin:/bin` };
    expect(run(shell, args, { env: shellEnv })).toContain('create-database: created');
    expect(run(shell, args, { env: shellEnv })).toContain('exists');
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
    const { manifests, deployment, dir } = rendered('127.0.0.1');
    // As the instance's role, which migrations run as. PGDATABASE rather than -d: psql reads a -d value containing
    // '=' as a connection string.
    run(path.join(PG_BIN, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1'], {
      env: { ...server.env, PGDATABASE: DATABASE, PGUSER: USER, PGPASSWORD: PASSWORD },
      input: `CREATE TABLE alembic_version (version_num varchar(32) PRIMARY KEY);\nINSERT INTO alembic_version VALUES ('${REVISION}');\n`,
    });
    // A stand-in `superset` package holding only the migration that is the head, installed outside the PYTHONPATH
    // folder as in the image.
    const site = mkdtempSync(path.join(root, 'site-'));
    const versions = path.join(site, 'superset', 'migrations', 'versions');
    mkdirSync(versions, { recursive: true });
    writeFileSync(path.join(site, 'superset', '__init__.py'), '');
    writeFileSync(path.join(versions, 'head.py'), `revision = "${REVISION}"\ndown_revision = None\n`);
    // The web server's wait-for-migrations container, run as its command says, with its environment.
    const wait = deployment.spec.template.spec.initContainers.find((c: any) => c.name === 'wait-for-migrations');
    expect(wait.command).toEqual(['python', '/app/pythonpath/wait_for_migrations.py']);
    const [python, ...args] = commandIn(wait.command, dir);
    const env = { ...containerEnv(manifests, wait, 'bi', SECRETS), PATH: pythonOnPath(site), PYTHONPATH: site, PYTHONDONTWRITEBYTECODE: '1' };
    const output = run(python, args, { env, timeoutMs: 8_000 });
    expect(output).toContain(`the metastore is at the head revision ${REVISION}`);
  });
});
