import { renderAuthBlock, renderProxyBlock } from './auth-block';
import { pyBool, pyEnv, pyEnvOrEmpty, pyEnvOrNone, pyInt, pyString } from './python';
import { renderValkeyBlock } from './valkey-block';
import { ENV } from '../base/env-names';
import type { ProxySettings, ResolvedAuth } from '../base/model/auth';
import type { EngineOptions } from '../base/model/engine-options';
import type { MetastoreConfig } from '../base/model/metastore';
import type { ResolvedValkey } from '../base/model/valkey';

/** Everything `superset_config.py` of one consumer (a Python component or the lifecycle tasks) depends on. */
export interface SupersetConfigInput {
  /** Render `PREVIOUS_SECRET_KEY` (the spec sets `previousSecretKey` or `previousSecretKeyFrom`). */
  readonly previousSecretKey: boolean;
  /** How the metastore URI is obtained; absent = no database settings. */
  readonly metastore?: MetastoreConfig;
  /** `SUPERSET_WEBSERVER_PORT`; set for the web server only. */
  readonly webServerPort?: number;
  /** `SQLALCHEMY_ENGINE_OPTIONS`; absent = the `disabled` preset, section omitted. */
  readonly engineOptions?: EngineOptions;
  /** `FEATURE_FLAGS`; omitted when empty. */
  readonly featureFlags?: { readonly [flag: string]: boolean };
  /** Valkey settings; absent = no cache, Celery or results backend settings. */
  readonly valkey?: ResolvedValkey;
  /** Sign-in settings; set for the components that serve users (the web server) only. */
  readonly auth?: ResolvedAuth;
  /** Settings for serving behind a TLS-terminating proxy; absent = none rendered. */
  readonly proxy?: ProxySettings;
  /** Raw Python from `spec.config`. */
  readonly baseConfig?: string;
  /** Raw Python from the component's (or lifecycle's) `config`, appended after the base config. */
  readonly componentConfig?: string;
  /** Settings of enabled features (metrics, ...), rendered before the user's config so it can override them. */
  readonly featureConfig?: string;
}

function importLines(input: SupersetConfigInput): string[] {
  return [
    'import os',
    ...(input.metastore?.kind === 'structured' || input.valkey ? ['from urllib.parse import quote'] : []),
    ...(input.valkey?.resultsBackend ? ['from cachelib.redis import RedisCache as _CachelibRedis'] : []),
    ...(input.engineOptions?.kind === 'NullPool' ? ['from sqlalchemy.pool import NullPool'] : []),
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

function operatorLines(input: SupersetConfigInput): string[] {
  return [
    '# Operator-generated configs',
    // Required even when no key is injected: Superset must not start with a default key.
    `SECRET_KEY = ${pyEnv(ENV.SECRET_KEY)}`,
    ...(input.previousSecretKey ? [`PREVIOUS_SECRET_KEY = ${pyEnvOrNone(ENV.PREVIOUS_SECRET_KEY)}`] : []),
    ...metastoreLines(input.metastore),
    ...(input.webServerPort !== undefined ? [`SUPERSET_WEBSERVER_PORT = ${pyInt(input.webServerPort)}`] : []),
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
 * Renders `superset_config.py` (§3.2): imports, operator settings, engine options, feature flags, the Valkey block,
 * the proxy and sign-in settings, then the base and component raw config, in that order, so user code can override anything generated. No secret,
 * host or port of the metastore or Valkey is written: the file reads them from the `SUPERSET_OPERATOR__*`
 * environment at Python run time.
 */
export function renderSupersetConfig(input: SupersetConfigInput): string {
  const lines = [
    ...importLines(input),
    ...operatorLines(input),
    ...engineOptionLines(input.engineOptions),
    ...featureFlagLines(input.featureFlags),
    ...(input.valkey ? renderValkeyBlock(input.valkey) : []),
    ...(input.proxy ? renderProxyBlock(input.proxy) : []),
    ...(input.auth ? renderAuthBlock(input.auth) : []),
    ...rawLines('Added by cdk8s-superset features', input.featureConfig),
    ...rawLines('Base config (spec.config)', input.baseConfig),
    ...rawLines('Component config', input.componentConfig),
  ];
  return lines.join('\n') + '\n';
}
