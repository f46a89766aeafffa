import { resolveAuth, resolveProxySettings } from './auth';
import { resolveMetastore } from './metastore';
import { resolveValkey } from './valkey';
import type * as k8s from '../../imports/k8s';
import { CONFIG_FILES } from '../base/config-files';
import { CONFIG_VOLUME } from '../base/env-names';
import type { Labels } from '../base/labels';
import { type EngineOptions } from '../base/model/engine-options';
import { BOOTSTRAP_SCRIPT_KEY } from '../render/shell';
import { renderBaseConfig, renderConfigOverlay, renderProxyConfig, renderSharedConfig } from '../render/superset-config';
import type { SupersetSpec } from '../spec';

/** What one consumer (a Python component or the lifecycle tasks) adds to the instance-wide settings of its files. */
export interface ConfigFilesInput {
  /** `SQLALCHEMY_ENGINE_OPTIONS` of this consumer; absent = the section is left out. */
  readonly engineOptions?: EngineOptions;
  /** `SUPERSET_WEBSERVER_PORT`; the web server only. */
  readonly webServerPort?: number;
  /** Python files of enabled features (metrics, ...) that `superset_config.py` runs, in order, before the user's config. */
  readonly configFiles?: Labels;
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
  /** Files of features that are only placed on the PYTHONPATH (the schema-wait program, ...). */
  readonly files?: Labels;
}

/** A consumer's files on the PYTHONPATH, split by who else reads them. */
export interface ConfigFiles {
  /** Its own: `superset_config.py`, and the bootstrap script when there is one. */
  readonly own: Labels;
  /** The instance's: the same text for every Python pod that reads them. */
  readonly shared: Labels;
}

/** The shared files of an instance, rendered once from its spec and handed to every consumer. */
export interface InstanceConfigFiles {
  /** What every Python consumer reads: `superset_shared.py`, and `superset_base.py` with a top-level `config`. */
  readonly common: Labels;
  /** What the components read: the common files and, with proxy settings, `superset_proxy.py`. */
  readonly components: Labels;
}

/** Renders the instance-wide files once: every consumer's `superset_config.py` runs the same text. */
export function instanceConfigFiles(spec: SupersetSpec): InstanceConfigFiles {
  const common: Record<string, string> = {
    [CONFIG_FILES.shared]: renderSharedConfig({
      previousSecretKey: spec.previousSecretKey !== undefined || spec.previousSecretKeyFrom !== undefined,
      metastore: resolveMetastore(spec.metastore),
      featureFlags: spec.featureFlags ?? {},
      valkey: spec.valkey && resolveValkey(spec.valkey),
    }),
  };
  if (spec.config) common[CONFIG_FILES.base] = renderBaseConfig(spec.config);
  const proxy = resolveProxySettings(spec);
  return { common, components: proxy ? Object.assign({}, common, { [CONFIG_FILES.proxy]: renderProxyConfig(proxy) }) : common };
}

/**
 * The files of a Python consumer, mounted on the PYTHONPATH: its `superset_config.py` (its engine options, port,
 * sign-in settings, features and own `config`), which runs the instance's files (`superset_shared.py`: secret keys,
 * metastore, feature flags, Valkey; `superset_proxy.py`; `superset_base.py`: the top-level `config`), plus the
 * bootstrap script and the files of features.
 */
export function supersetConfigFiles(spec: SupersetSpec, instance: InstanceConfigFiles, input: ConfigFilesInput): ConfigFiles {
  const instanceFiles = input.proxySettings ? instance.components : instance.common;
  const overlay = renderConfigOverlay({
    webServerPort: input.webServerPort,
    engineOptions: input.engineOptions,
    proxy: instanceFiles[CONFIG_FILES.proxy] !== undefined,
    auth: input.servesUsers ? resolveAuth(spec.auth) : undefined,
    featureFiles: Object.keys(input.configFiles ?? {}),
    baseConfig: instanceFiles[CONFIG_FILES.base] !== undefined,
    componentConfig: input.componentConfig,
  });
  return {
    own: input.bootstrapScript
      ? { [CONFIG_FILES.config]: overlay, [BOOTSTRAP_SCRIPT_KEY]: input.bootstrapScript }
      : { [CONFIG_FILES.config]: overlay },
    shared: Object.assign({}, instanceFiles, input.configFiles, input.files),
  };
}

/** How a consumer's files reach its pods. */
export interface PlacedConfig {
  /** The `superset-config` volume, mounted at `/app/pythonpath`. */
  readonly volume: k8s.Volume;
  /** The name of the consumer's own ConfigMap. */
  readonly configMap: string;
  /** The data of the consumer's own ConfigMap. */
  readonly data: Labels;
  /** What it reads from the instance's shared ConfigMap; absent when its own ConfigMap holds everything. */
  readonly sharedFiles?: Labels;
  /** Every file the pod reads, for its checksum. */
  readonly files: Labels;
}

/**
 * Places the files of consumer `<instance>-<consumer>` (a component or a lifecycle task). With a shared ConfigMap,
 * its own ConfigMap `<instance>-<consumer>-overlay` holds only its own files and one projected volume shows both in
 * one folder; without one (a component built on its own, a Job delivered as a hook before the instance's objects
 * exist), its own ConfigMap `<instance>-<consumer>-config`, the operator's name, holds everything. A ConfigMap of
 * the operator's name thus always holds a whole config: pods of a release that mounted one keep it, unchanged, until
 * they are replaced (the kubelet refreshes a mounted ConfigMap in place, and those pods do not mount the shared files).
 */
export function placeConfigFiles(files: ConfigFiles, instance: string, consumer: string, sharedConfigMap: string | undefined): PlacedConfig {
  const all = Object.assign({}, files.shared, files.own);
  if (sharedConfigMap === undefined) {
    const whole = `${instance}-${consumer}-config`;
    return { volume: { name: CONFIG_VOLUME, configMap: { name: whole } }, configMap: whole, data: all, files: all };
  }
  const overlay = `${instance}-${consumer}-overlay`;
  return {
    volume: { name: CONFIG_VOLUME, projected: { sources: [{ configMap: { name: sharedConfigMap } }, { configMap: { name: overlay } }] } },
    configMap: overlay,
    data: files.own,
    sharedFiles: files.shared,
    files: all,
  };
}
