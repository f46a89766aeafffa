import { renderAuthBlock, renderProxyBlock } from './auth-block';
import { pyBool, pyEnv, pyEnvOrEmpty, pyEnvOrNone, pyInt, pyString } from './python';
import { renderValkeyBlock } from './valkey-block';
import { CONFIG_FILES } from '../base/config-files';
import { ENV } from '../base/env-names';
import type { ProxySettings, ResolvedAuth } from '../base/model/auth';
import type { EngineOptions } from '../base/model/engine-options';
import type { MetastoreConfig } from '../base/model/metastore';
import type { ResolvedValkey } from '../base/model/valkey';

/** What every Python pod of an instance shares: `superset_shared.py`. */
export interface SharedConfigInput {
  /** Render `PREVIOUS_SECRET_KEY` (the spec sets `previousSecretKey` or `previousSecretKeyFrom`). */
  readonly previousSecretKey: boolean;
  /** How the metastore URI is obtained; absent = no database settings. */
  readonly metastore?: MetastoreConfig;
  /** `FEATURE_FLAGS`; omitted when empty. */
  readonly featureFlags?: { readonly [flag: string]: boolean };
  /** Valkey settings; absent = no cache, Celery or results backend settings. */
  readonly valkey?: ResolvedValkey;
}

/** What one consumer (a Python component or the lifecycle tasks) adds: its `superset_config.py`. */
export interface ConfigOverlayInput {
  /** `SUPERSET_WEBSERVER_PORT`; set for the web server only. */
  readonly webServerPort?: number;
  /** `SQLALCHEMY_ENGINE_OPTIONS`; absent = the `disabled` preset, section omitted. */
  readonly engineOptions?: EngineOptions;
  /** Sign-in settings; set for the components that serve users (the web server) only. */
  readonly auth?: ResolvedAuth;
  /** Whether the proxy settings (`superset_proxy.py`) run, after the engine options. */
  readonly proxy?: boolean;
  /** Files of enabled features (metrics, ...), run before the user's config so it can override them. */
  readonly featureFiles?: readonly string[];
  /** Whether `spec.config` is set, and so `superset_base.py` is run after everything generated. */
  readonly baseConfig: boolean;
  /** Raw Python from the component's (or lifecycle's) `config`, appended last. */
  readonly componentConfig?: string;
}

function sharedImportLines(input: SharedConfigInput): string[] {
  return [
    'import os',
    ...(input.metastore?.kind === 'structured' || input.valkey ? ['from urllib.parse import quote'] : []),
    ...(input.valkey?.resultsBackend ? ['from cachelib.redis import RedisCache as _CachelibRedis'] : []),
    '',
  ];
}

/**
 * Database URI lines, built from parts at run time. SQLAlchemy 1.4 and 2.x (engine/url.py) parse the same grammar:
 * user and password are percent-decoded, so they are quoted with nothing left safe; the database is taken verbatim up
 * to the first '?' (validation refuses '?'), so it is written as is, because quoting it would name another database.
 * An IPv6 host is bracketed. The result stays a `str`: Superset's migrations test and unquote it as one.
 */
function metastoreLines(metastore: MetastoreConfig | undefined): string[] {
  if (!metastore) return [];
  if (metastore.kind === 'uri') {
    return [`SQLALCHEMY_DATABASE_URI = ${pyEnv(ENV.DB_URI)}`, 'SQLALCHEMY_EXAMPLES_URI = SQLALCHEMY_DATABASE_URI'];
  }
  return [
    `_db_host = ${pyEnv(ENV.DB_HOST)}`,
    `_db_pass = ${pyEnvOrEmpty(ENV.DB_PASS)}`,
    `_db_cred = quote(${pyEnv(ENV.DB_USER)}, safe='')`,
    'if _db_pass:',
    "    _db_cred += ':' + quote(_db_pass, safe='')",
    "_db_netloc = ('[' + _db_host + ']' if ':' in _db_host else _db_host) + ':' + " + pyEnv(ENV.DB_PORT),
    `SQLALCHEMY_DATABASE_URI = ${pyString(`${metastore.scheme}://`)} + _db_cred + '@' + _db_netloc + '/' + ${pyEnv(ENV.DB_NAME)}`,
    'SQLALCHEMY_EXAMPLES_URI = SQLALCHEMY_DATABASE_URI',
  ];
}

function operatorLines(input: SharedConfigInput): string[] {
  return [
    '# Operator-generated configs',
    // Required even when no key is injected: Superset must not start with a default key.
    `SECRET_KEY = ${pyEnv(ENV.SECRET_KEY)}`,
    ...(input.previousSecretKey ? [`PREVIOUS_SECRET_KEY = ${pyEnvOrNone(ENV.PREVIOUS_SECRET_KEY)}`] : []),
    ...metastoreLines(input.metastore),
    '',
  ];
}

