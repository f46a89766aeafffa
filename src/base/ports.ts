import type { DatabaseType } from '../spec';

/** The port of a database engine when the spec names none. */
export function defaultDatabasePort(type: DatabaseType | undefined): number {
  return type === 'MySQL' ? 3306 : 5432;
}

/** The Valkey port when the spec names none. */
export const DEFAULT_VALKEY_PORT = 6379;
