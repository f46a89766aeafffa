import { DEFAULT_VALKEY_PORT, defaultDatabasePort } from '../base/ports';
import type { DevDependenciesSpec, MetastoreSpec, SupersetInstanceProps, ValkeySpec } from '../spec';

/** Database, user and default password of the development PostgreSQL (and Valkey's default password). */
export const DEV_CREDENTIALS = { database: 'superset', username: 'superset', password: 'superset' } as const;

/** How Superset reaches the development dependencies of an instance. */
export interface DevConnections {
  /** The development PostgreSQL, as a structured metastore. */
  readonly metastore: MetastoreSpec;
  /** The development Valkey. */
  readonly valkey: ValkeySpec;
}

/** Service names of the development dependencies: `<name>-postgres` and `<name>-valkey`. */
export function devServiceNames(instanceName: string): { readonly postgres: string; readonly valkey: string } {
  return { postgres: `${instanceName}-postgres`, valkey: `${instanceName}-valkey` };
}

/** The `metastore` and `valkey` specs that point at an instance's development dependencies. */
export function devConnections(instanceName: string, spec: DevDependenciesSpec = {}): DevConnections {
  const password = spec.password ?? DEV_CREDENTIALS.password;
  const names = devServiceNames(instanceName);
  return {
    metastore: {
      host: names.postgres,
      port: defaultDatabasePort('PostgreSQL'),
      database: DEV_CREDENTIALS.database,
      username: DEV_CREDENTIALS.username,
      password,
    },
    valkey: { host: names.valkey, port: DEFAULT_VALKEY_PORT, password },
  };
}

/**
 * The props with `metastore` and `valkey` wired to the development dependencies, when `devDependencies` is set.
 * Validation has already refused setting either next to `devDependencies`.
 */
export function withDevDependencies(props: SupersetInstanceProps, instanceName: string): SupersetInstanceProps {
  return props.devDependencies ? { ...props, ...devConnections(instanceName, props.devDependencies) } : props;
}
