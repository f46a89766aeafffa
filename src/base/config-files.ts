/**
 * The files a Python pod finds on its PYTHONPATH (`/app/pythonpath`). Superset imports `superset_config.py`; the
 * other files hold what the pods of an instance share, stored once in the instance's shared ConfigMap, and
 * `superset_config.py` runs them in its own namespace at their place in the operator's section order.
 */
export const CONFIG_FILES = {
  /** The consumer's own settings, running the shared files; what Superset imports. */
  config: 'superset_config.py',
  /** The generated settings every Python pod of the instance shares: secret key, metastore, feature flags, Valkey. */
  shared: 'superset_shared.py',
  /** The top-level `config` of the spec, verbatim. */
  base: 'superset_base.py',
  /** Serving behind a TLS-terminating proxy (`networking`), for the components. */
  proxy: 'superset_proxy.py',
  /** The program that waits until the metastore is migrated (the `wait-for-migrations` init container). */
  schemaWait: 'wait_for_migrations.py',
} as const;

/** The names of the ConfigMaps that hold what an instance's Python pods share. */
export interface SharedConfigMaps {
  /** `<instance>-shared-config`: the shared files. */
  readonly config: string;
  /** `<instance>-shared-env`: the shared plain variables, read through `envFrom`. */
  readonly env: string;
}

/** The ConfigMaps of what the Python pods of `instance` share. */
export function sharedConfigMaps(instance: string): SharedConfigMaps {
  return { config: `${instance}-shared-config`, env: `${instance}-shared-env` };
}
