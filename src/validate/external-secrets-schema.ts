import { DNS_SUBDOMAIN_FORMAT, GO_DURATION_FORMAT } from './formats';
import { object, oneOf, string } from './schema';

// Beyond the operator: ExternalSecrets for the credentials. The limits are the External Secrets CRD's (v2.9.0).
const REMOTE_REF = object({
  key: string({ minLength: 1 }),
  property: string({ minLength: 1 }),
  version: string({ minLength: 1 }),
}, ['key']);

/** `externalSecrets`. */
export const EXTERNAL_SECRETS = object({
  storeRef: object({
    name: string({ format: DNS_SUBDOMAIN_FORMAT }),
    kind: oneOf('SecretStore', 'ClusterSecretStore'),
  }, ['name']),
  refreshInterval: string({ format: GO_DURATION_FORMAT }),
  secretKey: REMOTE_REF,
  previousSecretKey: REMOTE_REF,
  metastorePassword: REMOTE_REF,
  metastoreUri: REMOTE_REF,
  valkeyPassword: REMOTE_REF,
  oidcClientSecret: REMOTE_REF,
  ldapBindPassword: REMOTE_REF,
}, ['storeRef']);
