import { fieldsOf, isSet, pickSet } from './rule';
import type { Rule } from './rule';
import type { Violation } from '../../base/errors';
import { isPlainObject } from '../../base/plain-data';
import type { ExternalSecretsSpec, SupersetInstanceProps } from '../../spec';
import { violation } from '../violations';

/*
 * Beyond the operator: `externalSecrets` fills in the `*From` references itself, so the Secret it creates and the
 * references that read it cannot disagree. These rules refuse every field the user would set next to it.
 */

type Value = Exclude<keyof ExternalSecretsSpec, 'storeRef' | 'refreshInterval'>;
const VALUES: readonly Value[] = [
  'secretKey', 'previousSecretKey', 'metastorePassword', 'metastoreUri', 'valkeyPassword', 'oidcClientSecret', 'ldapBindPassword',
];

function externalOf(props: SupersetInstanceProps): Partial<ExternalSecretsSpec> | undefined {
  const spec: unknown = props.externalSecrets;
  return isPlainObject(spec) ? spec : undefined;
}

/** The fields each value fills in (what the user must leave unset), as paths under the props. */
const REPLACES: Record<Value, readonly (readonly [parent: readonly string[], field: string])[]> = {
  secretKey: [[[], 'secretKey'], [[], 'secretKeyFrom']],
  previousSecretKey: [[[], 'previousSecretKey'], [[], 'previousSecretKeyFrom']],
  metastorePassword: [[['metastore'], 'password'], [['metastore'], 'passwordFrom']],
  metastoreUri: [[['metastore'], 'uri'], [['metastore'], 'uriFrom']],
  valkeyPassword: [[['valkey'], 'password'], [['valkey'], 'passwordFrom']],
  oidcClientSecret: [[['auth', 'oidc'], 'clientSecretFrom']],
  ldapBindPassword: [[['auth', 'ldap'], 'bindPasswordFrom']],
};

function fieldsAt(props: SupersetInstanceProps, parent: readonly string[]): Record<string, unknown> {
  return parent.reduce<Record<string, unknown>>((object, key) => fieldsOf(object[key]), fieldsOf(props));
}

/** A value from the store replaces the field it fills in: setting that field too is a contradiction. */
export const externalSecretsReplaceReferences: Rule = (props) => {
  const external = externalOf(props);
  if (!external) return [];
  return VALUES.filter((value) => isSet(external[value])).flatMap((value) => REPLACES[value].flatMap(([parent, field]) => {
    const source = fieldsAt(props, parent);
    if (!isSet(source[field])) return [];
    const path = [...parent, field].join('.');
    return [violation(path, `must not be set with externalSecrets.${value}, which fills it in from the store`,
      source[field], `remove ${path}, or remove externalSecrets.${value}`)];
  }));
};

/** The ExternalSecret must carry at least one value (its webhook refuses one without data). */
export const externalSecretsNeedAValue: Rule = (props) => {
  const external = externalOf(props);
  return external && !VALUES.some((value) => isSet(external[value]))
    ? [violation('externalSecrets', `must name at least one value to read (${VALUES.join(', ')})`,
      pickSet(external, ['storeRef', 'refreshInterval']), 'add one, or remove externalSecrets')]
    : [];
};

/** The metastore is reached either by a complete URI or by structured fields with a password, not both. */
export const externalSecretsMetastoreForm: Rule = (props) => {
  const external = externalOf(props);
  if (!external) return [];
  const metastore = fieldsOf(props.metastore);
  const problems: Violation[] = [];
  if (isSet(external.metastorePassword) && isSet(external.metastoreUri)) {
    problems.push(violation('externalSecrets', 'metastorePassword and metastoreUri are mutually exclusive',
      pickSet(external, ['metastorePassword', 'metastoreUri']), 'remove one'));
  }
  if (isSet(external.metastorePassword) && !isSet(metastore.host)) {
    problems.push(violation('externalSecrets.metastorePassword', 'needs the structured metastore fields, '
      + 'at least metastore.host', external.metastorePassword,
    'set metastore.host (and database, username), or read the whole URI with externalSecrets.metastoreUri'));
  }
  const structured = ['host', 'port', 'database', 'username', 'driver'].filter((field) => isSet(metastore[field]));
  if (isSet(external.metastoreUri) && structured.length > 0) {
    problems.push(violation('metastore', 'structured fields are mutually exclusive with externalSecrets.metastoreUri, '
      + 'a complete URI', pickSet(metastore, structured),
    `remove ${structured.map((field) => `metastore.${field}`).join(', ')}, or use externalSecrets.metastorePassword`));
  }
  return problems;
};

/** The Valkey password is for the Valkey the instance connects to. */
export const externalSecretsValkeyNeedsValkey: Rule = (props) => {
  const external = externalOf(props);
  return external && isSet(external.valkeyPassword) && !isSet(props.valkey)
    ? [violation('externalSecrets.valkeyPassword', 'needs valkey to be set', external.valkeyPassword,
      'set valkey.host, or remove externalSecrets.valkeyPassword')]
    : [];
};

/** The sign-in secrets are for the sign-in method that uses them. */
export const externalSecretsAuthNeedsAuth: Rule = (props) => {
  const external = externalOf(props);
  if (!external) return [];
  const problems: Violation[] = [];
  if (isSet(external.oidcClientSecret) && !isSet(fieldsAt(props, ['auth']).oidc)) {
    problems.push(violation('externalSecrets.oidcClientSecret', 'needs auth.oidc to be set', external.oidcClientSecret,
      'set auth.oidc, or remove externalSecrets.oidcClientSecret'));
  }
  if (isSet(external.ldapBindPassword) && !isSet(fieldsAt(props, ['auth', 'ldap']).bindDn)) {
    problems.push(violation('externalSecrets.ldapBindPassword', 'needs auth.ldap.bindDn, the user it is the password of',
      external.ldapBindPassword, 'set auth.ldap.bindDn, or remove externalSecrets.ldapBindPassword'));
  }
  return problems;
};

/** `devDependencies` connects to its own servers with inline passwords: no store holds them. */
export const externalSecretsNotForDevDependencies: Rule = (props) => {
  const external = externalOf(props);
  if (!external || !isSet(props.devDependencies)) return [];
  return (['metastorePassword', 'metastoreUri', 'valkeyPassword'] as const).filter((value) => isSet(external[value]))
    .map((value) => violation(`externalSecrets.${value}`, 'must not be set with devDependencies, whose servers use '
      + 'the inline devDependencies.password', external[value], `remove externalSecrets.${value}`));
};

export const EXTERNAL_SECRET_RULES: readonly Rule[] = [
  externalSecretsNeedAValue, externalSecretsReplaceReferences, externalSecretsMetastoreForm,
  externalSecretsValkeyNeedsValkey, externalSecretsAuthNeedsAuth, externalSecretsNotForDevDependencies,
];
