import type { Infer } from './schema';
import type { INSTANCE_PROPS_SCHEMA } from './spec-schema';
import type { SupersetInstanceProps } from '../spec';

/*
 * One shape for the spec: the documented props interfaces (src/spec, the public API) and the runtime schema that
 * validates them (./spec-schema.ts) must describe the same type. The compiler checks it below, so a field added,
 * removed, renamed, made required or given another type on one side only fails the build
 * (test/validation/spec-shape.test.ts shows each kind of drift being caught).
 */

/** `true` when A and B are the same type (not merely assignable): fields, optionality, readonly and nesting. */
export type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

/** For each top-level field, whether both sides agree; a `false` names the field that drifted. */
export type FieldAgreement<A, B> = {
  readonly [K in keyof A | keyof B]-?: K extends keyof A ? K extends keyof B ? Same<A[K], B[K]> : false : false
};

/** The type the runtime schema validates. */
export type SchemaProps = Infer<typeof INSTANCE_PROPS_SCHEMA>;

/** Compiles only when `T` is `true`. */
type Assert<T extends true> = T;

/** Compiles only when every field of `T` is `true`; an error names the field that is not. */
type AssertEach<T extends { readonly [key: string]: true }> = T;

/** Fails the build when the schema and `SupersetInstanceProps` differ: first per top-level field, then whole. */
export type SpecFieldsAgree = AssertEach<FieldAgreement<SchemaProps, SupersetInstanceProps>>;
export type SpecShapeAgrees = Assert<Same<SchemaProps, SupersetInstanceProps>>;
