import { secretPrerequisiteAnnotations } from './lifecycle/delivery';
import { parentLabels } from '../base/labels';
import type { ResolvedExternalSecret, ResolvedExternalSecretEntry } from '../base/model/external-secrets';
import { externalSecretName } from '../base/names';
import { isPlainObject } from '../base/plain-data';
import type { AuthSpec, ExternalSecretRemoteRef, ExternalSecretsSpec, LifecycleDelivery, SecretKeyRef, SupersetInstanceProps } from '../spec';

/** Keys of the created Secret, one per value of `externalSecrets`. */
const SECRET_KEYS = {
  secretKey: 'secret-key',
  previousSecretKey: 'previous-secret-key',
  metastorePassword: 'metastore-password',
  metastoreUri: 'metastore-uri',
  valkeyPassword: 'valkey-password',
  oidcClientSecret: 'oidc-client-secret',
  ldapBindPassword: 'ldap-bind-password',
} as const;

type Value = keyof typeof SECRET_KEYS;
const VALUES = Object.keys(SECRET_KEYS) as Value[];

function reference(instanceName: string, value: Value): SecretKeyRef {
  return { name: externalSecretName(instanceName), key: SECRET_KEYS[value] };
}

/**
 * The props with the `*From` references pointed at the Secret the ExternalSecret creates, when `externalSecrets` is
 * set. Validation has already refused setting any of them next to the value that fills it in, so both always agree.
 */
export function withExternalSecrets(props: SupersetInstanceProps, instanceName: string): SupersetInstanceProps {
  const external = props.externalSecrets;
  if (!external) return props;
  const ref = (value: Value) => (external[value] ? reference(instanceName, value) : undefined);
  const metastore = external.metastorePassword || external.metastoreUri
    ? { ...props.metastore, passwordFrom: ref('metastorePassword'), uriFrom: ref('metastoreUri') }
    : props.metastore;
  return {
    ...props,
    secretKeyFrom: ref('secretKey') ?? props.secretKeyFrom,
    previousSecretKeyFrom: ref('previousSecretKey') ?? props.previousSecretKeyFrom,
    metastore: metastore && dropUndefined(metastore),
    valkey: props.valkey && (external.valkeyPassword ? { ...props.valkey, passwordFrom: ref('valkeyPassword') } : props.valkey),
    auth: withAuthSecrets(props.auth, ref('oidcClientSecret'), ref('ldapBindPassword')),
  };
}

/**
 * The props of a component that signs no one in: without `auth`, and without the sign-in secrets from the store (a
 * store left with nothing to read goes with them).
 */
export function withoutSignIn(props: SupersetInstanceProps): SupersetInstanceProps {
  const { auth: _auth, ...rest } = props;
  if (!isPlainObject(rest.externalSecrets)) return rest;
  const externalSecrets: ExternalSecretsSpec = {
    ...rest.externalSecrets as ExternalSecretsSpec, oidcClientSecret: undefined, ldapBindPassword: undefined,
  };
  if (VALUES.some((value) => externalSecrets[value] !== undefined)) return { ...rest, externalSecrets };
  const { externalSecrets: _none, ...withoutStore } = rest;
  return withoutStore;
}

function withAuthSecrets(auth: AuthSpec | undefined, clientSecret: SecretKeyRef | undefined,
  bindPassword: SecretKeyRef | undefined): AuthSpec | undefined {
  if (!auth) return auth;
  return {
    ...auth,
    oidc: auth.oidc && (clientSecret ? { ...auth.oidc, clientSecretFrom: clientSecret } : auth.oidc),
    ldap: auth.ldap && (bindPassword ? { ...auth.ldap, bindPasswordFrom: bindPassword } : auth.ldap),
  };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The ExternalSecret of `externalSecrets`. With hook delivery and lifecycle Jobs, it is a hook ordered before them;
 * a hook is deleted and recreated on every sync, so its Secret is then orphaned rather than owned, or the Secret would
 * be deleted with it and pods starting meanwhile would not find it.
 */
export function resolveExternalSecret(
  spec: ExternalSecretsSpec, instanceName: string, namespace: string | undefined, delivery: LifecycleDelivery, hooks: boolean,
): ResolvedExternalSecret {
  const annotations = hooks ? secretPrerequisiteAnnotations(delivery) : undefined;
  const data: ResolvedExternalSecretEntry[] = VALUES.flatMap((value) => {
    const remoteRef: ExternalSecretRemoteRef | undefined = spec[value];
    return remoteRef ? [{ secretKey: SECRET_KEYS[value], remoteRef: { ...remoteRef } }] : [];
  });
  return {
    name: externalSecretName(instanceName),
    namespace,
    labels: parentLabels(instanceName),
    annotations,
    storeRef: { name: spec.storeRef.name, kind: spec.storeRef.kind ?? 'SecretStore' },
    refreshInterval: spec.refreshInterval ?? '1h',
    creationPolicy: annotations ? 'Orphan' : 'Owner',
    data,
  };
}
