import { at, environmentNote, fromStore, isDevelopment, isSet } from './rule';
import type { Rule } from './rule';
import type { Violation } from '../../base/errors';
import { ldapDnProblem } from '../../base/ldap-dn';
import { isLdapAttribute, ldapFilterProblem } from '../../base/ldap-filter';
import type { SupersetInstanceProps } from '../../spec';
import { missing, violation } from '../violations';

/*
 * Beyond the operator: `auth`. authlib and Flask-AppBuilder accept any keys and any strings at startup and fail only
 * at the first sign-in (or sign users in wrongly), so everything is checked here.
 */

const URL_FIX = 'for example \'https://login.example.com/realms/bi\'';

/** Why `value` is not a URL the identity provider can be reached at, or undefined when it is one. */
function urlProblem(value: string, schemes: readonly string[]): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute URL';
  }
  if (!schemes.includes(url.protocol)) return `must use ${schemes.map((s) => `${s}//`).join(' or ')}`;
  if (url.hostname === '') return 'must name a host';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials (use the Secret reference fields)';
  if (url.hash !== '' || value.includes('#')) return 'must not have a fragment';
  return undefined;
}

function urlViolations(props: SupersetInstanceProps, path: string, value: unknown, fix: string): Violation[] {
  if (typeof value !== 'string') return [];
  // Plain http sends the authorization code and tokens in the clear: Development only.
  const schemes = isDevelopment(props) ? ['https:', 'http:'] : ['https:'];
  const problem = urlProblem(value, schemes);
  if (problem === undefined) return [];
  const note = schemes.length === 1 && value.startsWith('http:') ? ` (${environmentNote(props)}; http is Development only)` : '';
  return [violation(path, `${problem}${note}`, value, fix)];
}

/** One sign-in method at a time: Flask-AppBuilder has a single AUTH_TYPE. */
export const authOneMethod: Rule = (props) => {
  const auth = props.auth;
  if (!isSet(auth)) return [];
  const oidc = isSet(auth!.oidc);
  const ldap = isSet(auth!.ldap);
  if (oidc && ldap) {
    return [violation('auth', 'oidc and ldap are mutually exclusive: Superset signs users in one way', setKeys(props.auth),
      'remove auth.oidc or auth.ldap')];
  }
  return oidc || ldap ? [] : [missing('auth.oidc', 'auth needs a sign-in method: set auth.oidc or auth.ldap',
    'add auth.oidc: { issuerUrl, clientId, clientSecretFrom }, or remove auth')];
};

export const authOidc: Rule = (props) => {
  const oidc = props.auth?.oidc;
  if (!isSet(oidc)) return [];
  const p = 'auth.oidc';
  const out: Violation[] = [];
  const issuer = isSet(oidc!.issuerUrl);
  if (issuer === isSet(oidc!.discoveryUrl)) {
    out.push(issuer
      ? violation(p, 'issuerUrl and discoveryUrl are mutually exclusive', { issuerUrl: oidc!.issuerUrl, discoveryUrl: oidc!.discoveryUrl },
        'keep one: discovery is read from <issuerUrl>/.well-known/openid-configuration')
      : missing(at(p, 'issuerUrl'), 'set exactly one of issuerUrl and discoveryUrl', URL_FIX));
  }
  out.push(...urlViolations(props, at(p, 'issuerUrl'), oidc!.issuerUrl, URL_FIX));
  out.push(...urlViolations(props, at(p, 'discoveryUrl'), oidc!.discoveryUrl,
    'for example \'https://login.example.com/.well-known/openid-configuration\''));
  if (typeof oidc!.issuerUrl === 'string' && /[?]/.test(oidc!.issuerUrl)) {
    out.push(violation(at(p, 'issuerUrl'), 'must not have a query (discovery is appended to the path)', oidc!.issuerUrl,
      'remove the query, or give the whole document with discoveryUrl'));
  }
  const scopes = oidc!.scopes;
  if (Array.isArray(scopes) && !scopes.includes('openid')) {
    out.push(violation(at(p, 'scopes'), 'must include \'openid\': without it there is no validated ID token whose claims '
      + 'become the user', scopes, 'add \'openid\''));
  }
  if (Array.isArray(scopes) && scopes.some((s) => typeof s === 'string' && /\s/.test(s))) {
    out.push(violation(at(p, 'scopes'), 'a scope must not contain whitespace (scopes are joined with spaces)', scopes,
      'give each scope as its own entry'));
  }
  if (!isDevelopment(props) && !isSet(oidc!.clientSecretFrom) && !fromStore(props, 'oidcClientSecret')) {
    out.push(missing(at(p, 'clientSecretFrom'), `is required (${environmentNote(props)}; a public client is Development only)`,
      'reference a Secret key, for example { name: \'superset-oidc\', key: \'client-secret\' }'));
  }
  return out;
};

