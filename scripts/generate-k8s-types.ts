/**
 * Generates `imports/k8s.ts`: plain-JSON, read-only TypeScript types for the Kubernetes objects this library
 * reads from users (pod templates, probes, volumes, ...) and writes into manifests.
 *
 * Why not cdk8s-plus-28's `k8s` types: those model quantities and int-or-strings as classes, so a `Superset`
 * resource parsed from YAML (where `cpu: 500m` is a plain string) would not fit them. These types describe the
 * JSON exactly as Kubernetes 1.28 accepts it, so `{ name: metadata.name, ...spec }` type-checks as it is.
 *
 * For each kind in ROOTS it also writes a class `Kube<Kind>`: an `ApiObject` whose props are that object as
 * Kubernetes reads it, so every built-in object the library emits is a typed child, as the CRD bindings are. They
 * share `PlainApiObject` (PLAIN_API_OBJECT below), which synthesizes plain props without cdk8s' token resolution.
 *
 * Usage: tsx scripts/generate-k8s-types.ts <kubernetes-v1.28.0-definitions.json> > imports/k8s.ts
 * Descriptions are deliberately not copied: the output is a binding, not documentation.
 */
import { readFileSync } from 'node:fs';

interface Schema {
  readonly 'type'?: string;
  readonly '$ref'?: string;
  readonly 'items'?: Schema;
  readonly 'properties'?: Record<string, Schema>;
  readonly 'additionalProperties'?: Schema | boolean;
  readonly 'required'?: string[];
  readonly 'enum'?: unknown[];
  readonly 'oneOf'?: Schema[];
  readonly 'x-kubernetes-group-version-kind'?: unknown[];
}

/** The definitions the library uses directly; everything they reference is generated too. */
const ROOTS = [
  'io.k8s.api.apps.v1.Deployment',
  'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
  'io.k8s.api.batch.v1.CronJob',
  'io.k8s.api.batch.v1.Job',
  'io.k8s.api.core.v1.ConfigMap',
  'io.k8s.api.core.v1.Secret',
  'io.k8s.api.core.v1.PersistentVolumeClaim',
  'io.k8s.api.core.v1.Service',
  'io.k8s.api.core.v1.ServiceAccount',
  'io.k8s.api.networking.v1.Ingress',
  'io.k8s.api.networking.v1.NetworkPolicy',
  'io.k8s.api.policy.v1.PodDisruptionBudget',
];

/** Kubernetes' own scalar formats, which JSON carries as strings or numbers. */
const SCALARS: Record<string, string> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'number | string',
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'number | string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 'string',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'string',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': '{ readonly [key: string]: unknown }',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': '{ readonly [key: string]: unknown }',
};

const definitions: Record<string, Schema> = JSON.parse(readFileSync(process.argv[2], 'utf8')).definitions;

const shortName = (fq: string) => fq.split('.').pop()!;
const refTarget = (ref: string) => ref.replace('#/definitions/', '');

function typeOf(schema: Schema, pending: string[]): string {
  if (schema.$ref) {
    const target = refTarget(schema.$ref);
    if (SCALARS[target]) return SCALARS[target];
    pending.push(target);
    return shortName(target);
  }
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  switch (schema.type) {
    case 'string': return 'string';
    case 'integer':
    case 'number': return 'number';
    case 'boolean': return 'boolean';
    case 'array': return `readonly (${typeOf(schema.items ?? {}, pending)})[]`;
    case 'object':
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        return `{ readonly [key: string]: ${typeOf(schema.additionalProperties, pending)} }`;
      }
      return '{ readonly [key: string]: unknown }';
    default: return 'unknown';
  }
}

function emitInterface(fq: string, schema: Schema, pending: string[]): string {
  const isTopLevelKind = Boolean(schema['x-kubernetes-group-version-kind']);
  const required = new Set(schema.required ?? []);
  const lines = Object.keys(schema.properties ?? {}).sort()
    // Manifests never carry status; leaving it out keeps it from being written by mistake.
    .filter((key) => !(isTopLevelKind && key === 'status'))
    .map((key) => {
      const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : JSON.stringify(key);
      return `  readonly ${name}${required.has(key) ? '' : '?'}: ${typeOf(schema.properties![key], pending)};`;
    });
  return [`/** ${fq} */`, `export interface ${shortName(fq)} {`, ...lines, '}'].join('\n');
}

