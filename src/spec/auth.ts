import type { SecretKeyRef } from './common';

/**
 * Sign-in through an OpenID Connect provider (Keycloak, Entra ID, Okta, Auth0, Dex, ...). Any provider works: the
 * rendered security manager maps the ID token's claims (or, when they lack a claim, the userinfo endpoint's) to
 * the Superset user, so the provider name need not be one Flask-AppBuilder knows.
 */
export interface OidcAuthSpec {
  /**
   * The issuer URL; discovery is read from `<issuer>/.well-known/openid-configuration`. Set exactly one of
   * `issuerUrl` and `discoveryUrl`.
   *
   * @default - not set
   */
  readonly issuerUrl?: string;
  /**
   * The full discovery document URL, for providers whose document is not under the issuer.
   *
   * @default - not set
   */
  readonly discoveryUrl?: string;
  /** The OAuth client id registered at the provider. */
  readonly clientId: string;
  /**
   * The client secret, from a Secret key (it reaches the web server only as a `secretKeyRef` variable). Required
   * outside Development.
   *
   * @default - no secret: a public client (Development only)
   */
  readonly clientSecretFrom?: SecretKeyRef;
  /**
   * Requested scopes; must include `openid`, which makes the provider return the validated ID token.
   *
   * @default ['openid', 'email', 'profile']
   */
  readonly scopes?: string[];
  /**
   * Provider name, which is also its label: Superset's login page shows "Sign in with <Name>" (first letter
   * capitalized; Flask-AppBuilder has no separate label), and the callback path `/oauth-authorized/<name>` to register
   * at the provider. Lower-case letters, digits and `_`.
   *
   * @default 'oidc'
   */
  readonly providerName?: string;
  /**
   * Font Awesome icon class of the login button on Flask-AppBuilder's own login page (Superset 6's login page picks
   * its icon from the provider name instead).
   *
   * @default 'fa-key'
   */
  readonly icon?: string;
  /**
   * Claim that becomes the Superset username.
   *
   * @default 'preferred_username' (the `sub` claim when it is absent)
   */
  readonly usernameClaim?: string;
  /**
   * Claim holding the user's groups or roles, matched against `auth.rolesMapping` (a list, or one string).
   *
   * @default 'groups'
   */
  readonly rolesClaim?: string;
  /**
   * Use PKCE (`code_challenge_method: S256`).
   *
   * @default true
   */
  readonly pkce?: boolean;
}

/** Sign-in against an LDAP directory (Flask-AppBuilder's `AUTH_LDAP`; the image needs python-ldap). */
export interface LdapAuthSpec {
  /**
   * `ldaps://host[:port]`, or `ldap://host[:port]` with `startTls`. Plain `ldap://` sends the bind password and every
   * user's password in the clear: Development only.
   */
  readonly serverUrl: string;
  /**
   * Upgrade an `ldap://` connection with StartTLS (required for `ldap://` outside Development).
   *
   * @default false
   */
  readonly startTls?: boolean;
  /**
   * Path inside the pod of the CA bundle that verifies the server's certificate (mount it with `podTemplate`).
   *
   * @default - the system's trust store
   */
  readonly caFile?: string;
  /**
   * DN to bind as before searching for the user; needs `searchBase`.
   *
   * @default - bind as the person signing in, with the name made by `usernameFormat`
   */
  readonly bindDn?: string;
  /**
   * Without `bindDn`, how the name typed at sign-in becomes the name bound (Flask-AppBuilder's
   * `AUTH_LDAP_USERNAME_FORMAT`): `%s` stands for the name, once; a literal `%` is written `%%`. For example
   * `uid=%s,ou=people,dc=example,dc=com`, or `%s@example.com` for Active Directory.
   *
   * @default - the name as typed, which a directory binds only as a DN (Active Directory also as `user@domain`)
   */
  readonly usernameFormat?: string;
  /**
   * Password of `bindDn`, from a Secret key. Required with `bindDn` outside Development.
   *
   * @default - not set
   */
  readonly bindPasswordFrom?: SecretKeyRef;
  /**
   * Search base for users (subtree). Needed by `bindDn`, `rolesMapping` and `userRegistration`.
   *
   * @default - no search
   */
  readonly searchBase?: string;
  /**
   * Extra filter ANDed with the user's uid, such as `(memberOf=cn=bi,ou=groups,dc=example,dc=com)`: one or more
   * RFC 4515 filters, each in parentheses and nested at most 64 deep, checked as libldap parses them (`(`, `)`, `*`
   * and `\` in a value are escaped as `\28`, `\29`, `\2a` and `\5c`).
   *
   * @default - none
   */
  readonly searchFilter?: string;
  /**
   * Attribute holding the login name (`sAMAccountName` for Active Directory).
   *
   * @default 'uid'
   */
  readonly uidField?: string;
  /**
   * Attribute holding the user's group DNs, matched against `auth.rolesMapping`.
   *
   * @default 'memberOf'
   */
  readonly groupField?: string;
}

/**
 * How users sign in to the web server. Not part of the operator's spec: an extension of this library, rendered
 * into the web server's `superset_config.py` before the user's `config`, which can override any of it.
 */
export interface AuthSpec {
  /**
   * OpenID Connect sign-in. Set exactly one of `oidc` and `ldap`.
   *
   * @default - not set
   */
  readonly oidc?: OidcAuthSpec;
  /**
   * LDAP sign-in. Set exactly one of `oidc` and `ldap`.
   *
   * @default - not set
   */
  readonly ldap?: LdapAuthSpec;
  /**
   * Create a Superset user at a person's first sign-in (`AUTH_USER_REGISTRATION`).
   *
   * @default false
   */
  readonly userRegistration?: boolean;
  /**
   * Role every registered user gets (`AUTH_USER_REGISTRATION_ROLE`).
   *
   * @default - Flask-AppBuilder's: 'Public'
   */
  readonly registrationRole?: string;
  /**
   * Identity-provider group (OIDC: a value of `rolesClaim`; LDAP: a full group DN) to Superset roles
   * (`AUTH_ROLES_MAPPING`). Groups match exactly.
   *
   * @default - none
   */
  readonly rolesMapping?: { readonly [group: string]: string[] };
  /**
   * Recompute roles from `rolesMapping` at every sign-in (`AUTH_ROLES_SYNC_AT_LOGIN`), replacing roles granted in
   * Superset. Needs `rolesMapping`.
   *
   * @default false
   */
  readonly syncRolesAtLogin?: boolean;
}
