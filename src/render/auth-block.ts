import { pyBool, pyEnv, pyEnvOrEmpty, pyString } from './python';
import { ENV } from '../base/env-names';
import type { ProxySettings, ResolvedAuth, ResolvedLdap, ResolvedOidc } from '../base/model/auth';

/** The name of the rendered security manager class (`CUSTOM_SECURITY_MANAGER`). */
export const OIDC_SECURITY_MANAGER = 'OidcSecurityManager';

// Imported as a module: an imported AUTH_* constant would itself become an (upper-case) Superset setting.
const FAB_MANAGER_IMPORT = 'from flask_appbuilder.security import manager as _fab_manager';

function pyList(values: readonly string[]): string {
  return `[${values.map(pyString).join(', ')}]`;
}

/**
 * One generic OpenID Connect provider in the form Flask-AppBuilder 5.0 registers with authlib
 * (`oauth.register(name, **remote_app)`): endpoints and keys come from discovery, the secret from the environment,
 * and `token_key` names the key authlib's token response really has.
 */
function oidcProviderLines(oidc: ResolvedOidc): string[] {
  const clientKwargs = [`"scope": ${pyString(oidc.scopes.join(' '))}`, ...(oidc.pkce ? ['"code_challenge_method": "S256"'] : [])];
  return [
    'OAUTH_PROVIDERS = [',
    '    {',
    `        "name": ${pyString(oidc.providerName)},`,
    `        "icon": ${pyString(oidc.icon)},`,
    '        "token_key": "access_token",',
    '        "remote_app": {',
    `            "client_id": ${pyString(oidc.clientId)},`,
    // Always given, None for a public client: a missing key would be filled from a Flask setting <NAME>_CLIENT_SECRET.
    `            "client_secret": ${oidc.clientSecret ? pyEnv(ENV.OIDC_CLIENT_SECRET) : 'None'},`,
    `            "server_metadata_url": ${pyString(oidc.discoveryUrl)},`,
    `            "client_kwargs": {${clientKwargs.join(', ')}},`,
    '        },',
    '    },',
    ']',
  ];
}

/**
 * Flask-AppBuilder 5.0 fetches user info by provider name and raises for names it does not know; this subclass
 * handles the configured provider with the ID token's claims, which authlib has validated (signature, issuer,
 * audience, nonce), and asks the userinfo endpoint only for claims the ID token lacks.
 */
function oidcSecurityManagerLines(oidc: ResolvedOidc): string[] {
  return [
    'from superset.security import SupersetSecurityManager',
    '',
    '',
    `class ${OIDC_SECURITY_MANAGER}(SupersetSecurityManager):`,
    '    """Maps the claims of the OpenID Connect provider of `auth.oidc` to a Superset user."""',
    '',
    `    oidc_provider = ${pyString(oidc.providerName)}`,
    `    oidc_username_claim = ${pyString(oidc.usernameClaim)}`,
    `    oidc_roles_claim = ${pyString(oidc.rolesClaim)}`,
    '',
    '    def get_oauth_user_info(self, provider, resp):',
    '        if provider != self.oidc_provider:',
    '            return super().get_oauth_user_info(provider, resp)',
    '        claims = dict(resp.get("userinfo") or {})',
    '        wanted = (self.oidc_username_claim, self.oidc_roles_claim, "email")',
    '        remote = self.oauth_remotes[provider]',
    '        if any(claim not in claims for claim in wanted) and remote.load_server_metadata().get("userinfo_endpoint"):',
    '            claims = {**remote.userinfo(token=resp), **claims}',
    '        roles = claims.get(self.oidc_roles_claim)',
    '        if isinstance(roles, str):',
    '            roles = [roles]',
    '        elif not isinstance(roles, (list, tuple)):',
    '            roles = []',
    '        return {',
    '            "username": claims.get(self.oidc_username_claim) or claims.get("sub"),',
    '            "email": claims.get("email") or "",',
    '            "first_name": claims.get("given_name") or "",',
    '            "last_name": claims.get("family_name") or "",',
    '            "role_keys": [str(role) for role in roles],',
    '        }',
    '',
    '',
    `CUSTOM_SECURITY_MANAGER = ${OIDC_SECURITY_MANAGER}`,
  ];
}

