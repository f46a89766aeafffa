/**
 * Generates `imports/k8s-schema.ts`: the Kubernetes 1.28 schema of every Kubernetes type the `Superset` spec embeds
 * (containers, volumes, probes, affinity, NetworkPolicy rules, HPA metrics...), trimmed to the definitions reachable
 * from those types, with descriptions and patch/list metadata stripped. `src/validate/kubernetes/` walks user
 * values along it at synth time.
 *
 * Usage: tsx scripts/generate-k8s-schema.ts <kubernetes-v1.28.0-definitions.json> > imports/k8s-schema.ts
 *
 * What is taken from where:
 * - Types, properties, required fields, maps (`additionalProperties`), integer formats: the 1.28 definitions.
 * - Enums: the 1.28 definitions carry none in machine-readable form (only `kind`); their descriptions name the
 *   values in free prose. The machine-readable lists come from Kubernetes' OpenAPI v3 `enum`s (Go `+enum` types) as
 *   `kubernetes-models` declares them for its newer Kubernetes, cut down to the values the 1.28 description of the
 *   same field names: a value added after 1.28 (Toleration's `Gt`/`Lt`) is not accepted. An enum is kept only when
 *   the description names at least two values; naming one is a default ("Defaults to HTTP"), not the list, and such
 *   a field gets no enum: an unchecked field is better than a wrong refusal. Nothing is typed in by hand.
 * - Quantity and IntOrString become the formats `quantity` and `int-or-string` (their syntax lives in the walker).
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

interface Definition {
  readonly type?: string;
  readonly $ref?: string;
  readonly format?: string;
  readonly description?: string;
  readonly items?: Definition;
  readonly properties?: Record<string, Definition>;
  readonly additionalProperties?: Definition | boolean;
  readonly required?: string[];
}

/**
 * The Kubernetes types the spec embeds (src/spec/*.ts): the roots the validation starts from. Each is emitted with
 * its TypeScript type from ./k8s (`K8sRootTypes`), so src/validate/spec-shape.ts fails the build when the schema
 * checks a field as another type than the one the spec declares.
 */
const ROOTS = [
  'io.k8s.api.apps.v1.DeploymentStrategy',
  'io.k8s.api.autoscaling.v2.MetricSpec',
  'io.k8s.api.core.v1.Affinity',
  'io.k8s.api.core.v1.Container',
  'io.k8s.api.core.v1.ContainerPort',
  'io.k8s.api.core.v1.EnvFromSource',
  'io.k8s.api.core.v1.EnvVar',
  'io.k8s.api.core.v1.HostAlias',
  'io.k8s.api.core.v1.Lifecycle',
  'io.k8s.api.core.v1.LocalObjectReference',
  'io.k8s.api.core.v1.PodDNSConfig',
  'io.k8s.api.core.v1.PodSecurityContext',
  'io.k8s.api.core.v1.Probe',
  'io.k8s.api.core.v1.ResourceRequirements',
  'io.k8s.api.core.v1.SecurityContext',
  'io.k8s.api.core.v1.Toleration',
  'io.k8s.api.core.v1.TopologySpreadConstraint',
  'io.k8s.api.core.v1.Volume',
  'io.k8s.api.core.v1.VolumeMount',
  'io.k8s.api.networking.v1.IngressTLS',
  'io.k8s.api.networking.v1.NetworkPolicyEgressRule',
  'io.k8s.api.networking.v1.NetworkPolicyIngressRule',
  'io.k8s.api.networking.v1.NetworkPolicyPeer',
];

/** Kubernetes' scalar types, which JSON carries as strings or numbers. */
const SCALARS: Record<string, object> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { format: 'quantity' },
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { format: 'int-or-string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string' },
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': { type: 'string' },
};

const definitions: Record<string, Definition> = JSON.parse(readFileSync(process.argv[2], 'utf8')).definitions;
const refTarget = (ref: string) => ref.replace('#/definitions/', '');
const shortName = (fq: string) => fq.split('.').pop()!;

/** Where kubernetes-models declares the TypeScript interface of a definition, or undefined. */
function modelsDeclaration(fq: string): string | undefined {
  const modules = path.join(__dirname, '..', 'node_modules');
  const meta = /^io\.k8s\.apimachinery\.pkg\.apis\.meta\.(v\w+)\.(\w+)$/.exec(fq);
  if (meta) return path.join(modules, '@kubernetes-models', 'apimachinery', 'apis', 'meta', meta[1], `${meta[2]}.d.ts`);
  const api = /^io\.k8s\.api\.(\w+)\.(v\w+)\.(\w+)$/.exec(fq);
  if (!api) return undefined;
  const [, group, version, kind] = api;
  const folder = group === 'core' ? version
    : path.join(['apps', 'autoscaling', 'batch', 'policy'].includes(group) ? group : `${group}.k8s.io`, version);
  return path.join(modules, 'kubernetes-models', folder, `${kind}.d.ts`);
}

