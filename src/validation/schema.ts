/*
 * A small description language for the structure of the props: which fields exist, their types, and the
 * per-field limits of the operator's CRD (enums, ranges, patterns, lengths, required fields). Cross-field rules
 * are not described here; they are rule functions in ./rules.
 */

/** A syntax rule for strings, with the words that explain it. */
export interface Format {
  /** What must hold, e.g. `must be a DNS label (...)`. */
  readonly rule: string;
  readonly test: (value: string) => boolean;
  /** An example or hint, when useful. */
  readonly fix?: string;
}

export interface StringSchema {
  readonly kind: 'string';
  readonly enum?: readonly string[];
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly format?: Format;
}

export interface IntegerSchema {
  readonly kind: 'integer';
  readonly minimum?: number;
  readonly maximum?: number;
}

export interface BooleanSchema {
  readonly kind: 'boolean';
}

/** Kubernetes IntOrString as PodDisruptionBudgets read it: a non-negative integer or a percentage. */
export interface IntOrPercentSchema {
  readonly kind: 'intOrPercent';
}

export interface ObjectSchema {
  readonly kind: 'object';
  readonly fields: { readonly [name: string]: Schema };
  readonly required?: readonly string[];
  /** Fields the operator's type deliberately lacks, with the reason, shown instead of a spelling hint. */
  readonly unsupported?: { readonly [name: string]: string };
}

/** An object with free keys, such as labels or feature flags. */
export interface MapSchema {
  readonly kind: 'map';
  readonly values: Schema;
  readonly keys?: Format;
}

export interface ArraySchema {
  readonly kind: 'array';
  readonly items: Schema;
}

/** A Kubernetes structure passed through as is (affinity, probes, volumes...): only its JSON type is checked. */
export interface OpaqueSchema {
  readonly kind: 'opaque';
  readonly shape: 'object' | 'array';
}

export type Schema =
  | StringSchema | IntegerSchema | BooleanSchema | IntOrPercentSchema
  | ObjectSchema | MapSchema | ArraySchema | OpaqueSchema;

export const STRING: StringSchema = { kind: 'string' };
export const BOOLEAN: BooleanSchema = { kind: 'boolean' };
export const INTEGER: IntegerSchema = { kind: 'integer' };
export const INT_OR_PERCENT: IntOrPercentSchema = { kind: 'intOrPercent' };
export const OPAQUE_OBJECT: OpaqueSchema = { kind: 'opaque', shape: 'object' };
export const OPAQUE_ARRAY: OpaqueSchema = { kind: 'opaque', shape: 'array' };

export function string(options: Omit<StringSchema, 'kind'>): StringSchema {
  return { kind: 'string', ...options };
}

export function oneOf(...values: string[]): StringSchema {
  return { kind: 'string', enum: values };
}

export function integer(minimum?: number, maximum?: number): IntegerSchema {
  return { kind: 'integer', minimum, maximum };
}

export function object(
  fields: ObjectSchema['fields'], required?: readonly string[], unsupported?: ObjectSchema['unsupported'],
): ObjectSchema {
  return { kind: 'object', fields, required, unsupported };
}

export function arrayOf(items: Schema): ArraySchema {
  return { kind: 'array', items };
}

export function mapOf(values: Schema, keys?: Format): MapSchema {
  return { kind: 'map', values, keys };
}
