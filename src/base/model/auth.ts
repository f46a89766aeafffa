/** A generic OpenID Connect provider as `superset_config.py` registers it. */
export interface ResolvedOidc {
  readonly kind: 'oidc';
  /** `OAUTH_PROVIDERS[0]["name"]`: the login button and the callback path segment. */
  readonly providerName: string;
  readonly icon: string;
  readonly clientId: string;
  /** Whether the client secret arrives through the environment (a public client otherwise). */
  readonly clientSecret: boolean;
  /** The discovery document URL. */
  readonly discoveryUrl: string;
  readonly scopes: readonly string[];
  readonly usernameClaim: string;
  readonly rolesClaim: string;
  readonly pkce: boolean;
}

/** An LDAP directory as Flask-AppBuilder's `AUTH_LDAP_*` settings describe it. */
export interface ResolvedLdap {
  readonly kind: 'ldap';
  readonly serverUrl: string;
  readonly startTls: boolean;
  readonly caFile?: string;
  readonly bindDn?: string;
  /** Without a bind DN: the Python %-format that makes the bind name from the name typed (`%s` once). */
  readonly usernameFormat?: string;
  /** Whether the bind password arrives through the environment. */
  readonly bindPassword: boolean;
  readonly searchBase?: string;
  readonly searchFilter?: string;
  readonly uidField: string;
  readonly groupField: string;
}

/** Sign-in settings of the web server, fully defaulted. */
export interface ResolvedAuth {
  readonly method: ResolvedOidc | ResolvedLdap;
  readonly userRegistration: boolean;
  /** Absent: Flask-AppBuilder's default stands. */
  readonly registrationRole?: string;
  /** Group to roles, sorted by group so the file is deterministic. */
  readonly rolesMapping: readonly (readonly [string, readonly string[]])[];
  readonly syncRolesAtLogin: boolean;
}

/** Settings for serving behind one TLS-terminating proxy hop. */
export interface ProxySettings {
  /** `ENABLE_PROXY_FIX`, `PREFERRED_URL_SCHEME` https and `SESSION_COOKIE_SECURE`. */
  readonly proxyFix: boolean;
  /** `WEBDRIVER_BASEURL_USER_FRIENDLY`, when known. */
  readonly publicUrl?: string;
}
