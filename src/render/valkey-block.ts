import { pyBool, pyEnv, pyEnvOrEmpty, pyInt, pyString } from './python';
import { ENV } from '../base/env-names';
import type { ResolvedValkey, ResolvedValkeyCache, ResolvedValkeySsl } from '../base/model/valkey';

/*
 * Every key, queue, exchange and channel an instance uses on a shared Valkey lives under one scope,
 * `<namespace>.<instance>`, and every key under `<namespace>.<instance>.`. Kubernetes makes the pair unique in a
 * cluster, and both are DNS labels, which contain no '.', so no instance's prefix is a prefix of another's. Not '/':
 * kombu takes the exchange of a fanout message to end at the first '/'. The namespace is the pod's own (downward
 * API), so an instance whose manifests name no namespace still gets the one it runs in.
 */

/** Python expression of a key prefix inside the instance scope. */
function scoped(prefix: string): string {
  return prefix === '' ? '_vk_scope' : `_vk_scope + ${pyString(prefix)}`;
}

/** Python expression of a Valkey URL on one database, with an optional literal query string. */
function dbUrl(database: number, query = ''): string {
  return `_vk_base + ${pyString(`/${pyInt(database)}${query}`)}`;
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

/**
 * Connection parts and the scope, assembled at run time so no secret or host lands in the ConfigMap. The URL is
 * built from parts: credentials percent-encoded, an IPv6 host bracketed (validation admits only DNS names and
 * addresses, so the host adds no other URL syntax).
 */
function connectionLines(valkey: ResolvedValkey, sslOptions: Array<[string, string]>): string[] {
  const lines = [
    `_vk_host = ${pyEnv(ENV.VALKEY_HOST)}`,
    `_vk_port = int(${pyEnv(ENV.VALKEY_PORT)})`,
    `_vk_user = ${pyEnvOrEmpty(ENV.VALKEY_USER)}`,
    `_vk_pass = ${pyEnvOrEmpty(ENV.VALKEY_PASS)}`,
    "_vk_auth = ''",
    'if _vk_pass:',
    "    _vk_auth = quote(_vk_user, safe='') + ':' + quote(_vk_pass, safe='') + '@'",
    'elif _vk_user:',
    "    _vk_auth = quote(_vk_user, safe='') + '@'",
    "_vk_netloc = ('[' + _vk_host + ']' if ':' in _vk_host else _vk_host) + ':' + str(_vk_port)",
    `_vk_base = ${pyString(valkey.ssl ? 'rediss://' : 'redis://')} + _vk_auth + _vk_netloc`,
    `_superset_instance = ${pyEnv(ENV.INSTANCE_NAME)}`,
    `_superset_scope = ${pyEnv(ENV.NAMESPACE)} + '.' + _superset_instance`,
    "_vk_scope = _superset_scope + '.'",
  ];
  if (sslOptions.length > 0) {
    const entries = sslOptions.map(([key, value]) => `    ${pyString(key)}: ${pyString(value)},`);
    lines.push('_vk_ssl_opts = {', ...entries, '}');
  }
  return lines;
}

/** `CACHE_REDIS_SSL*` keys of a section read by `RedisCacheBackend.from_config`. */
const DISCRETE_SSL_KEYS: { readonly [option: string]: string } = {
  ssl_cert_reqs: 'CACHE_REDIS_SSL_CERT_REQS',
  ssl_keyfile: 'CACHE_REDIS_SSL_KEYFILE',
  ssl_certfile: 'CACHE_REDIS_SSL_CERTFILE',
  ssl_ca_certs: 'CACHE_REDIS_SSL_CA_CERTS',
};

/**
 * `DISTRIBUTED_COORDINATION_CONFIG` is read by Superset's `RedisCacheBackend.from_config`
 * (superset/async_events/cache_backend.py), which takes only the discrete `CACHE_REDIS_*` keys and never the URL.
 * The URL stays too, so the same section also works as a Flask-Caching config.
 */
function discreteKeyLines(cache: ResolvedValkeyCache, ssl: boolean, sslOptions: Array<[string, string]>): string[] {
  if (cache.setting !== 'DISTRIBUTED_COORDINATION_CONFIG') return [];
  return [
    '    "CACHE_REDIS_HOST": _vk_host,',
    '    "CACHE_REDIS_PORT": _vk_port,',
    `    "CACHE_REDIS_DB": ${pyInt(cache.database)},`,
    '    "CACHE_REDIS_USER": _vk_user,',
    '    "CACHE_REDIS_PASSWORD": _vk_pass or None,',
    `    "CACHE_REDIS_SSL": ${pyBool(ssl)},`,
    ...sslOptions.map(([key, value]) => `    ${pyString(DISCRETE_SSL_KEYS[key])}: ${pyString(value)},`),
  ];
}

function cacheLines(valkey: ResolvedValkey, sslOptions: Array<[string, string]>): string[] {
  return valkey.caches.flatMap((cache) => [
    `${cache.setting} = {`,
    '    "CACHE_TYPE": "RedisCache",',
    `    "CACHE_DEFAULT_TIMEOUT": ${pyInt(cache.defaultTimeout)},`,
    `    "CACHE_KEY_PREFIX": ${scoped(cache.keyPrefix)},`,
    `    "CACHE_REDIS_URL": ${dbUrl(cache.database, sslQuery(sslOptions))},`,
    ...discreteKeyLines(cache, valkey.ssl !== undefined, sslOptions),
    '}',
  ]);
}

/**
 * Broker and result backend, scoped to the instance. Superset builds its Celery app with
 * `config_from_object(CELERY_CONFIG)`, and neither Superset's tasks nor beat's schedule name a queue, so every task
 * goes to the default queue: naming it (and its exchange and routing key) after the scope keeps instances on one
 * broker database apart. `global_keyprefix` puts kombu's own keys and channels (bindings, unacked, fanout) and, with
 * Celery 5.3 or later, the result keys under the scope as well; the control and event exchanges keep one
 * instance's `celery inspect` and Flower from seeing another's workers. Routes, imports and schedules are left to
 * the user's raw config.
 */
function celeryLines(valkey: ResolvedValkey, hasSslOptions: boolean): string[] {
  const { celeryBroker: broker, celeryResultBackend: backend } = valkey;
  if (!broker && !backend) return [];
  return [
    '',
    'class CeleryConfig:',
    ...(broker ? [
      `    broker_url = ${dbUrl(broker.database)}`,
      '    broker_transport_options = {"global_keyprefix": _vk_scope}',
      '    task_default_queue = _superset_scope',
      '    task_default_exchange = _superset_scope',
      '    task_default_routing_key = _superset_scope',
      '    control_exchange = _superset_scope',
      '    event_exchange = _superset_scope + \'.events\'',
    ] : []),
    ...(backend ? [
      `    result_backend = ${dbUrl(backend.database)}`,
      '    result_backend_transport_options = {"global_keyprefix": _vk_scope}',
    ] : []),
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
    '    host=_vk_host,',
    '    port=_vk_port,',
    '    username=_vk_user or None,',
    '    password=_vk_pass or None,',
    `    db=${pyInt(results.database)},`,
    `    key_prefix=${scoped(results.keyPrefix)},`,
    ...(valkey.ssl ? ['    ssl=True,'] : []),
    ...(hasSslOptions ? ['    **_vk_ssl_opts,'] : []),
    ')',
  ];
}

/**
 * The `# Valkey cache config` block (§3.5): connection helpers, the enabled cache dicts, `CELERY_CONFIG` and
 * `RESULTS_BACKEND`, everything under the instance scope. Needs `os`, `quote` and, with a results backend,
 * `_CachelibRedis` imported. Ends with a blank line.
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