function oidcLines(oidc: ResolvedOidc): string[] {
  return [
    FAB_MANAGER_IMPORT,
    ...oidcSecurityManagerLines(oidc),
    'AUTH_TYPE = _fab_manager.AUTH_OAUTH',
    ...oidcProviderLines(oidc),
  ];
}

/** `AUTH_LDAP_*` as Flask-AppBuilder 5.0 reads them; TLS always demands a verified certificate. */
function ldapLines(ldap: ResolvedLdap): string[] {
  const tls = ldap.startTls || ldap.serverUrl.toLowerCase().startsWith('ldaps:');
  const optional = (name: string, value: string | undefined) => (value !== undefined ? [`${name} = ${pyString(value)}`] : []);
  return [
    FAB_MANAGER_IMPORT,
    'AUTH_TYPE = _fab_manager.AUTH_LDAP',
    `AUTH_LDAP_SERVER = ${pyString(ldap.serverUrl)}`,
    `AUTH_LDAP_USE_TLS = ${pyBool(ldap.startTls)}`,
    ...(tls ? ['AUTH_LDAP_TLS_DEMAND = True'] : []),
    ...optional('AUTH_LDAP_TLS_CACERTFILE', ldap.caFile),
    ...optional('AUTH_LDAP_BIND_USER', ldap.bindDn),
    ...optional('AUTH_LDAP_USERNAME_FORMAT', ldap.usernameFormat),
    ...(ldap.bindDn !== undefined
      ? [`AUTH_LDAP_BIND_PASSWORD = ${ldap.bindPassword ? pyEnv(ENV.LDAP_BIND_PASSWORD) : pyEnvOrEmpty(ENV.LDAP_BIND_PASSWORD)}`]
      : []),
    ...optional('AUTH_LDAP_SEARCH', ldap.searchBase),
    ...optional('AUTH_LDAP_SEARCH_FILTER', ldap.searchFilter),
    `AUTH_LDAP_UID_FIELD = ${pyString(ldap.uidField)}`,
    `AUTH_LDAP_GROUP_FIELD = ${pyString(ldap.groupField)}`,
  ];
}

function registrationLines(auth: ResolvedAuth): string[] {
  const mapping = auth.rolesMapping.map(([group, roles]) => `    ${pyString(group)}: ${pyList(roles)},`);
  return [
    `AUTH_USER_REGISTRATION = ${pyBool(auth.userRegistration)}`,
    ...(auth.registrationRole !== undefined ? [`AUTH_USER_REGISTRATION_ROLE = ${pyString(auth.registrationRole)}`] : []),
    ...(mapping.length > 0 ? ['AUTH_ROLES_MAPPING = {', ...mapping, '}'] : ['AUTH_ROLES_MAPPING = {}']),
    `AUTH_ROLES_SYNC_AT_LOGIN = ${pyBool(auth.syncRolesAtLogin)}`,
  ];
}

/** The sign-in section of the web server's `superset_config.py`; no secret is written, only read from env. */
export function renderAuthBlock(auth: ResolvedAuth): string[] {
  const method = auth.method.kind === 'oidc' ? oidcLines(auth.method) : ldapLines(auth.method);
  return [`# Sign-in (auth.${auth.method.kind})`, ...method, ...registrationLines(auth), ''];
}

/**
 * Serving behind one TLS-terminating proxy hop. Talisman (on in Superset by default) leaves SESSION_COOKIE_SECURE
 * alone while its own `session_cookie_secure` is False, but overwrites SESSION_COOKIE_SAMESITE with its "Lax",
 * which the OAuth callback (a top-level GET) works with; SameSite is changed through TALISMAN_CONFIG, not here.
 */
export function renderProxyBlock(proxy: ProxySettings): string[] {
  return [
    '# Behind a TLS-terminating proxy (networking.proxy)',
    ...(proxy.proxyFix
      ? [
        'ENABLE_PROXY_FIX = True',
        'PROXY_FIX_CONFIG = {"x_for": 1, "x_proto": 1, "x_host": 1, "x_port": 1, "x_prefix": 1}',
        'PREFERRED_URL_SCHEME = "https"',
        'SESSION_COOKIE_SECURE = True',
      ]
      : []),
    ...(proxy.publicUrl !== undefined ? [`WEBDRIVER_BASEURL_USER_FRIENDLY = ${pyString(proxy.publicUrl)}`] : []),
    '',
  ];
}
