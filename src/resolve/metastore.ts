import type { MetastoreConfig } from '../base/model/metastore';
import type { MetastoreSpec } from '../spec/metastore';

/**
 * The metastore mode of a spec: a complete URI (`uri`/`uriFrom`) wins over structured fields (`host`); without
 * either nothing is rendered and the database must be configured in raw `config`.
 */
export function resolveMetastore(spec: MetastoreSpec | undefined): MetastoreConfig | undefined {
  if (spec === undefined) return undefined;
  if (spec.uri !== undefined || spec.uriFrom !== undefined) return { kind: 'uri' };
  if (spec.host !== undefined) return { kind: 'structured', scheme: metastoreScheme(spec) };
  return undefined;
}

/** The SQLAlchemy `<dialect>+<driver>` scheme of a structured metastore. */
export function metastoreScheme(spec: MetastoreSpec): string {
  const mysql = spec.type === 'MySQL';
  const dialect = mysql ? 'mysql' : 'postgresql';
  // An empty driver (rejected by validation) would give a scheme like 'postgresql+', so treat it as unset.
  const driver = spec.driver || (mysql ? 'mysqldb' : 'psycopg2');
  return `${dialect}+${driver}`;
}
