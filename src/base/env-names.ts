/**
 * Environment variables the pods receive. The names are the operator's, so a `superset_config.py` written for
 * the operator keeps working with manifests from this library.
 */
export const ENV = {
  INSTANCE_NAME: 'SUPERSET_OPERATOR__INSTANCE_NAME',
  /** The pod's namespace (downward API); this library's addition, for the instance's Valkey scope. */
  NAMESPACE: 'SUPERSET_OPERATOR__NAMESPACE',
  SECRET_KEY: 'SUPERSET_OPERATOR__SECRET_KEY',
  PREVIOUS_SECRET_KEY: 'SUPERSET_OPERATOR__PREVIOUS_SECRET_KEY',
  DB_URI: 'SUPERSET_OPERATOR__DB_URI',
  DB_HOST: 'SUPERSET_OPERATOR__DB_HOST',
  DB_PORT: 'SUPERSET_OPERATOR__DB_PORT',
  DB_NAME: 'SUPERSET_OPERATOR__DB_NAME',
  DB_USER: 'SUPERSET_OPERATOR__DB_USER',
  DB_PASS: 'SUPERSET_OPERATOR__DB_PASS',
  VALKEY_HOST: 'SUPERSET_OPERATOR__VALKEY_HOST',
  VALKEY_PORT: 'SUPERSET_OPERATOR__VALKEY_PORT',
  VALKEY_USER: 'SUPERSET_OPERATOR__VALKEY_USER',
  VALKEY_PASS: 'SUPERSET_OPERATOR__VALKEY_PASS',
  FORCE_RELOAD: 'SUPERSET_OPERATOR__FORCE_RELOAD',
  FLOWER_URL_PREFIX: 'SUPERSET_OPERATOR__FLOWER_URL_PREFIX',
  /** This library's addition: the OIDC client secret of `auth.oidc` (web server only). */
  OIDC_CLIENT_SECRET: 'SUPERSET_OPERATOR__OIDC_CLIENT_SECRET',
  /** This library's addition: the LDAP bind password of `auth.ldap` (web server only). */
  LDAP_BIND_PASSWORD: 'SUPERSET_OPERATOR__LDAP_BIND_PASSWORD',
} as const;

/** Where the component ConfigMap is mounted; Superset's image has this folder on its PYTHONPATH. */
export const CONFIG_MOUNT_PATH = '/app/pythonpath';

/** The volume of a Python component's or lifecycle task's ConfigMap, mounted at `CONFIG_MOUNT_PATH`. */
export const CONFIG_VOLUME = 'superset-config';
