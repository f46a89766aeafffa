import { resolveAuth, resolveProxySettings } from './auth';
import { resolveMetastore } from './metastore';
import { resolveValkey } from './valkey';
import { type EngineOptions } from '../base/model/engine-options';
import { BOOTSTRAP_SCRIPT_KEY } from '../render/shell';
import { renderSupersetConfig } from '../render/superset-config';
import type { SupersetSpec } from '../spec';

/** What one consumer (a Python component or the lifecycle tasks) adds to the instance-wide settings of its files. */
export interface ConfigFilesInput {
  /** `SQLALCHEMY_ENGINE_OPTIONS` of this consumer; absent = the section is left out. */
  readonly engineOptions?: EngineOptions;
  /** `SUPERSET_WEBSERVER_PORT`; the web server only. */
  readonly webServerPort?: number;
  /** Settings of enabled features (metrics, ...), rendered before the user's config. */
  readonly featureConfig?: string;
  /** The consumer's own `config`, appended after the top-level one. */
  readonly componentConfig?: string;
  /**
   * Whether the consumer gets the proxy settings: components do (workers and beat build report links); the
   * lifecycle tasks serve and link nothing, and their Jobs are named after their content.
   */
  readonly proxySettings?: boolean;
  /** Whether the consumer serves users and so gets the sign-in settings of `auth` (the web server). */
  readonly servesUsers?: boolean;
  /** The bootstrap script in effect; mounted next to the config when not empty. */
  readonly bootstrapScript?: string;
}

/**
 * The files of a Python consumer's ConfigMap, mounted on the PYTHONPATH: `superset_config.py`, rendered from the
 * instance-wide settings of the spec (secret keys, metastore, feature flags, Valkey, top-level `config`) and the
 * consumer's own, and the bootstrap script when there is one.
 */
export function supersetConfigFiles(spec: SupersetSpec, input: ConfigFilesInput): { readonly [file: string]: string } {
  const config = renderSupersetConfig({
    previousSecretKey: spec.previousSecretKey !== undefined || spec.previousSecretKeyFrom !== undefined,
    metastore: resolveMetastore(spec.metastore),
    webServerPort: input.webServerPort,
    engineOptions: input.engineOptions,
    featureFlags: spec.featureFlags ?? {},
    valkey: spec.valkey && resolveValkey(spec.valkey),
    proxy: input.proxySettings ? resolveProxySettings(spec) : undefined,
    auth: input.servesUsers ? resolveAuth(spec.auth) : undefined,
    featureConfig: input.featureConfig,
    baseConfig: spec.config,
    componentConfig: input.componentConfig,
  });
  return input.bootstrapScript
    ? { 'superset_config.py': config, [BOOTSTRAP_SCRIPT_KEY]: input.bootstrapScript }
    : { 'superset_config.py': config };
}
