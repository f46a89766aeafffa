import { envFromSecret } from './env';
import type * as k8s from '../../imports/k8s';
import { ENV } from '../base/env-names';
import type { ProxySettings, ResolvedAuth, ResolvedLdap, ResolvedOidc } from '../base/model/auth';
import type { AuthSpec, LdapAuthSpec, OidcAuthSpec, SupersetSpec } from '../spec';

/** The scopes of an OIDC login when none are given: `openid` returns the ID token whose claims become the user. */
export const DEFAULT_OIDC_SCOPES: readonly string[] = ['openid', 'email', 'profile'];

const DEFAULT_PORTS: { readonly [scheme: string]: number } = { 'https:': 443, 'http:': 80, 'ldaps:': 636, 'ldap:': 389 };

/** The discovery document of an issuer, as OpenID Connect Discovery 1.0 places it (a trailing `/` dropped). */
export function discoveryUrl(oidc: OidcAuthSpec): string {
  if (oidc.discoveryUrl !== undefined) return oidc.discoveryUrl;
  return `${(oidc.issuerUrl ?? '').replace(/\/$/, '')}/.well-known/openid-configuration`;
}

function resolveOidc(oidc: OidcAuthSpec): ResolvedOidc {
  return {
    kind: 'oidc',
    providerName: oidc.providerName ?? 'oidc',
    icon: oidc.icon ?? 'fa-key',
    clientId: oidc.clientId,
    clientSecret: oidc.clientSecretFrom !== undefined,
    discoveryUrl: discoveryUrl(oidc),
    scopes: oidc.scopes ?? DEFAULT_OIDC_SCOPES,
    usernameClaim: oidc.usernameClaim ?? 'preferred_username',
    rolesClaim: oidc.rolesClaim ?? 'groups',
    pkce: oidc.pkce ?? true,
  };
}

function resolveLdap(ldap: LdapAuthSpec): ResolvedLdap {
  return {
    kind: 'ldap',
    serverUrl: ldap.serverUrl,
    startTls: ldap.startTls ?? false,
    caFile: ldap.caFile,
    bindDn: ldap.bindDn,
    usernameFormat: ldap.usernameFormat,
    bindPassword: ldap.bindPasswordFrom !== undefined,
    searchBase: ldap.searchBase,
    searchFilter: ldap.searchFilter,
    uidField: ldap.uidField ?? 'uid',
    groupField: ldap.groupField ?? 'memberOf',
  };
}

/** The sign-in settings of a validated spec (exactly one method is set), or none. */
export function resolveAuth(auth: AuthSpec | undefined): ResolvedAuth | undefined {
  if (auth === undefined) return undefined;
  const method = auth.oidc ? resolveOidc(auth.oidc) : auth.ldap ? resolveLdap(auth.ldap) : undefined;
  if (method === undefined) return undefined;
  const mapping = auth.rolesMapping ?? {};
  return {
    method,
    userRegistration: auth.userRegistration ?? false,
    registrationRole: auth.registrationRole,
    rolesMapping: Object.keys(mapping).sort().map((group) => [group, mapping[group]] as const),
    syncRolesAtLogin: auth.syncRolesAtLogin ?? false,
  };
}

/** The web server's secret variables of `auth`: only `secretKeyRef` references, never values. */
export function authEnv(auth: AuthSpec | undefined): k8s.EnvVar[] {
  const secret = auth?.oidc?.clientSecretFrom;
  const password = auth?.ldap?.bindPasswordFrom;
  return [
    ...(secret ? [envFromSecret(ENV.OIDC_CLIENT_SECRET, secret)] : []),
    ...(password ? [envFromSecret(ENV.LDAP_BIND_PASSWORD, password)] : []),
  ];
}

/**
 * The port the web server connects to for sign-in: the discovery URL's (the token, keys and userinfo endpoints
 * are on the same host at every common provider) or the LDAP server's, else the scheme's default.
 */
export function identityProviderPort(auth: AuthSpec | undefined): number | undefined {
  const url = auth?.oidc ? discoveryUrl(auth.oidc) : auth?.ldap?.serverUrl;
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return Number(parsed.port) || DEFAULT_PORTS[parsed.protocol];
  } catch {
    return undefined; // refused by validation
  }
}

/** The first host name the instance is routed under, unless it is a wildcard. */
function routeHostname(spec: SupersetSpec): string | undefined {
  const { gateway, ingress } = spec.networking ?? {};
  const host = gateway ? gateway.hostnames?.[0] : ingress ? ingress.hosts?.[0]?.host ?? ingress.host : undefined;
  return host === undefined || host.startsWith('*') ? undefined : host;
}

/**
 * Serving behind one TLS-terminating hop: on by default when a route is configured, with report links to the
 * route's first host name.
 */
export function resolveProxySettings(spec: SupersetSpec): ProxySettings | undefined {
  const { gateway, ingress, proxy } = spec.networking ?? {};
  const proxyFix = proxy?.enabled ?? (gateway !== undefined || ingress !== undefined);
  const host = proxyFix ? routeHostname(spec) : undefined;
  const publicUrl = proxy?.publicUrl ?? (host !== undefined ? `https://${host}/` : undefined);
  return proxyFix || publicUrl !== undefined ? { proxyFix, publicUrl } : undefined;
}