const emitted = new Map<string, string>();
const byShortName = new Map<string, string>();
const pending = [...ROOTS];
while (pending.length > 0) {
  const fq = pending.pop()!;
  if (emitted.has(fq)) continue;
  const other = byShortName.get(shortName(fq));
  if (other && other !== fq) throw new Error(`two definitions share the name ${shortName(fq)}: ${other} and ${fq}`);
  byShortName.set(shortName(fq), fq);
  const schema = definitions[fq];
  if (!schema) throw new Error(`no definition ${fq}`);
  emitted.set(fq, emitInterface(fq, schema, pending));
}

/**
 * The base of every `Kube<Kind>`. cdk8s' `ApiObject.toJson()` resolves tokens in every value of the props, looking up
 * the app and copying the key path at each node, then copies the whole tree again to sort and clean it: a fifth of the
 * time of synthesizing many instances. These props are plain JSON by their types, so one pass that copies, sorts and
 * cleans them gives the same document, as long as nothing in them could be resolved: only the app's built-in
 * resolvers, no JSON patch, and only strings, numbers, booleans, `null`, `undefined`, arrays and plain objects. Any
 * other value (a `Lazy`, an object with `resolve()`, a class instance, a function) takes `super.toJson()` unchanged.
 */
const PLAIN_API_OBJECT = `
/** What \`plainJson\` returns for a value that only cdk8s' resolution can synthesize. */
const NOT_PLAIN: unique symbol = Symbol('not plain');

/**
 * A copy of plain JSON as \`ApiObject.toJson()\` writes it (keys sorted when \`sortKeys\`, \`null\` and \`undefined\`
 * dropped from objects and written as \`undefined\` in arrays), or NOT_PLAIN when a value is one a resolver could
 * replace or the sanitizer refuses.
 */
function plainJson(value: unknown, sortKeys: boolean): unknown {
  if (value === null || value === undefined) return undefined;
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return value;
  if (type !== 'object') return NOT_PLAIN;
  // What the built-in resolvers replace: an object with resolve(), and one that is not a plain object with a
  // string or number \`value\` (cdk8s' number-or-string unions).
  const token = value as { readonly resolve?: unknown; readonly value?: unknown };
  if (typeof token.resolve === 'function') return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype || typeof token.value === 'string' || typeof token.value === 'number') return NOT_PLAIN;
    // Allocated at its length: grown by push, small arrays would keep spare capacity for as long as the document.
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      // A hole, which cdk8s keeps as one.
      if (element === undefined && !(i in value)) return NOT_PLAIN;
      const item = plainJson(element, sortKeys);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      copy[i] = item;
    }
    return copy;
  }
  // cdk8s' sanitizer refuses an object whose constructor is not Object, an own \`constructor\` key included.
  if (Object.getPrototypeOf(value) !== Object.prototype || (value as { readonly constructor?: unknown }).constructor !== Object) return NOT_PLAIN;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (sortKeys) sortStrings(keys);
  const copy: Record<string, unknown> = {};
  for (const key of keys) {
    const item = plainJson(record[key], sortKeys);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    if (item !== undefined) copy[key] = item;
  }
  return copy;
}

/**
 * Sorts keys in place as \`Array.prototype.sort()\` does (by UTF-16 code units): by insertion when there are few, as
 * in nearly every object of a manifest, where the built-in sort's generic comparison was half the time of the copy.
 */
function sortStrings(keys: string[]): void {
  if (keys.length > 16) {
    keys.sort();
    return;
  }
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > key) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = key;
  }
}

/** Whether an app resolves with cdk8s' built-in resolvers only, which change no plain value. */
function builtInResolversOnly(resolvers: readonly unknown[] | undefined): boolean {
  return resolvers !== undefined && resolvers.length === 3 && resolvers[0] instanceof LazyResolver
    && resolvers[1] instanceof ImplicitTokenResolver && resolvers[2] instanceof NumberStringUnionResolver;
}

/**
 * An \`ApiObject\` whose props are plain JSON: synthesized in one pass, to exactly what \`ApiObject.toJson()\` writes,
 * when nothing in it needs cdk8s' token resolution (no resolver of the app's own, no JSON patch, no token).
 */
export abstract class PlainApiObject extends ApiObject {
  private readonly manifest: ApiObjectProps;
  private patched = false;

  protected constructor(scope: Construct, id: string, props: ApiObjectProps) {
    super(scope, id, props);
    this.manifest = props;
  }

  public override addJsonPatch(...ops: JsonPatch[]): void {
    this.patched = true;
    super.addJsonPatch(...ops);
  }

  public override toJson(): any {
    if (this.patched || !builtInResolversOnly(App.of(this).resolvers)) return super.toJson();
    let json: unknown;
    try {
      json = plainJson({ ...this.manifest, metadata: this.metadata.toJson() }, !process.env.CDK8S_DISABLE_SORT);
    } catch {
      return super.toJson();
    }
    if (json === NOT_PLAIN) return super.toJson();
    const document = json as Record<string, unknown>;
    // apiVersion, kind and metadata first, as ApiObject.toJson() orders them.
    const result: Record<string, unknown> = {};
    for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(document)]) {
      if (key in document) result[key] = document[key];
    }
    return result;
  }
}`;

