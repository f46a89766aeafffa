import { checkJsonData } from './json-data';
import { checkKubernetes } from './kubernetes/check-kubernetes';
import type {
  ArraySchema, Format, IntegerSchema, MapSchema, ObjectSchema, RefinedSchema, Schema, StringSchema,
} from './schema';
import { closestMatch } from './suggest';
import { hiddenViolation, isSecretName, missing, violation } from './violations';
import type { Violation } from '../base/errors';
import { isWellFormedText, UNICODE_RULE } from '../base/patterns';
import { isPlainObject } from '../base/plain-data';

/*
 * Walks a value along a schema and reports wrong types, unknown fields, missing required fields, enums, ranges,
 * lengths and formats. Props may come from parsed YAML, so nothing about the value's shape is assumed.
 * Order is stable: missing required fields, then known fields in schema order, then unknown fields sorted.
 */

/**
 * Everything structurally wrong with `value` at `path`. `secret` is true below an object that holds credentials,
 * where unknown fields are reported without their value.
 */
export function checkStructure(value: unknown, schema: Schema, path: string, secret = false): Violation[] {
  switch (schema.kind) {
    case 'string': return checkString(value, schema, path);
    case 'integer': return checkInteger(value, schema, path);
    case 'boolean': return typeof value === 'boolean' ? [] : [violation(path, 'must be true or false', value)];
    case 'intOrPercent': return checkIntOrPercent(value, path);
    case 'object': return checkObject(value, schema, path, secret || schema.secret === true);
    case 'map': return checkMap(value, schema, path, secret);
    case 'array': return checkArray(value, schema, path, secret);
    case 'kubernetes': return checkKubernetes(value, schema.definition, path, secret);
    case 'json': return checkJsonData(value, path);
    case 'refined': return checkRefined(value, schema, path, secret);
  }
}

/** Own keys only: a user key such as `constructor` must not match something on Object.prototype. */
function hasOwn(record: object | undefined, key: string): boolean {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key);
}

function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function quoteAll(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}

function checkFormat(value: string, format: Format | undefined, path: string): Violation[] {
  return format && !format.test(value) ? [violation(path, format.rule, value, format.fix)] : [];
}

function lengthRule({ minLength, maxLength }: StringSchema): string | undefined {
  if (minLength !== undefined && maxLength !== undefined) return `must be ${minLength} to ${maxLength} characters long`;
  if (minLength === 1) return 'must not be empty';
  if (minLength !== undefined) return `must be at least ${minLength} characters long`;
  if (maxLength !== undefined) return `must be at most ${maxLength} characters long`;
  return undefined;
}

function checkString(value: unknown, schema: StringSchema, path: string): Violation[] {
  if (schema.enum) {
    if (typeof value === 'string' && schema.enum.includes(value)) return [];
    const guess = typeof value === 'string' ? closestMatch(value, schema.enum) : undefined;
    return [violation(path, `must be one of ${quoteAll(schema.enum)}`, value, guess && `did you mean '${guess}'?`)];
  }
  if (typeof value !== 'string') return [violation(path, 'must be a string', value)];
  if (!isWellFormedText(value)) return [violation(path, UNICODE_RULE, value)];
  const tooShort = schema.minLength !== undefined && value.length < schema.minLength;
  const tooLong = schema.maxLength !== undefined && value.length > schema.maxLength;
  if (tooShort) return [violation(path, lengthRule(schema)!, value)];
  // A string that is too long may also break the syntax: both are reported at once.
  return [...(tooLong ? [violation(path, lengthRule(schema)!, value)] : []), ...checkFormat(value, schema.format, path)];
}

function integerRule({ minimum, maximum }: IntegerSchema): string {
  if (minimum !== undefined && maximum !== undefined) return `must be an integer in ${minimum}-${maximum}`;
  if (minimum !== undefined) return `must be an integer >= ${minimum}`;
  if (maximum !== undefined) return `must be an integer <= ${maximum}`;
  return 'must be an integer';
}

function checkInteger(value: unknown, schema: IntegerSchema, path: string): Violation[] {
  const ok = typeof value === 'number' && Number.isSafeInteger(value)
    && (schema.minimum === undefined || value >= schema.minimum)
    && (schema.maximum === undefined || value <= schema.maximum);
  return ok ? [] : [violation(path, integerRule(schema), value, schema.fix)];
}

