import type { ValkeyCacheSetting, ResolvedValkeyCache, ResolvedValkeySsl, ResolvedValkey } from '../base/model/valkey';
import type { ValkeyCacheSpec, ValkeyCelerySpec, ValkeyResultsBackendSpec, ValkeySpec } from '../spec/valkey';

type CacheField =
  | 'cache'
  | 'dataCache'
  | 'filterStateCache'
  | 'exploreFormDataCache'
  | 'thumbnailCache'
  | 'distributedCoordination';

/** Each cache section: spec field, Python setting, default database, key prefix and timeout; in rendering order. */
const CACHE_SECTIONS: ReadonlyArray<readonly [CacheField, ValkeyCacheSetting, number, string, number]> = [
  ['cache', 'CACHE_CONFIG', 1, 'superset_', 300],
  ['dataCache', 'DATA_CACHE_CONFIG', 2, 'superset_data_', 86400],
  ['filterStateCache', 'FILTER_STATE_CACHE_CONFIG', 3, 'superset_filter_', 3600],
  ['exploreFormDataCache', 'EXPLORE_FORM_DATA_CACHE_CONFIG', 4, 'superset_explore_', 3600],
  ['thumbnailCache', 'THUMBNAIL_CACHE_CONFIG', 5, 'superset_thumbnail_', 3600],
  ['distributedCoordination', 'DISTRIBUTED_COORDINATION_CONFIG', 7, 'coordination_', 300],
];

function resolveCaches(spec: ValkeySpec): ResolvedValkeyCache[] {
  return CACHE_SECTIONS.flatMap(([field, setting, database, keyPrefix, defaultTimeout]) => {
    const section: ValkeyCacheSpec | undefined = spec[field];
    if (section?.disabled) return [];
    return [{
      setting,
      database: section?.database ?? database,
      keyPrefix: section?.keyPrefix ?? keyPrefix,
      defaultTimeout: section?.defaultTimeout ?? defaultTimeout,
    }];
  });
}

function resolveCelery(section: ValkeyCelerySpec | undefined): { database: number } | undefined {
  return section?.disabled ? undefined : { database: section?.database ?? 0 };
}

function resolveResults(section: ValkeyResultsBackendSpec | undefined): ResolvedValkey['resultsBackend'] {
  if (section?.disabled) return undefined;
  return { database: section?.database ?? 6, keyPrefix: section?.keyPrefix ?? 'superset_results_' };
}

function resolveSsl(ssl: ValkeySpec['ssl']): ResolvedValkeySsl | undefined {
  if (ssl === undefined) return undefined;
  return {
    certRequired: ssl.certRequired ?? 'required',
    ...(ssl.keyFile !== undefined && { keyFile: ssl.keyFile }),
    ...(ssl.certFile !== undefined && { certFile: ssl.certFile }),
    ...(ssl.caCertFile !== undefined && { caCertFile: ssl.caCertFile }),
  };
}

/** Applies the per-section defaults of `spec.valkey` and drops disabled sections. */
export function resolveValkey(spec: ValkeySpec): ResolvedValkey {
  const ssl = resolveSsl(spec.ssl);
  const celeryBroker = resolveCelery(spec.celeryBroker);
  const celeryResultBackend = resolveCelery(spec.celeryResultBackend);
  const resultsBackend = resolveResults(spec.resultsBackend);
  return {
    ...(ssl && { ssl }),
    caches: resolveCaches(spec),
    ...(celeryBroker && { celeryBroker }),
    ...(celeryResultBackend && { celeryResultBackend }),
    ...(resultsBackend && { resultsBackend }),
  };
}
