// Every URL superset_config.py builds, parsed by the libraries that read it: redis-py's parse_url (Flask-Caching's
// RedisCache uses redis.from_url), kombu's Connection (Celery's broker and result backend) and SQLAlchemy's make_url.
// For each host validation admits and hostile credentials, each client must see exactly the host, port, database,
// user, password and TLS options that were written. The URLs are built by superset_shared.py, run by the consumer's
// superset_config.py from the same folder, as in a pod.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ENV } from '../../src/base/env-names';
import { isNetworkHost } from '../../src/base/patterns';
import { renderConfigOverlay, renderSharedConfig } from '../../src/render/superset-config';
import { metastoreScheme } from '../../src/resolve/metastore';
import { resolveValkey } from '../../src/resolve/valkey';
import { writePythonPath } from '../support/pod';
import { SYSTEM_PYTHON } from '../support/python';
import { run } from '../support/servers';

const HOSTS = [
  'valkey', 'valkey.databases.svc.cluster.local', 'Valkey-1.Example.COM', '10.0.0.5', '::1', 'fd00::5',
  '2001:db8:85a3::8a2e:370:7334', '::ffff:10.1.2.3', 'fe80::1',
];
const USER = 'us er:@/%?#[]';
const PASSWORD = 'p@ss:w/rd%25?#&= "q" ü';
const CA_FILE = '/tls/o\'dd "ca"&x=1#.pem';

const PARSE = `
import json, os, runpy, sys, tempfile
from kombu import Connection
from redis.connection import parse_url
from sqlalchemy.engine import make_url

hosts = json.loads(sys.argv[2])
report = []
for host in hosts:
    os.environ[sys.argv[3]] = host
    os.environ[sys.argv[4]] = host
    settings = runpy.run_path(sys.argv[1], run_name="superset_config")
    cache = parse_url(settings["CACHE_CONFIG"]["CACHE_REDIS_URL"])
    broker = Connection(settings["CELERY_CONFIG"].broker_url)
    backend = Connection(settings["CELERY_CONFIG"].result_backend)
    db = make_url(settings["SQLALCHEMY_DATABASE_URI"])
    report.append({
        "cache": [cache["host"], cache["port"], cache["db"], cache["username"], cache["password"], cache["ssl_ca_certs"]],
        "broker": [broker.hostname, broker.port, broker.virtual_host, broker.userid, broker.password],
        "backend": [backend.hostname, backend.port, backend.virtual_host],
        "metastore": [db.host, db.port, db.database, db.username, db.password],
    })
print(json.dumps(report))
`;

test('every host validation admits reaches redis-py, kombu and SQLAlchemy intact, with hostile credentials', () => {
  expect(HOSTS.every(isNetworkHost)).toBe(true);
  const shared = renderSharedConfig({
    previousSecretKey: false,
    metastore: { kind: 'structured', scheme: metastoreScheme({ host: 'h' }) },
    valkey: resolveValkey({ host: 'h', ssl: { caCertFile: CA_FILE }, celeryBroker: { database: 3 } }),
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'urls-'));
  const file = writePythonPath(dir, {
    'superset_config.py': renderConfigOverlay({ baseConfig: false }),
    'superset_shared.py': shared,
  });
  const env = {
    [ENV.INSTANCE_NAME]: 'superset',
    [ENV.NAMESPACE]: 'bi',
    [ENV.SECRET_KEY]: 'k',
    [ENV.VALKEY_PORT]: '6380',
    [ENV.VALKEY_USER]: USER,
    [ENV.VALKEY_PASS]: PASSWORD,
    [ENV.DB_PORT]: '5433',
    [ENV.DB_NAME]: 'sup\'er db/#@:%41',
    [ENV.DB_USER]: USER,
    [ENV.DB_PASS]: PASSWORD,
    PYTHONUTF8: '1',
    PYTHONDONTWRITEBYTECODE: '1',
  };
  const report = JSON.parse(run(SYSTEM_PYTHON, ['-c', PARSE, file, JSON.stringify(HOSTS), ENV.VALKEY_HOST, ENV.DB_HOST], { env }));
  rmSync(dir, { recursive: true, force: true });
  // Python's urlparse lowercases the host, which DNS ignores; SQLAlchemy keeps it as written.
  expect(report).toEqual(HOSTS.map((host) => ({
    cache: [host.toLowerCase(), 6380, 1, USER, PASSWORD, CA_FILE],
    broker: [host.toLowerCase(), 6380, '3', USER, PASSWORD],
    backend: [host.toLowerCase(), 6380, '0'],
    metastore: [host, 5433, 'sup\'er db/#@:%41', USER, PASSWORD],
  })));
});