function checkIntOrPercent(value: unknown, path: string): Violation[] {
  const ok = (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0)
    || (typeof value === 'string' && /^[0-9]+%$/.test(value));
  return ok ? [] : [violation(path, 'must be a non-negative integer or a percentage such as \'25%\'', value)];
}

function unknownField(path: string, key: string, value: unknown, schema: ObjectSchema, secret: boolean): Violation {
  if (hasOwn(schema.unsupported, key)) {
    return violation(path, 'unknown field', value, `${schema.unsupported![key]}; remove it`);
  }
  const guess = closestMatch(key, Object.keys(schema.fields));
  const fix = guess ? `did you mean '${guess}'?` : 'remove it';
  // A misspelt secret field holds a secret all the same, and so may any stray field next to credentials.
  return secret || isSecretName(key) || (guess && isSecretName(guess))
    ? hiddenViolation(path, 'unknown field', fix)
    : violation(path, 'unknown field', value, fix);
}

/** What to add for a missing required field, with the kind of value it takes. */
function requiredFix(key: string, schema: Schema | undefined): string {
  const what = schema && expectedValue(schema);
  return what ? `add ${key} (${what})` : `add ${key}`;
}

function expectedValue(schema: Schema): string | undefined {
  switch (schema.kind) {
    case 'string':
      if (schema.enum) return `one of ${schema.enum.map((v) => `'${v}'`).join(', ')}`;
      return (schema.minLength ?? 0) > 0 ? 'a non-empty string' : 'a string';
    case 'integer':
      if (schema.minimum !== undefined && schema.maximum !== undefined) return `an integer from ${schema.minimum} to ${schema.maximum}`;
      if (schema.minimum !== undefined) return `an integer >= ${schema.minimum}`;
      return 'an integer';
    case 'boolean': return 'true or false';
    case 'object': return schema.required?.length ? `an object with ${schema.required.join(', ')}` : 'an object';
    case 'map': return 'a map';
    case 'array': return 'a list';
    case 'refined': return expectedValue(schema.base);
    default: return undefined;
  }
}

function checkObject(value: unknown, schema: ObjectSchema, path: string, secret: boolean): Violation[] {
  if (!isPlainObject(value)) return [violation(path, 'must be an object', value)];
  const given = (key: string) => value[key] !== undefined;
  const known = Object.keys(schema.fields);
  const unknown = schema.open ? [] : Object.keys(value).filter((key) => !hasOwn(schema.fields, key) && given(key)).sort();
  return [
    ...(schema.required ?? []).filter((key) => !given(key))
      .map((key) => missing(childPath(path, key), 'is required', requiredFix(key, schema.fields[key]))),
    ...known.filter(given)
      .flatMap((key) => checkStructure(value[key], schema.fields[key], childPath(path, key), secret)),
    ...unknown.map((key) => unknownField(childPath(path, key), key, value[key], schema, secret)),
  ];
}

function checkMap(value: unknown, schema: MapSchema, path: string, secret: boolean): Violation[] {
  if (!isPlainObject(value)) return [violation(path, 'must be an object', value)];
  return Object.keys(value).filter((key) => value[key] !== undefined).flatMap((key) => {
    const entryPath = `${path}[${JSON.stringify(key)}]`;
    return [
      ...checkFormat(key, schema.keys, entryPath), ...checkStructure(value[key], schema.values, entryPath, secret),
    ];
  });
}

function checkArray(value: unknown, schema: ArraySchema, path: string, secret: boolean): Violation[] {
  if (!Array.isArray(value)) return [violation(path, 'must be a list', value)];
  // Array.from visits the holes of a sparse list too (as undefined), which flatMap would skip.
  return Array.from(value).flatMap((item: unknown, i) => checkStructure(item, schema.items, `${path}[${i}]`, secret));
}

function checkRefined(value: unknown, schema: RefinedSchema, path: string, secret: boolean): Violation[] {
  const base = checkStructure(value, schema.base, path, secret);
  const reported = new Set(base.map((v) => v.path));
  return [...base, ...checkStructure(value, schema.extra, path, secret).filter((v) => !reported.has(v.path))];
}