/**
 * `Kube<Kind>`: a typed `ApiObject` for each kind the library emits. Its props copy is kept for the object's life, so
 * it is made with `Object.assign`: a double spread gives every copy a hidden class of its own on Node 20.
 */
function emitClass(fq: string): string {
  const gvk = (definitions[fq]['x-kubernetes-group-version-kind'] as { group: string; version: string; kind: string }[])[0];
  const apiVersion = gvk.group ? `${gvk.group}/${gvk.version}` : gvk.version;
  const kind = gvk.kind;
  return [
    `/** Props of a \`Kube${kind}\`: the \`${apiVersion}\` \`${kind}\` as Kubernetes reads it, \`apiVersion\` and \`kind\` implied. */`,
    `export interface Kube${kind}Props extends Omit<${shortName(fq)}, 'apiVersion' | 'kind'> {}`,
    '',
    `/** A \`${apiVersion}\` \`${kind}\`, written as given. */`,
    `export class Kube${kind} extends PlainApiObject {`,
    `  /** The API version and kind of every \`Kube${kind}\`. */`,
    `  public static readonly GVK: GroupVersionKind = { apiVersion: ${JSON.stringify(apiVersion)}, kind: ${JSON.stringify(kind)} };`,
    '',
    `  public constructor(scope: Construct, id: string, props: Kube${kind}Props) {`,
    `    super(scope, id, Object.assign({}, props, Kube${kind}.GVK) as ApiObjectProps);`,
    '  }',
    '}',
  ].join('\n');
}

const body = [...emitted.entries()]
  .sort(([a], [b]) => shortName(a).localeCompare(shortName(b)))
  .map(([, text]) => text)
  .join('\n\n');
const classes = [...ROOTS].sort((a, b) => shortName(a).localeCompare(shortName(b))).map(emitClass).join('\n\n');
process.stdout.write([
  '// Generated by scripts/generate-k8s-types.ts from the Kubernetes v1.28.0 OpenAPI definitions. Do not edit.',
  '/* eslint-disable */',
  'import {',
  '  ApiObject, type ApiObjectProps, App, type GroupVersionKind, ImplicitTokenResolver, type JsonPatch, LazyResolver,',
  '  NumberStringUnionResolver,',
  "} from 'cdk8s';",
  "import type { Construct } from 'constructs';",
  '',
  body,
  PLAIN_API_OBJECT,
  '',
  classes,
  '',
].join('\n'));
