import type { ContainerImageSpec } from './image';

/** Keeps the development PostgreSQL's data in a PersistentVolumeClaim. */
export interface DevPersistenceSpec {
  /**
   * Requested storage.
   *
   * @default '1Gi'
   */
  readonly size?: string;
  /**
   * StorageClass of the claim.
   *
   * @default - the cluster's default StorageClass
   */
  readonly storageClassName?: string;
}

/**
 * A throw-away PostgreSQL and Valkey for a local cluster, so that one synthesized file gives a working Superset.
 * Development only. Not part of the operator's spec.
 *
 * Each runs as a single-replica Deployment behind a Service (`<name>-postgres`, `<name>-valkey`) with a pinned
 * image, a readiness probe and the `restricted` Pod Security Standard; `metastore` and `valkey` are wired to them.
 */
export interface DevDependenciesSpec {
  /**
   * Password of the PostgreSQL user `superset` and of Valkey, written inline.
   *
   * @default 'superset'
   */
  readonly password?: string;
  /**
   * Keep PostgreSQL's data in a PersistentVolumeClaim `<name>-postgres`.
   *
   * @default - an emptyDir: the data is lost when the PostgreSQL pod is deleted
   */
  readonly persistence?: DevPersistenceSpec;
  /**
   * PostgreSQL image.
   *
   * @default - postgres:17.6-alpine
   */
  readonly postgresImage?: ContainerImageSpec;
  /**
   * Valkey image.
   *
   * @default - valkey/valkey:8.1.3-alpine
   */
  readonly valkeyImage?: ContainerImageSpec;
}