function engineOptionLines(options: EngineOptions | undefined): string[] {
  if (!options) return [];
  if (options.kind === 'NullPool') return ['SQLALCHEMY_ENGINE_OPTIONS = {', '    "poolclass": NullPool,', '}', ''];
  return [
    'SQLALCHEMY_ENGINE_OPTIONS = {',
    `    "pool_size": ${pyInt(options.poolSize)},`,
    `    "max_overflow": ${pyInt(options.maxOverflow)},`,
    ...(options.poolRecycle > 0 ? [`    "pool_recycle": ${pyInt(options.poolRecycle)},`] : []),
    `    "pool_pre_ping": ${pyBool(options.poolPrePing)},`,
    ...(options.poolTimeout > 0 ? [`    "pool_timeout": ${pyInt(options.poolTimeout)},`] : []),
    '}',
    '',
  ];
}

/** Sorted so the file, and with it the config checksum, does not depend on key insertion order. */
function featureFlagLines(flags: { readonly [flag: string]: boolean } | undefined): string[] {
  const names = Object.keys(flags ?? {}).sort();
  if (names.length === 0) return [];
  return ['FEATURE_FLAGS = {', ...names.map((name) => `    ${pyString(name)}: ${pyBool(flags![name])},`), '}', ''];
}

/** A raw Python section under its header; the text is the user's and is appended verbatim. */
function rawLines(header: string, text: string | undefined): string[] {
  if (!text) return [];
  return [`# ${header}`, text.endsWith('\n') ? text.slice(0, -1) : text, ''];
}

/**
 * `superset_shared.py`: the generated settings every Python pod of an instance shares, in the operator's order:
 * secret keys, metastore URI, feature flags, then the Valkey block (caches, Celery, results backend). No secret,
 * host or port of the metastore or Valkey is written: the file reads them from the `SUPERSET_OPERATOR__*`
 * environment at Python run time.
 */
export function renderSharedConfig(input: SharedConfigInput): string {
  const lines = [
    ...sharedImportLines(input),
    ...operatorLines(input),
    ...featureFlagLines(input.featureFlags),
    ...(input.valkey ? renderValkeyBlock(input.valkey) : []),
  ];
  return lines.join('\n') + '\n';
}

/** `superset_proxy.py`: serving behind one TLS-terminating proxy hop. */
export function renderProxyConfig(proxy: ProxySettings): string {
  return renderProxyBlock(proxy).join('\n');
}

/** `superset_base.py`: the top-level `config` of the spec, verbatim, ending with a line break. */
export function renderBaseConfig(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}

/**
 * Runs a shared file in the module that calls it, as if its text stood at the call: names it assigns are settings of
 * `superset_config`, and it sees (and may change) everything assigned before it. Tracebacks name the real file.
 */
const INCLUDE_FUNCTION = [
  'def _include(name):',
  '    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), name)',
  '    with open(path, encoding="utf-8") as source:',
  '        exec(compile(source.read(), path, "exec"), globals())',
  '',
  '',
];

function includeLine(file: string): string {
  return `_include(${pyString(file)})`;
}

/**
 * `superset_config.py` of one consumer (§3.2): the shared settings (`superset_shared.py`), this consumer's web server
 * port and engine options, the proxy and sign-in settings, the settings of features, then the user's base config
 * (`superset_base.py`) and the consumer's own config, in that order, so user code can override anything generated.
 * The shared files run in this module's namespace, so the result is the operator's single file: only the place of
 * the port and engine options moves, after settings that never read them.
 */
export function renderConfigOverlay(input: ConfigOverlayInput): string {
  const lines = [
    'import os',
    ...(input.engineOptions?.kind === 'NullPool' ? ['from sqlalchemy.pool import NullPool'] : []),
    '',
    '',
    ...INCLUDE_FUNCTION,
    includeLine(CONFIG_FILES.shared),
    '',
    ...(input.webServerPort !== undefined ? [`SUPERSET_WEBSERVER_PORT = ${pyInt(input.webServerPort)}`, ''] : []),
    ...engineOptionLines(input.engineOptions),
    ...(input.proxy ? [includeLine(CONFIG_FILES.proxy), ''] : []),
    ...(input.auth ? renderAuthBlock(input.auth) : []),
    ...(input.featureFiles?.length ? ['# Added by cdk8s-superset features', ...input.featureFiles.map(includeLine), ''] : []),
    ...(input.baseConfig ? ['# Base config (spec.config)', includeLine(CONFIG_FILES.base), ''] : []),
    ...rawLines('Component config', input.componentConfig),
  ];
  return lines.join('\n') + '\n';
}