export const authLdap: Rule = (props) => {
  const ldap = props.auth?.ldap;
  if (!isSet(ldap)) return [];
  const p = 'auth.ldap';
  const out: Violation[] = [];
  const server = ldap!.serverUrl;
  // An ldap:// URL without StartTLS (a startTls of the wrong type is the schema's to report, once).
  const plainLdap = typeof server === 'string' && server.toLowerCase().startsWith('ldap:') && (!isSet(ldap!.startTls) || ldap!.startTls === false);
  if (typeof server === 'string') {
    const problem = urlProblem(server, ['ldap:', 'ldaps:']);
    const extra = problem === undefined && !/^ldaps?:\/\/[^/?#]+\/?$/i.test(server) ? 'must not have a path or query' : undefined;
    if (problem ?? extra) {
      out.push(violation(at(p, 'serverUrl'), (problem ?? extra)!, server, 'for example \'ldaps://ldap.example.com\' or \'ldap://ldap.example.com:389\''));
    }
    // Plain LDAP sends the bind password and every user's password in the clear, as plain http would the OIDC
    // tokens: Development only.
    if (plainLdap && problem === undefined && extra === undefined && !isDevelopment(props)) {
      out.push(violation(at(p, 'serverUrl'), 'a plain ldap:// connection sends the bind password and every user\'s password in the clear '
        + `(${environmentNote(props)}; plain LDAP is Development only)`, server, 'use an ldaps:// serverUrl, or set startTls: true'));
    }
    if (ldap!.startTls === true && server.toLowerCase().startsWith('ldaps:')) {
      out.push(violation(at(p, 'startTls'), 'StartTLS upgrades a plain ldap:// connection; ldaps:// is TLS already', true,
        'remove startTls, or use an ldap:// serverUrl'));
    }
  }
  // An empty string is the schema's to report, once.
  const filterProblem = typeof ldap!.searchFilter === 'string' && ldap!.searchFilter !== '' ? ldapFilterProblem(ldap!.searchFilter) : undefined;
  if (filterProblem !== undefined) {
    out.push(violation(at(p, 'searchFilter'), `must be one or more LDAP filters in parentheses (RFC 4515); it ${filterProblem}`,
      ldap!.searchFilter, 'for example \'(memberOf=cn=bi,ou=groups,dc=example,dc=com)\'; escape \'(\', \')\', \'*\' and \'\\\' in a value as '
        + '\\28, \\29, \\2a and \\5c'));
  }
  // python-ldap refuses a string with a NUL character (Flask-AppBuilder's sign-in would fail with a server error);
  // searchFilter's parser reports it with its position.
  for (const field of ['serverUrl', 'caFile', 'bindDn', 'usernameFormat', 'searchBase', 'uidField', 'groupField'] as const) {
    const value = ldap![field];
    if (typeof value === 'string' && value.includes('\0')) {
      out.push(violation(at(p, field), `must not contain a NUL character (at position ${value.indexOf('\0') + 1}): python-ldap refuses it at `
        + 'every sign-in', value, 'remove the NUL character'));
    }
  }
  // The directory parses the search base and the bind DN; one it cannot parse fails every sign-in.
  for (const field of ['searchBase', 'bindDn'] as const) {
    const dn = ldap![field];
    const dnProblem = typeof dn === 'string' && dn !== '' && !dn.includes('\0') ? ldapDnProblem(dn) : undefined;
    if (dnProblem !== undefined) {
      const example = field === 'searchBase' ? 'ou=people,dc=example,dc=com' : 'cn=superset,ou=services,dc=example,dc=com';
      out.push(violation(at(p, field), `must be a distinguished name (RFC 4514); it ${dnProblem}`, dn,
        `for example '${example}'; escape ',', '+' and ';' in a value with '\\'`));
    }
  }
  // Flask-AppBuilder writes uidField into its search filter, `(<uidField>=<name>)`, and reads groupField from the entry.
  for (const field of ['uidField', 'groupField'] as const) {
    const name = ldap![field];
    if (typeof name === 'string' && name !== '' && !name.includes('\0') && !isLdapAttribute(name)) {
      out.push(violation(at(p, field), 'must be an LDAP attribute name (a letter, then letters, digits and \'-\'; or an OID such as '
        + '1.2.840.113556.1.4.221), with optional \';\' options', name, field === 'uidField'
        ? 'for example \'uid\' or \'sAMAccountName\'' : 'for example \'memberOf\''));
    }
  }
  // Outside Development plain ldap:// is refused above, with the same fix.
  if (typeof ldap!.caFile === 'string' && plainLdap && isDevelopment(props)) {
    out.push(violation(at(p, 'caFile'), 'has no effect on a plain ldap:// connection without startTls (nothing is verified)',
      ldap!.caFile, 'set startTls: true, use an ldaps:// serverUrl, or remove caFile'));
  }
  const format = ldap!.usernameFormat;
  if (typeof format === 'string' && format !== '' && !/^(?:[^%]|%%)*%s(?:[^%]|%%)*$/s.test(format)) {
    out.push(violation(at(p, 'usernameFormat'), 'must hold %s exactly once, for the name typed, and write any other \'%\' as \'%%\' '
      + '(Python formats it with the name alone)', format, 'for example \'uid=%s,ou=people,dc=example,dc=com\''));
  }
  if (isSet(format) && isSet(ldap!.bindDn)) {
    out.push(violation(at(p, 'usernameFormat'), 'has no effect with bindDn (the bind user searches for the person, whose DN is bound)',
      format, 'remove usernameFormat, or bindDn and bindPasswordFrom to bind as the person directly'));
  }
  if (isSet(ldap!.bindDn) && !isSet(ldap!.searchBase)) {
    out.push(missing(at(p, 'searchBase'), 'is required with bindDn (the bind user searches for the person signing in)',
      'add searchBase, for example \'ou=people,dc=example,dc=com\''));
  }
  const auth = props.auth!;
  if (!isSet(ldap!.searchBase) && (auth.userRegistration === true || (isSet(auth.rolesMapping) && Object.keys(auth.rolesMapping!).length > 0))) {
    out.push(missing(at(p, 'searchBase'), 'is required with userRegistration or rolesMapping (user attributes and groups '
      + 'are read by a search)', 'add searchBase, for example \'ou=people,dc=example,dc=com\''));
  }
  if (isSet(ldap!.bindDn) && !isSet(ldap!.bindPasswordFrom) && !isDevelopment(props) && !fromStore(props, 'ldapBindPassword')) {
    out.push(missing(at(p, 'bindPasswordFrom'), `is required with bindDn (${environmentNote(props)})`,
      'reference a Secret key, for example { name: \'superset-ldap\', key: \'bind-password\' }'));
  }
  if (isSet(ldap!.bindPasswordFrom) && !isSet(ldap!.bindDn)) {
    out.push(violation(at(p, 'bindPasswordFrom'), 'has no effect without bindDn', ldap!.bindPasswordFrom, 'add bindDn or remove it'));
  }
  return out;
};

/** Roles: every mapped group names roles, and syncing without a mapping would strip every user's roles. */
export const authRoles: Rule = (props) => {
  const auth = props.auth;
  if (!isSet(auth)) return [];
  const out: Violation[] = [];
  const mapping = auth!.rolesMapping;
  if (isSet(mapping) && typeof mapping === 'object') {
    for (const [group, roles] of Object.entries(mapping!)) {
      if (group === '') out.push(violation('auth.rolesMapping', 'a group must not be empty', group, 'name the group'));
      if (Array.isArray(roles) && roles.length === 0) {
        out.push(violation(`auth.rolesMapping.${group}`, 'must name at least one Superset role', roles,
          'add a role such as \'Gamma\', or remove the group'));
      }
    }
  }
  const mapped = isSet(mapping) && typeof mapping === 'object' && Object.keys(mapping!).length > 0;
  if (auth!.syncRolesAtLogin === true && !mapped) {
    out.push(violation('auth.syncRolesAtLogin', 'needs rolesMapping: at each sign-in it replaces the user\'s roles by '
      + 'the mapped ones (and the registration role), so without a mapping users would lose their roles', true,
    'add rolesMapping, or remove syncRolesAtLogin'));
  }
  if (isSet(auth!.registrationRole) && auth!.userRegistration !== true) {
    out.push(violation('auth.registrationRole', 'has no effect without userRegistration', auth!.registrationRole,
      'add userRegistration: true, or remove registrationRole'));
  }
  return out;
};

/** The settings render into the web server's config only, so without one they would do nothing. */
export const authNeedsWebServer: Rule = (props) => isSet(props.auth) && !isSet(props.webServer)
  ? [violation('auth', 'has no effect without webServer, the only component that signs users in', setKeys(props.auth),
    'add webServer: {} or remove auth')]
  : [];

/** The fields set in a section, which is what a message about the whole section shows of it (not every value). */
function setKeys(section: unknown): unknown {
  return typeof section === 'object' && section !== null && !Array.isArray(section)
    ? Object.keys(section).filter((key) => isSet((section as Record<string, unknown>)[key]))
    : section;
}

/** `networking.proxy.publicUrl`: where report links point. */
export const proxyPublicUrl: Rule = (props) => {
  const url = props.networking?.proxy?.publicUrl;
  if (typeof url !== 'string') return [];
  const problem = urlProblem(url, ['https:', 'http:']);
  return problem === undefined ? [] : [violation('networking.proxy.publicUrl', problem, url, 'for example \'https://bi.example.com/\'')];
};

export const AUTH_RULES: readonly Rule[] = [authOneMethod, authOidc, authLdap, authRoles, authNeedsWebServer, proxyPublicUrl];

