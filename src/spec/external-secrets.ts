/** Where the External Secrets Operator reads the values from. */
export interface ExternalSecretStoreRef {
  /** Name of the store. */
  readonly name: string;
  /**
   * Kind of the store: a `SecretStore` in the instance's namespace, or a cluster-wide `ClusterSecretStore`.
   *
   * @default 'SecretStore'
   */
  readonly kind?: 'SecretStore' | 'ClusterSecretStore';
}

/** One value in the provider (the `remoteRef` of an ExternalSecret's `data` entry). */
export interface ExternalSecretRemoteRef {
  /** The provider's key (path or name of the secret in the provider). */
  readonly key: string;
  /**
   * A property inside the provider's value (for example a JSON field).
   *
   * @default - the whole value
   */
  readonly property?: string;
  /**
   * A version of the provider's value.
   *
   * @default - the provider's current version
   */
  readonly version?: string;
}

/**
 * Secrets from an external store through the External Secrets Operator (`external-secrets.io/v1`). Not part of the
 * operator's spec.
 *
 * Renders one ExternalSecret `<name>-external` that creates the Secret `<name>-external` with one key per value
 * asked for (`secret-key`, `previous-secret-key`, `metastore-password`, `metastore-uri`, `valkey-password`,
 * `oidc-client-secret`, `ldap-bind-password`), and points `secretKeyFrom`, `previousSecretKeyFrom`,
 * `metastore.passwordFrom` / `metastore.uriFrom`, `valkey.passwordFrom`, `auth.oidc.clientSecretFrom` and
 * `auth.ldap.bindPasswordFrom` at it: those fields must then not be set. Under `ArgoCD` or `Helm` delivery the
 * ExternalSecret is a hook ordered before every lifecycle hook, so the Secret exists before the Jobs need it.
 */
export interface ExternalSecretsSpec {
  /** The SecretStore or ClusterSecretStore to read from. */
  readonly storeRef: ExternalSecretStoreRef;
  /**
   * How often the values are read again (a Go duration such as `1h`, `15m`, `1h30m`; `0s` reads them once).
   *
   * @default '1h'
   */
  readonly refreshInterval?: string;
  /**
   * Flask `SECRET_KEY`; fills in `secretKeyFrom`.
   *
   * @default - not from the store
   */
  readonly secretKey?: ExternalSecretRemoteRef;
  /**
   * The previous `SECRET_KEY`, for key rotation; fills in `previousSecretKeyFrom`.
   *
   * @default - not from the store
   */
  readonly previousSecretKey?: ExternalSecretRemoteRef;
  /**
   * The metastore password; fills in `metastore.passwordFrom` (the other `metastore` fields stay yours).
   *
   * @default - not from the store
   */
  readonly metastorePassword?: ExternalSecretRemoteRef;
  /**
   * The complete metastore URI; fills in `metastore.uriFrom`. Not with `metastorePassword`.
   *
   * @default - not from the store
   */
  readonly metastoreUri?: ExternalSecretRemoteRef;
  /**
   * The Valkey password; fills in `valkey.passwordFrom` (the other `valkey` fields stay yours).
   *
   * @default - not from the store
   */
  readonly valkeyPassword?: ExternalSecretRemoteRef;
  /**
   * The OpenID Connect client secret; fills in `auth.oidc.clientSecretFrom` (needs `auth.oidc`).
   *
   * @default - not from the store
   */
  readonly oidcClientSecret?: ExternalSecretRemoteRef;
  /**
   * The LDAP bind password; fills in `auth.ldap.bindPasswordFrom` (needs `auth.ldap.bindDn`).
   *
   * @default - not from the store
   */
  readonly ldapBindPassword?: ExternalSecretRemoteRef;
}
