import type { Violation } from '../../base/errors';
import { isPlainObject } from '../../base/plain-data';
import type { SupersetInstanceProps } from '../../spec';
import { describeValue, violation } from '../violations';

/**
 * A cross-field rule of the operator (a CEL rule of its CRD) or of this library. Props may come from parsed YAML,
 * so rules read them defensively: a field of the wrong type is reported by the structure check, not here.
 */
export type Rule = (props: SupersetInstanceProps, instanceName: string, context: RuleContext) => readonly Violation[];

/** What the props do not say but the construct knows, from where it is created. */
export interface RuleContext {
  /**
   * The chart the instance is created in; absent when props are validated on their own, outside a chart, where
   * rules that depend on it do not run.
   */
  readonly chart?: { readonly namespace?: string };
}

/** A field counts as set the way CEL's `has()` sees it after the API server prunes nulls. */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** The fields of a value the user wrote as an object; none when it is anything else. */
export function fieldsOf(value: unknown): Readonly<Record<string, unknown>> {
  return isPlainObject(value) ? value : {};
}

/** Whether `externalSecrets.<value>` fills in the reference it names (its own rules refuse setting both). */
export function fromStore(props: SupersetInstanceProps, value: string): boolean {
  return isSet(fieldsOf(props.externalSecrets)[value]);
}

/** `prefix.field`, or `field` at the top level. */
export function at(prefix: string, field: string): string {
  return prefix === '' ? field : `${prefix}.${field}`;
}

/** An unset environment means Production, as the CRD defaults it. */
export function isDevelopment(props: SupersetInstanceProps): boolean {
  return props.environment === 'Development';
}

/** The environment as messages show it. */
export function environmentNote(props: SupersetInstanceProps): string {
  return props.environment === undefined
    ? 'environment is unset, which means Production'
    : `environment is ${describeValue(props.environment)}`;
}

/**
 * A field the operator only accepts in Development (an inline secret or a demo feature). `message` is the
 * operator's own wording, so its users recognise it.
 */
export function developmentOnly(
  props: SupersetInstanceProps, path: string, value: unknown, message: string, fix?: string,
): Violation[] {
  if (isDevelopment(props) || !isSet(value)) return [];
  return [violation(path, `${message} (${environmentNote(props)})`, value, fix)];
}

/** The fields of `source` that are set, for showing which ones conflict. */
export function pickSet(source: object, fields: readonly string[]): Record<string, unknown> {
  const record = source as Record<string, unknown>;
  return Object.fromEntries(fields.filter((field) => isSet(record[field])).map((field) => [field, record[field]]));
}
