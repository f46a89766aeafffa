import type { K8sRootTypes } from '../../imports/k8s-schema';

/*
 * A small description language for the structure of the props: which fields exist, their types, and the
 * per-field limits of the operator's CRD (enums, ranges, patterns, lengths, required fields). Cross-field rules
 * are not described here; they are rule functions in ./rules.
 *
 * Every schema carries, at the type level only, the TypeScript type of the values it accepts (`Infer<S>`), so the
 * compiler can hold the runtime schema and the documented props interfaces to one shape (see ./spec-shape.ts).
 */

declare const TYPE: unique symbol;

/** The TypeScript type a schema accepts; never present at run time. */
interface Typed<T> {
  readonly [TYPE]?: T;
}

/** The TypeScript type of the values a schema accepts. */
export type Infer<S> = S extends Typed<infer T> ? T : never;

/** A syntax rule for strings, with the words that explain it. */
export interface Format {
  /** What must hold, e.g. `must be a DNS label (...)`. */
  readonly rule: string;
  readonly test: (value: string) => boolean;
  /** An example or hint, when useful. */
  readonly fix?: string;
}

export interface StringSchema<T extends string = string> extends Typed<T> {
  readonly kind: 'string';
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly format?: Format;
}

export interface IntegerSchema extends Typed<number> {
  readonly kind: 'integer';
  readonly minimum?: number;
  readonly maximum?: number;
  /** How to get what an out-of-range value was meant for, when another field does it. */
  readonly fix?: string;
}

export interface BooleanSchema extends Typed<boolean> {
  readonly kind: 'boolean';
}

/** Kubernetes IntOrString as PodDisruptionBudgets read it: a non-negative integer or a percentage. */
export interface IntOrPercentSchema extends Typed<number | string> {
  readonly kind: 'intOrPercent';
}

export interface ObjectSchema<T = unknown> extends Typed<T> {
  readonly kind: 'object';
  readonly fields: { readonly [name: string]: Schema };
  readonly required?: readonly string[];
  /** Fields the operator's type deliberately lacks, with the reason, shown instead of a spelling hint. */
  readonly unsupported?: { readonly [name: string]: string };
  /**
   * True for an object that holds credentials (metastore, Valkey): the value of an unknown field below it is never
   * shown, since a misplaced password or URL is a secret all the same.
   */
  readonly secret?: boolean;
  /** True for a refinement (see `refined`) that checks some fields and leaves the others to its base. */
  readonly open?: boolean;
}

/** An object with free keys, such as labels or feature flags. */
export interface MapSchema<T = unknown> extends Typed<T> {
  readonly kind: 'map';
  readonly values: Schema;
  readonly keys?: Format;
}

export interface ArraySchema<T = unknown> extends Typed<T> {
  readonly kind: 'array';
  readonly items: Schema;
}

/** A Kubernetes type embedded in the spec, checked against the official schema (imports/k8s-schema.ts). */
export interface KubernetesSchema<T = unknown> extends Typed<T> {
  readonly kind: 'kubernetes';
  /** The definition's name, e.g. `io.k8s.api.core.v1.Container`. */
  readonly definition: string;
}

/** Any JSON value, for free-form configuration passed through as written (the websocket server's config). */
export interface JsonSchema extends Typed<unknown> {
  readonly kind: 'json';
}

/**
 * A value checked by `base` and also by the stricter `extra` (a Kubernetes type plus the rules Kubernetes applies
 * beyond its schema, such as port ranges). A field `base` already reports is not reported twice.
 */
export interface RefinedSchema<T = unknown> extends Typed<T> {
  readonly kind: 'refined';
  readonly base: Schema;
  readonly extra: Schema;
}

export type Schema =
  | StringSchema | IntegerSchema | BooleanSchema | IntOrPercentSchema
  | ObjectSchema | MapSchema | ArraySchema | KubernetesSchema | JsonSchema | RefinedSchema;

export const STRING: StringSchema = { kind: 'string' };
export const BOOLEAN: BooleanSchema = { kind: 'boolean' };
export const INTEGER: IntegerSchema = { kind: 'integer' };
export const INT_OR_PERCENT: IntOrPercentSchema = { kind: 'intOrPercent' };
export const JSON_DATA: JsonSchema = { kind: 'json' };

export function string(options: Omit<StringSchema, 'kind'>): StringSchema {
  return { kind: 'string', ...options };
}

export function oneOf<V extends string>(...values: V[]): StringSchema<V> {
  return { kind: 'string', enum: values };
}

export function integer(minimum?: number, maximum?: number, fix?: string): IntegerSchema {
  return { kind: 'integer', minimum, maximum, fix };
}

type Fields = { readonly [name: string]: Schema };

/** Spells an intersection out as one object type, so that it compares equal to an interface. */
type Flatten<T> = { [K in keyof T]: T[K] };

/** The object type of `fields`, with `R` required and the rest optional, every property read-only. */
export type ObjectOf<F extends Fields, R extends keyof F> = Flatten<
  { readonly [K in Exclude<keyof F, R>]?: Infer<F[K]> } & { readonly [K in R]: Infer<F[K]> }
>;

export interface ObjectOptions {
  readonly unsupported?: ObjectSchema['unsupported'];
  readonly secret?: boolean;
  readonly open?: boolean;
}

export function object<F extends Fields, R extends keyof F & string = never>(
  fields: F, required: readonly R[] = [], options: ObjectOptions = {},
  // NoInfer: `R` comes from `required` alone, never from the type an enclosing schema expects.
): ObjectSchema<NoInfer<ObjectOf<F, R>>> {
  return { kind: 'object', fields, required, ...options };
}

export function arrayOf<S extends Schema>(items: S): ArraySchema<Infer<S>[]> {
  return { kind: 'array', items };
}

export function mapOf<S extends Schema>(values: S, keys?: Format): MapSchema<{ readonly [key: string]: Infer<S> }> {
  return { kind: 'map', values, keys };
}

/** A Kubernetes type the spec embeds, by its definition name; its TypeScript type is the generated binding's. */
export function kubernetes<D extends keyof K8sRootTypes>(definition: D): KubernetesSchema<K8sRootTypes[D]> {
  return { kind: 'kubernetes', definition };
}

/** A list of a Kubernetes type. */
export function kubernetesList<D extends keyof K8sRootTypes>(definition: D): ArraySchema<K8sRootTypes[D][]> {
  return arrayOf(kubernetes(definition));
}

/** `base`, with the further limits of `extra`; the value's type is `base`'s. */
export function refined<S extends Schema>(base: S, extra: Schema): RefinedSchema<Infer<S>> {
  return { kind: 'refined', base, extra };
}
