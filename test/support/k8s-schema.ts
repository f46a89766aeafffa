/**
 * Offline schema checks for synthesized manifests (there is no API server in the test environment).
 *
 * Two complementary checks:
 * - `unknownFields`: keys that Kubernetes 1.28 does not know (typos, fields added after 1.28, removed API versions).
 *   It uses the 1.28 bindings generated into cdk8s-plus-28 (`lib/imports/k8s.js`): every `toJson_*` function copies
 *   only the fields its type declares, so keys that do not survive the round trip are unknown. It checks keys only.
 * - `validateWithModels`: values (required fields, types, enums, patterns, CRD bounds) against the `kubernetes-models`
 *   JSON schemas. Those schemas accept unknown fields and are newer than 1.28, hence the first check.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import camelcase from 'camelcase';
import * as k8sBindings from 'cdk8s-plus-28/lib/imports/k8s';
import * as externalSecretsBindings from '../../imports/external-secrets.io';
import * as gatewayBindings from '../../imports/gateway.networking.k8s.io';
import * as kedaBindings from '../../imports/keda.sh';
import * as monitoringBindings from '../../imports/monitoring.coreos.com';

/** API groups served by CRDs, not by Kubernetes itself. Keep in sync with CRD_PACKAGES in validate-models.mjs. */
export const CRD_GROUPS: readonly string[] = ['gateway.networking.k8s.io', 'monitoring.coreos.com'];

/**
 * API groups with no `@kubernetes-models` package: checked against the bindings generated from their official CRDs
 * only (unknown fields here; required fields and enums by the bindings' TypeScript types where the library builds them).
 */
export const BINDING_ONLY_GROUPS: readonly string[] = ['external-secrets.io', 'keda.sh'];

/**
 * The bindings fields are checked against: Kubernetes 1.28 (from cdk8s-plus-28), and the CRD bindings this library
 * emits with (imports/: HTTPRoute of Gateway API v1.2.1, ServiceMonitor and PrometheusRule of prometheus-operator).
 */
const BINDINGS: readonly object[] = [k8sBindings, gatewayBindings, monitoringBindings, externalSecretsBindings, kedaBindings];

/** One manifest's result from {@link validateWithModels}; `errors` is empty when the manifest is valid. */
export interface ModelsResult {
  readonly name: string;
  readonly kind: string;
  readonly errors: string[];
}

type ToJson = (props: unknown) => unknown;

/** `apiVersion kind` -> the 1.28 `toJson_Kube<Kind>[<Version>]Props`, read from each class's GVK rather than guessed from names. */
const PROPS_TO_JSON: ReadonlyMap<string, ToJson> = (() => {
  const byGvk = new Map<string, ToJson>();
  for (const bindings of BINDINGS) {
    const exported = bindings as Record<string, unknown>;
    for (const [name, value] of Object.entries(exported)) {
      const gvk = (value as { GVK?: { apiVersion: string; kind: string } } | undefined)?.GVK;
      const toJson = exported[`toJson_${name}Props`];
      if (typeof value === 'function' && gvk && typeof toJson === 'function') {
        byGvk.set(`${gvk.apiVersion} ${gvk.kind}`, toJson as ToJson);
      }
    }
  }
  return byGvk;
})();

