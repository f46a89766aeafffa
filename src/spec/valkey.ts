import type { SecretKeyRef } from './common';

/** A cache backed by one Valkey database. */
export interface ValkeyCacheSpec {
  /**
   * Leave this cache out of the rendered configuration.
   *
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Valkey database number.
   *
   * @default - the section's default (1 to 7)
   */
  readonly database?: number;
  /**
   * Key prefix, after the instance scope (`<namespace>.<name>.<prefix>`), so instances can share a Valkey.
   *
   * @default - the section's default, for example 'superset_'
   */
  readonly keyPrefix?: string;
  /**
   * Default timeout of cached entries, in seconds.
   *
   * @default - the section's default (300 to 86400)
   */
  readonly defaultTimeout?: number;
}

/** The Celery broker or result backend on one Valkey database. */
export interface ValkeyCelerySpec {
  /**
   * Leave this setting out of the rendered Celery configuration.
   *
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Valkey database number.
   *
   * @default 0
   */
  readonly database?: number;
}

/** The SQL Lab results backend on one Valkey database. */
export interface ValkeyResultsBackendSpec {
  /**
   * Leave the results backend out of the rendered configuration.
   *
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Valkey database number.
   *
   * @default 6
   */
  readonly database?: number;
  /**
   * Key prefix, after the instance scope (`<namespace>.<name>.<prefix>`).
   *
   * @default 'superset_results_'
   */
  readonly keyPrefix?: string;
}

/** Whether the Valkey server's certificate must be verified. */
export type ValkeyCertRequired = 'required' | 'optional' | 'none';

/** TLS to Valkey. Present (even empty) switches the URLs to `rediss://`. */
export interface ValkeySslSpec {
  /**
   * Certificate verification.
   *
   * @default 'required'
   */
  readonly certRequired?: ValkeyCertRequired;
  /**
   * Path of the client key inside the pod (mTLS).
   *
   * @default - none
   */
  readonly keyFile?: string;
  /**
   * Path of the client certificate inside the pod (mTLS).
   *
   * @default - none
   */
  readonly certFile?: string;
  /**
   * Path of the CA bundle inside the pod.
   *
   * @default - the system trust store
   */
  readonly caCertFile?: string;
}

/**
 * A Valkey (or Redis) server used for Superset's caches, the Celery broker and result backend, and the SQL Lab
 * results backend. Each section has its own database number and key prefix.
 */
export interface ValkeySpec {
  /** Valkey host: a DNS name, an IPv4 address or an IPv6 address without brackets. */
  readonly host: string;
  /**
   * Valkey port.
   *
   * @default 6379
   */
  readonly port?: number;
  /**
   * ACL user name.
   *
   * @default - none
   */
  readonly username?: string;
  /**
   * Password, written inline. Development only.
   *
   * @default - none
   */
  readonly password?: string;
  /**
   * Password from a Secret.
   *
   * @default - no password
   */
  readonly passwordFrom?: SecretKeyRef;
  /**
   * TLS settings.
   *
   * @default - plain TCP
   */
  readonly ssl?: ValkeySslSpec;
  /**
   * `CACHE_CONFIG`.
   *
   * @default - database 1, prefix 'superset_', timeout 300
   */
  readonly cache?: ValkeyCacheSpec;
  /**
   * `DATA_CACHE_CONFIG`.
   *
   * @default - database 2, prefix 'superset_data_', timeout 86400
   */
  readonly dataCache?: ValkeyCacheSpec;
  /**
   * `FILTER_STATE_CACHE_CONFIG`.
   *
   * @default - database 3, prefix 'superset_filter_', timeout 3600
   */
  readonly filterStateCache?: ValkeyCacheSpec;
  /**
   * `EXPLORE_FORM_DATA_CACHE_CONFIG`.
   *
   * @default - database 4, prefix 'superset_explore_', timeout 3600
   */
  readonly exploreFormDataCache?: ValkeyCacheSpec;
  /**
   * `THUMBNAIL_CACHE_CONFIG`.
   *
   * @default - database 5, prefix 'superset_thumbnail_', timeout 3600
   */
  readonly thumbnailCache?: ValkeyCacheSpec;
  /**
   * `DISTRIBUTED_COORDINATION_CONFIG`.
   *
   * @default - database 7, prefix 'coordination_', timeout 300
   */
  readonly distributedCoordination?: ValkeyCacheSpec;
  /**
   * Celery `broker_url`.
   *
   * @default - database 0
   */
  readonly celeryBroker?: ValkeyCelerySpec;
  /**
   * Celery `result_backend`.
   *
   * @default - database 0
   */
  readonly celeryResultBackend?: ValkeyCelerySpec;
  /**
   * `RESULTS_BACKEND` for asynchronous SQL Lab queries.
   *
   * @default - database 6, prefix 'superset_results_'
   */
  readonly resultsBackend?: ValkeyResultsBackendSpec;
}
