import { developmentOnly, isSet, pickSet } from './rule';
import type { Rule } from './rule';
import type { MetastoreSpec } from '../../spec';
import { missing, violation } from '../violations';

// Fields of the structured form that exclude `uri`/`uriFrom` and need `host`. The CEL rules leave `type` and
// `createDatabase` out.
const STRUCTURED = ['host', 'database', 'username', 'password', 'passwordFrom', 'port', 'driver'] as const;
const NEED_HOST = STRUCTURED.filter((field) => field !== 'host');

function metastoreOf(props: { readonly metastore?: MetastoreSpec }): MetastoreSpec {
  return props.metastore ?? {};
}

/** CEL: inline `metastore.uri` only in Development. */
export const metastoreUriDevelopmentOnly: Rule = (props) => developmentOnly(props, 'metastore.uri',
  metastoreOf(props).uri, 'metastore.uri is only allowed when environment is Development',
  'use metastore.uriFrom in Staging or Production');

/** CEL: inline `metastore.password` only in Development. */
export const metastorePasswordDevelopmentOnly: Rule = (props) => developmentOnly(props, 'metastore.password',
  metastoreOf(props).password, 'metastore.password is only allowed when environment is Development',
  'use metastore.passwordFrom in Staging or Production');

/** CEL: `uri` and `uriFrom` are mutually exclusive. */
export const metastoreUriExclusive: Rule = (props) => {
  const m = metastoreOf(props);
  return isSet(m.uri) && isSet(m.uriFrom)
    ? [violation('metastore', 'uri and uriFrom are mutually exclusive', pickSet(m, ['uri', 'uriFrom']), 'remove one')]
    : [];
};

/** CEL: `password` and `passwordFrom` are mutually exclusive. */
export const metastorePasswordExclusive: Rule = (props) => {
  const m = metastoreOf(props);
  return isSet(m.password) && isSet(m.passwordFrom)
    ? [violation('metastore', 'password and passwordFrom are mutually exclusive',
      pickSet(m, ['password', 'passwordFrom']), 'remove one')]
    : [];
};

/** CEL: a complete URI (`uri` or `uriFrom`) excludes every structured field. */
export const metastoreUriExcludesStructured: Rule = (props) => {
  const m = metastoreOf(props);
  const structured = STRUCTURED.filter((field) => isSet(m[field]));
  if (structured.length === 0) return [];
  return (['uri', 'uriFrom'] as const).filter((mode) => isSet(m[mode])).map((mode) => violation('metastore',
    `${mode} and structured fields are mutually exclusive`, pickSet(m, [mode, ...structured]),
    `remove ${mode} or ${structured.join(', ')}`));
};

/** CEL: structured fields need `host`. */
export const metastoreStructuredRequiresHost: Rule = (props) => {
  const m = metastoreOf(props);
  const structured = NEED_HOST.filter((field) => isSet(m[field]));
  return structured.length > 0 && !isSet(m.host)
    ? [violation('metastore', 'structured fields (database, username, password, passwordFrom, port, driver) '
      + 'require host to be set', pickSet(m, structured), 'set metastore.host')]
    : [];
};

/** CEL: with `host`, `database` and `username` are required. */
export const metastoreHostRequiresDatabaseAndUsername: Rule = (props) => {
  const m = metastoreOf(props);
  if (!isSet(m.host)) return [];
  return (['database', 'username'] as const).filter((field) => !isSet(m[field])).map((field) =>
    missing(`metastore.${field}`, 'structured metastore requires database and username when host is set'));
};

/** CEL: `createDatabase` only with the structured form. */
export const metastoreCreateDatabaseRequiresHost: Rule = (props) => {
  const m = metastoreOf(props);
  const structured = isSet(m.host) && !isSet(m.uri) && !isSet(m.uriFrom);
  return m.createDatabase === true && !structured
    ? [violation('metastore.createDatabase', 'createDatabase requires structured metastore (host set) '
      + 'and is not supported with uri or uriFrom', m.createDatabase, 'use host, database and username, or remove it')]
    : [];
};

export const METASTORE_RULES: readonly Rule[] = [
  metastoreUriDevelopmentOnly, metastorePasswordDevelopmentOnly, metastoreUriExclusive, metastorePasswordExclusive,
  metastoreUriExcludesStructured, metastoreStructuredRequiresHost, metastoreHostRequiresDatabaseAndUsername,
  metastoreCreateDatabaseRequiresHost,
];
