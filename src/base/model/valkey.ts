import type { ValkeyCertRequired } from '../../spec/valkey';

/** The Python settings a Valkey cache section renders into, in the order they are rendered. */
export type ValkeyCacheSetting =
  | 'CACHE_CONFIG'
  | 'DATA_CACHE_CONFIG'
  | 'FILTER_STATE_CACHE_CONFIG'
  | 'EXPLORE_FORM_DATA_CACHE_CONFIG'
  | 'THUMBNAIL_CACHE_CONFIG'
  | 'DISTRIBUTED_COORDINATION_CONFIG';

/** An enabled cache section with its defaults applied. */
export interface ResolvedValkeyCache {
  readonly setting: ValkeyCacheSetting;
  readonly database: number;
  /** Prefix after the instance scope `<namespace>.<instance>.`. */
  readonly keyPrefix: string;
  readonly defaultTimeout: number;
}

/** TLS settings: present means `rediss://`; the files, when any is set, become explicit SSL options. */
export interface ResolvedValkeySsl {
  readonly certRequired: ValkeyCertRequired;
  readonly keyFile?: string;
  readonly certFile?: string;
  readonly caCertFile?: string;
}

/**
 * The parts of `spec.valkey` that shape `superset_config.py`. Host, port and credentials are deliberately absent:
 * the file reads them from the pod's environment. A disabled section is left out (`undefined` or not listed).
 */
export interface ResolvedValkey {
  readonly ssl?: ResolvedValkeySsl;
  /** Enabled cache sections, in rendering order. */
  readonly caches: readonly ResolvedValkeyCache[];
  readonly celeryBroker?: { readonly database: number };
  readonly celeryResultBackend?: { readonly database: number };
  readonly resultsBackend?: { readonly database: number; readonly keyPrefix: string };
}
