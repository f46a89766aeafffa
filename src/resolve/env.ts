import type * as k8s from '../../imports/k8s';
import { ENV } from '../base/env-names';
import type { Labels } from '../base/labels';
import { mergeByKey } from '../base/merge';
import { DEFAULT_VALKEY_PORT, defaultDatabasePort } from '../base/ports';
import type { SecretKeyRef, SupersetSpec } from '../spec';

/**
 * A plain environment variable whose value arrives exactly as written. Kubernetes expands `$(NAME)` references and
 * `$$` in a container's `env` values (never in `envFrom` sources), so every `$` is written doubled.
 */
export function envValue(name: string, value: string): k8s.EnvVar {
  return { name, value: value.replace(/\$/g, '$$$$') };
}

/** The value an `envValue` variable has in the pod (what `envFrom` must carry to give the same). */
function podValue(env: k8s.EnvVar): string {
  return env.value!.replace(/\$\$/g, '$');
}

/** An environment variable read from a Secret key: the only way secrets reach pods. */
export function envFromSecret(name: string, ref: SecretKeyRef): k8s.EnvVar {
  const { name: secretName, key, optional } = ref;
  return { name, valueFrom: { secretKeyRef: optional === undefined ? { name: secretName, key } : { name: secretName, key, optional } } };
}

/** An inline value in Development, else the Secret reference, else nothing. */
function secretEnv(name: string, spec: SupersetSpec, inline: string | undefined, ref: SecretKeyRef | undefined): k8s.EnvVar[] {
  if (inline !== undefined && spec.environment === 'Development') return [envValue(name, inline)];
  if (ref) return [envFromSecret(name, ref)];
  return [];
}

function metastoreEnv(spec: SupersetSpec): k8s.EnvVar[] {
  const m = spec.metastore;
  if (!m) return [];
  if (m.uri !== undefined) return [envValue(ENV.DB_URI, m.uri)];
  if (m.uriFrom) return [envFromSecret(ENV.DB_URI, m.uriFrom)];
  if (m.host === undefined) return [];
  return [
    envValue(ENV.DB_HOST, m.host),
    envValue(ENV.DB_PORT, String(m.port ?? defaultDatabasePort(m.type))),
    ...(m.database !== undefined ? [envValue(ENV.DB_NAME, m.database)] : []),
    ...(m.username !== undefined ? [envValue(ENV.DB_USER, m.username)] : []),
    ...(m.password !== undefined ? [envValue(ENV.DB_PASS, m.password)] : []),
    ...(m.passwordFrom ? [envFromSecret(ENV.DB_PASS, m.passwordFrom)] : []),
  ];
}

/** The pod's own namespace, from the downward API: right even when the manifests name no namespace. */
function namespaceEnv(): k8s.EnvVar {
  return { name: ENV.NAMESPACE, valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } };
}

function valkeyEnv(spec: SupersetSpec): k8s.EnvVar[] {
  const v = spec.valkey;
  if (!v) return [];
  return [
    // With the instance name, the scope of every Valkey key, queue and channel (see config/valkey-block.ts).
    namespaceEnv(),
    envValue(ENV.VALKEY_HOST, v.host),
    envValue(ENV.VALKEY_PORT, String(v.port ?? DEFAULT_VALKEY_PORT)),
    ...(v.username !== undefined ? [envValue(ENV.VALKEY_USER, v.username)] : []),
    ...secretEnv(ENV.VALKEY_PASS, spec, v.password, v.passwordFrom),
  ];
}

/**
 * The variables every Python component (and lifecycle task) receives, in the operator's order: instance name,
 * secret keys, metastore, Valkey, force-reload.
 */
export function pythonEnv(spec: SupersetSpec, instanceName: string): k8s.EnvVar[] {
  return [
    envValue(ENV.INSTANCE_NAME, instanceName),
    ...secretEnv(ENV.SECRET_KEY, spec, spec.secretKey, spec.secretKeyFrom),
    ...secretEnv(ENV.PREVIOUS_SECRET_KEY, spec, spec.previousSecretKey, spec.previousSecretKeyFrom),
    ...metastoreEnv(spec),
    ...valkeyEnv(spec),
    ...forceReloadEnv(spec),
  ];
}

/** `forceReload` as a variable, so changing it rolls the pods. */
export function forceReloadEnv(spec: SupersetSpec): k8s.EnvVar[] {
  return spec.forceReload ? [envValue(ENV.FORCE_RELOAD, spec.forceReload)] : [];
}

/**
 * User variables with managed ones on top: a managed name keeps its managed value, in the user's position. A
 * variable of the shared env ConfigMap the user also sets is written here with its managed value, since a
 * variable in `env` wins over every `envFrom` source.
 */
export function mergeEnv(user: readonly k8s.EnvVar[] | undefined, managed: readonly k8s.EnvVar[], shared: Labels = {}): k8s.EnvVar[] {
  const named = (user ?? []).filter((env) => Object.prototype.hasOwnProperty.call(shared, env.name));
  const reclaimed = named.map((env) => envValue(env.name, shared[env.name]));
  return mergeByKey((env) => env.name, user, managed, reclaimed);
}

/** A Python pod's managed variables, split by where they are written. */
export interface PlacedEnv {
  /** Written in the container's `env`. */
  readonly env: k8s.EnvVar[];
  /** Plain values read from the instance's shared env ConfigMap; absent when every variable is in `env`. */
  readonly shared?: Labels;
  /** The `envFrom` source of the shared env ConfigMap, after the user's so that it wins over them. */
  readonly envFrom?: k8s.EnvFromSource[];
}

/** Variables that hold a secret: a Development spec may give them inline, and they never enter a ConfigMap. */
const SECRET_VARIABLES: ReadonlySet<string> = new Set([ENV.SECRET_KEY, ENV.PREVIOUS_SECRET_KEY, ENV.DB_URI, ENV.DB_PASS, ENV.VALKEY_PASS]);

/**
 * Places a Python pod's managed variables. The plain values of `pythonEnv` (instance name, metastore and Valkey
 * host, port, database and user) are the same in every Python pod of an instance: with a shared env ConfigMap they
 * come from it through `envFrom`; secrets (references, or inline values in Development), the namespace,
 * `forceReload` and the pod's own variables stay in `env`. Without one (a component built on its own, a hook Job), everything is in `env`.
 */
export function placeEnv(python: readonly k8s.EnvVar[], own: readonly k8s.EnvVar[], sharedConfigMap: string | undefined): PlacedEnv {
  if (sharedConfigMap === undefined) return { env: [...python, ...own] };
  const isShared = (env: k8s.EnvVar) => env.value !== undefined && env.name !== ENV.FORCE_RELOAD && !SECRET_VARIABLES.has(env.name);
  return {
    env: [...python.filter((env) => !isShared(env)), ...own],
    shared: Object.fromEntries(python.filter(isShared).map((env) => [env.name, podValue(env)])),
    envFrom: [{ configMapRef: { name: sharedConfigMap } }],
  };
}
