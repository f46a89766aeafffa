import type { SecretKeyRef } from './common';

/** Database engine of the Superset metastore. */
export type DatabaseType = 'PostgreSQL' | 'MySQL';

/**
 * The Superset metadata database. Either a complete SQLAlchemy URI (`uri` in Development, `uriFrom` anywhere)
 * or structured fields (`host`, `database`, `username`, `passwordFrom`, ...), from which the URI is assembled
 * inside the pod with URL-quoted credentials.
 */
export interface MetastoreSpec {
  /**
   * Complete SQLAlchemy URI, written inline. Development only.
   *
   * @default - not set
   */
  readonly uri?: string;
  /**
   * Complete SQLAlchemy URI from a Secret.
   *
   * @default - not set
   */
  readonly uriFrom?: SecretKeyRef;
  /**
   * Database engine.
   *
   * @default 'PostgreSQL'
   */
  readonly type?: DatabaseType;
  /**
   * SQLAlchemy driver (letters, digits, underscores).
   *
   * @default - 'psycopg2' for PostgreSQL, 'mysqldb' for MySQL
   */
  readonly driver?: string;
  /**
   * Database host: a DNS name, an IPv4 address or an IPv6 address without brackets. Setting it selects the
   * structured form.
   *
   * @default - not set
   */
  readonly host?: string;
  /**
   * Database port.
   *
   * @default - 5432 for PostgreSQL, 3306 for MySQL
   */
  readonly port?: number;
  /**
   * Database name (required with `host`), written into the URI as is; it may not contain '?', which ends the
   * database part of a SQLAlchemy URL.
   *
   * @default - not set
   */
  readonly database?: string;
  /**
   * User name (required with `host`).
   *
   * @default - not set
   */
  readonly username?: string;
  /**
   * Password, written inline. Development only.
   *
   * @default - not set
   */
  readonly password?: string;
  /**
   * Password from a Secret.
   *
   * @default - no password
   */
  readonly passwordFrom?: SecretKeyRef;
  /**
   * Create the database before migrating (structured form only).
   *
   * @default false
   */
  readonly createDatabase?: boolean;
}