// The property names the bindings read, as json2jsii derives them from JSON names (json2jsii emitProperty):
// e.g. setHostnameAsFQDN -> setHostnameAsFqdn, hostIPC -> hostIpc.
const PROHIBITED_MEMBER_NAMES = ['build', 'equals', 'hashcode'];
function bindingName(jsonName: string): string {
  const name = camelcase(jsonName.replace(/^\$/, '').replace(/\//, '_'));
  return PROHIBITED_MEMBER_NAMES.includes(name.toLowerCase()) ? `${name}_` : name;
}

/**
 * A primitive on its way through a `toJson_*` function. The bindings treat quantities and int-or-strings as objects
 * (`x?.value`) and timestamps as Dates (`x?.toISOString()`); a wrapped leaf answers both, and `map` so that a scalar
 * given where a list belongs passes through instead of throwing (wrong shapes are the models check's job).
 */
class Leaf {
  constructor(public readonly value: unknown) {}
  toISOString(): unknown {
    return this.value;
  }
  map(): Leaf {
    return this;
  }
}

/**
 * Presents plain JSON the way the bindings read it: objects answer binding names (camelCase) by looking up the JSON key
 * that maps to them, while `Object.entries` (used for maps such as labels) still sees the original keys. So a struct
 * comes out under its JSON names, a map under its own keys, and a key like `image_pull_policy` that merely camel-cases
 * to a known name does not come out under its own name, which is what reports it.
 */
function wrap(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(wrap);
  if (value === null || typeof value !== 'object') return new Leaf(value);
  // A copy: a Proxy may not answer differently from the target's own non-configurable properties (frozen input).
  const target: Record<string, unknown> = { ...value };
  let byBindingName: Map<string, string> | undefined;
  return new Proxy(target, {
    get(t, prop) {
      if (typeof prop !== 'string') return Reflect.get(t, prop);
      if (Object.prototype.hasOwnProperty.call(t, prop)) return wrap(t[prop]);
      if (!byBindingName) {
        byBindingName = new Map();
        for (const key of Object.keys(t)) {
          const name = bindingName(key);
          // An exact match wins; otherwise the first key that camel-cases to the name.
          if (!byBindingName.has(name)) byBindingName.set(name, key);
        }
      }
      const key = byBindingName.get(prop);
      if (key !== undefined) return wrap(t[key]);
      // An object where a scalar or list belongs: pass it through like a leaf (the models check reports the type).
      if (prop === 'value') return new Leaf(t);
      if (prop === 'map' || prop === 'toISOString') return () => new Leaf(t);
      return undefined;
    },
  });
}

function pointer(parent: string, key: string | number): string {
  return `${parent}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** Collects the JSON pointers of keys in `input` that are missing from the round-tripped `output`. */
function collectUnknown(input: unknown, output: unknown, at: string, found: string[]): void {
  if (input === null || typeof input !== 'object') return;
  // A leaf in the output means the bindings took the value as opaque (wrong shape or an untyped field): nothing to compare.
  if (output instanceof Leaf) return;
  if (output === null || typeof output !== 'object') {
    found.push(at || '/');
    return;
  }
  if (Array.isArray(input)) {
    if (Array.isArray(output)) input.forEach((item, i) => collectUnknown(item, output[i], pointer(at, i), found));
    return;
  }
  const out = output as Record<string, unknown>;
  for (const [key, value] of Object.entries(input)) {
    if (!Object.prototype.hasOwnProperty.call(out, key)) found.push(pointer(at, key));
    else collectUnknown(value, out[key], pointer(at, key), found);
  }
}

function identify(manifest: object): { apiVersion: string; kind: string; name: string } {
  const m = manifest as { apiVersion?: unknown; kind?: unknown; metadata?: { name?: unknown } };
  return {
    apiVersion: String(m.apiVersion),
    kind: String(m.kind),
    name: typeof m.metadata?.name === 'string' ? m.metadata.name : '',
  };
}

/**
 * Returns the JSON pointers (e.g. `/spec/replica`) of fields unknown to Kubernetes 1.28, or for the CRDs to the
 * imported bindings (HTTPRoute of Gateway API v1.2.1, ServiceMonitor, PrometheusRule); empty means none. Throws for
 * an apiVersion/kind with no binding (including removed versions such as policy/v1beta1). Checks keys only, not
 * values: use {@link validateWithModels} too.
 */
export function unknownFields(manifest: object): string[] {
  const { apiVersion, kind } = identify(manifest);
  const toJson = PROPS_TO_JSON.get(`${apiVersion} ${kind}`);
  if (!toJson) throw new Error(`Kubernetes 1.28 and the imported CRDs have no type for apiVersion ${apiVersion}, kind ${kind}`);
  // apiVersion and kind are not part of the props; they were checked above.
  const { apiVersion: _apiVersion, kind: _kind, ...props } = manifest as Record<string, unknown>;
  const found: string[] = [];
  collectUnknown(props, toJson(wrap(props)), '', found);
  return found;
}

const VALIDATE_SCRIPT = path.join(__dirname, 'validate-models.mjs');

/**
 * Validates manifests against the `kubernetes-models` schemas (values, not unknown fields) in one child process,
 * because those packages are ESM-only and cannot load in jest. Returns one result per manifest, in input order.
 * CRD groups in {@link CRD_GROUPS} are validated with their `@kubernetes-models` packages.
 */
export function validateWithModels(manifests: object[]): ModelsResult[] {
  if (manifests.length === 0) return [];
  const child = spawnSync(process.execPath, [VALIDATE_SCRIPT], {
    input: JSON.stringify(manifests),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  // Exit code 1 only means "some manifest is invalid"; anything else means the check itself did not run.
  if (child.error || (child.status !== 0 && child.status !== 1)) {
    throw new Error(`validate-models.mjs failed (status ${child.status}): ${child.error?.message ?? child.stderr}`);
  }
  const results = JSON.parse(child.stdout) as ModelsResult[];
  if (results.length !== manifests.length) {
    throw new Error(`validate-models.mjs returned ${results.length} results for ${manifests.length} manifests`);
  }
  return results;
}

/**
 * Asserts that every manifest passes both checks; on failure, throws one error listing each failing manifest as
 * `apiVersion kind name` followed by its problems.
 */
export function expectValidManifests(manifests: object[]): void {
  const bindingOnly = (manifest: object) => BINDING_ONLY_GROUPS.includes(identify(manifest).apiVersion.split('/')[0]);
  const models = validateWithModels(manifests.filter((manifest) => !bindingOnly(manifest)));
  const failures: string[] = [];
  let modelIndex = 0;
  manifests.forEach((manifest) => {
    const { apiVersion, kind, name } = identify(manifest);
    const problems = bindingOnly(manifest) ? [] : models[modelIndex++].errors.map(e => `schema: ${e}`);
    try {
      problems.push(...unknownFields(manifest).map(p => `unknown field: ${p}`));
    } catch (e) {
      problems.push(`unknown-field check: ${(e as Error).message}`);
    }
    if (problems.length > 0) failures.push([`${apiVersion} ${kind} ${name || '(no name)'}`, ...problems].join('\n  '));
  });
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${manifests.length} manifests are invalid:\n${failures.join('\n')}`);
  }
}
