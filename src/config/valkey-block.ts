import { pyEnv, pyEnvOrEmpty, pyFStringText, pyInt, pyString } from './python';
import type { ResolvedValkey, ResolvedValkeySsl } from './valkey';
import { ENV } from '../resolve/env-names';

/** Python expression of an instance-scoped key prefix: `<instance>_<prefix>`, so instances can share a Valkey. */
function keyPrefix(prefix: string): string {
  return `f"{_superset_instance}_${pyFStringText(prefix)}"`;
}

/** Python expression of a Valkey URL on one database, with an optional literal query string. */
function dbUrl(database: number, query = ''): string {
  return `f"{_vk_base}/${pyInt(database)}${pyFStringText(query)}"`;
}

/**
 * The TLS options as a URL query. Flask-Caching builds its Redis client from `CACHE_REDIS_URL` alone and drops
 * `CACHE_OPTIONS`, while redis-py passes unknown query parameters (`ssl_cert_reqs`, `ssl_ca_certs`, ...) on to its
 * SSL connection: the URL is the one place the caches read them from.
 */
function sslQuery(sslOptions: Array<[string, string]>): string {
  if (sslOptions.length === 0) return '';
  return `?${sslOptions.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}`;
}

/**
 * The SSL option entries whenever TLS is on. The operator renders them only when a file is given, but Celery refuses
 * a `rediss://` result backend without `ssl_cert_reqs`, and `certRequired: none` must reach every client to matter.
 */
function sslOptionEntries(ssl: ResolvedValkeySsl | undefined): Array<[string, string]> {
  if (!ssl) return [];
  const files: Array<[string, string | undefined]> = [
    ['ssl_keyfile', ssl.keyFile],
    ['ssl_certfile', ssl.certFile],
    ['ssl_ca_certs', ssl.caCertFile],
  ];
  const given = files.filter((entry): entry is [string, string] => !!entry[1]);
  return [['ssl_cert_reqs', ssl.certRequired], ...given];
}

/** Credentials and base URL, assembled at run time so no secret or host lands in the ConfigMap. */
function connectionLines(valkey: ResolvedValkey, sslOptions: Array<[string, string]>): string[] {
  const lines = [
    `_vk_user = ${pyEnvOrEmpty(ENV.VALKEY_USER)}`,
    `_vk_pass = ${pyEnvOrEmpty(ENV.VALKEY_PASS)}`,
    `_vk_scheme = ${pyString(valkey.ssl ? 'rediss' : 'redis')}`,
    "_vk_auth = ''",
    'if _vk_pass:',
    "    _vk_auth = quote(_vk_user, safe='') + ':' + quote(_vk_pass, safe='') + '@'",
    'elif _vk_user:',
    "    _vk_auth = quote(_vk_user, safe='') + '@'",
    `_vk_base = f"{_vk_scheme}://{_vk_auth}{${pyEnv(ENV.VALKEY_HOST)}}:{${pyEnv(ENV.VALKEY_PORT)}}"`,
    `_superset_instance = ${pyEnv(ENV.INSTANCE_NAME)}`,
  ];
  if (sslOptions.length > 0) {
    const entries = sslOptions.map(([key, value]) => `    ${pyString(key)}: ${pyString(value)},`);
    lines.push('_vk_ssl_opts = {', ...entries, '}');
  }
  return lines;
}

function cacheLines(valkey: ResolvedValkey, sslOptions: Array<[string, string]>): string[] {
  return valkey.caches.flatMap((cache) => [
    `${cache.setting} = {`,
    '    "CACHE_TYPE": "RedisCache",',
    `    "CACHE_DEFAULT_TIMEOUT": ${pyInt(cache.defaultTimeout)},`,
    `    "CACHE_KEY_PREFIX": ${keyPrefix(cache.keyPrefix)},`,
    `    "CACHE_REDIS_URL": ${dbUrl(cache.database, sslQuery(sslOptions))},`,
    '}',
  ]);
}

/** Only broker and result backend: routes, imports and schedules are left to the user's raw config. */
function celeryLines(valkey: ResolvedValkey, hasSslOptions: boolean): string[] {
  const { celeryBroker: broker, celeryResultBackend: backend } = valkey;
  if (!broker && !backend) return [];
  return [
    '',
    'class CeleryConfig:',
    ...(broker ? [`    broker_url = ${dbUrl(broker.database)}`] : []),
    ...(backend ? [`    result_backend = ${dbUrl(backend.database)}`] : []),
    ...(hasSslOptions && broker ? ['    broker_use_ssl = _vk_ssl_opts'] : []),
    ...(hasSslOptions && backend ? ['    redis_backend_use_ssl = _vk_ssl_opts'] : []),
    '',
    '',
    'CELERY_CONFIG = CeleryConfig',
  ];
}

function resultsBackendLines(valkey: ResolvedValkey, hasSslOptions: boolean): string[] {
  const results = valkey.resultsBackend;
  if (!results) return [];
  return [
    '',
    'RESULTS_BACKEND = _CachelibRedis(',
    `    host=${pyEnv(ENV.VALKEY_HOST)},`,
    `    port=int(${pyEnv(ENV.VALKEY_PORT)}),`,
    '    username=_vk_user or None,',
    '    password=_vk_pass,',
    `    db=${pyInt(results.database)},`,
    `    key_prefix=${keyPrefix(results.keyPrefix)},`,
    ...(valkey.ssl ? ['    ssl=True,'] : []),
    ...(hasSslOptions ? ['    **_vk_ssl_opts,'] : []),
    ')',
  ];
}

/**
 * The `# Valkey cache config` block (§3.5): connection helpers, the enabled cache dicts, `CELERY_CONFIG` and
 * `RESULTS_BACKEND`. Needs `os`, `quote` and, with a results backend, `_CachelibRedis` imported. Ends with a
 * blank line.
 */
export function renderValkeyBlock(valkey: ResolvedValkey): string[] {
  const sslOptions = sslOptionEntries(valkey.ssl);
  const hasSslOptions = sslOptions.length > 0;
  return [
    '# Valkey cache config',
    ...connectionLines(valkey, sslOptions),
    '',
    ...cacheLines(valkey, sslOptions),
    ...celeryLines(valkey, hasSslOptions),
    ...resultsBackendLines(valkey, hasSslOptions),
    '',
  ];
}