/** The closed string unions (`"a" | "b"`) kubernetes-models declares for the fields of one definition. */
function modelsEnums(fq: string): Map<string, string[]> {
  const file = modelsDeclaration(fq);
  const found = new Map<string, string[]>();
  if (!file || !existsSync(file)) return found;
  // The interface comes first in the file; the class repeating it comes later and is skipped by `has`.
  const line = /^\s*"([A-Za-z0-9_]+)"\??: ((?:"[^"]*"(?: \| )?)+);$/gm;
  for (const match of readFileSync(file, 'utf8').matchAll(line)) {
    if (!found.has(match[1])) found.set(match[1], [...match[2].matchAll(/"([^"]*)"/g)].map((m) => m[1]));
  }
  return found;
}

/** The values of `candidates` the 1.28 description names as words, when it names at least two; else undefined. */
function namedIn(description: string, candidates: readonly string[]): readonly string[] | undefined {
  const named = candidates.filter((value) => /^[A-Za-z0-9]+$/.test(value)
    && new RegExp(`(^|[^A-Za-z0-9])${value}([^A-Za-z0-9]|$)`).test(description));
  return named.length >= 2 ? named : undefined;
}

function node(schema: Definition, enumValues: readonly string[] | undefined, pending: string[]): object {
  if (schema.$ref) {
    const target = refTarget(schema.$ref);
    if (SCALARS[target]) return SCALARS[target];
    pending.push(target);
    return { $ref: target };
  }
  switch (schema.type) {
    case 'string':
      if (enumValues && enumValues.length > 0) return { type: 'string', enum: enumValues };
      return schema.format === 'byte' ? { type: 'string', format: 'byte' } : { type: 'string' };
    case 'integer': return schema.format === 'int32' ? { type: 'integer', format: 'int32' } : { type: 'integer' };
    case 'number': return { type: 'number' };
    case 'boolean': return { type: 'boolean' };
    case 'array': return { type: 'array', items: node(schema.items ?? {}, undefined, pending) };
    case 'object':
      if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        return { type: 'object', additionalProperties: node(schema.additionalProperties, undefined, pending) };
      }
      return { type: 'object' };
    default: throw new Error(`unsupported schema ${JSON.stringify(schema)}`);
  }
}

function definition(fq: string, pending: string[]): object {
  const schema = definitions[fq];
  if (!schema) throw new Error(`no definition ${fq}`);
  if (!schema.properties) return node(schema, undefined, pending);
  const enums = modelsEnums(fq);
  const properties = Object.fromEntries(Object.keys(schema.properties).sort().map((key) => {
    const property = schema.properties![key];
    const candidates = enums.get(key);
    const values = candidates && property.type === 'string' ? namedIn(property.description ?? '', candidates) : undefined;
    return [key, node(property, values, pending)];
  }));
  const required = [...(schema.required ?? [])].sort();
  return required.length > 0 ? { type: 'object', properties, required } : { type: 'object', properties };
}

const emitted = new Map<string, object>();
const pending = [...ROOTS];
while (pending.length > 0) {
  const fq = pending.pop()!;
  if (emitted.has(fq)) continue;
  emitted.set(fq, definition(fq, pending));
}

const sorted = Object.fromEntries([...emitted.keys()].sort().map((fq) => [fq, emitted.get(fq)]));
const rootTypes = ROOTS.map((fq) => `  readonly '${fq}': k8s.${shortName(fq)};`);
process.stdout.write([
  '// Generated by scripts/generate-k8s-schema.ts from the Kubernetes v1.28.0 OpenAPI definitions. Do not edit.',
  '/* eslint-disable */',
  "import type * as k8s from './k8s';",
  '',
  '/** A field\'s schema: a JSON type, a reference to a definition, or a Kubernetes scalar format. */',
  'export interface K8sSchemaNode {',
  "  readonly type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';",
  "  readonly format?: 'int32' | 'byte' | 'quantity' | 'int-or-string';",
  '  readonly $ref?: string;',
  '  readonly enum?: readonly string[];',
  '  readonly items?: K8sSchemaNode;',
  '  /** Present on maps (labels, resource lists): every value has this schema. */',
  '  readonly additionalProperties?: K8sSchemaNode;',
  '  /** Present on structs: any other key is unknown. */',
  '  readonly properties?: { readonly [name: string]: K8sSchemaNode };',
  '  readonly required?: readonly string[];',
  '}',
  '',
  '/** The definitions the spec embeds, with their TypeScript types in ./k8s. */',
  'export interface K8sRootTypes {',
  ...rootTypes,
  '}',
  '',
  // A JSON string, not an object literal: the compiler would pretty-print a literal to four times the size.
  '/** Every definition reachable from the roots. */',
  'export const K8S_DEFINITIONS: { readonly [name: string]: K8sSchemaNode } =',
  `  JSON.parse(${JSON.stringify(JSON.stringify(sorted))});`,
  '',
].join('\n'));
