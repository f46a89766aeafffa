import type { Schema } from '../validate/schema';
import { INSTANCE_PROPS_SCHEMA } from '../validate/spec-schema';

/*
 * Rules show the values they judge, sometimes a whole object (`lifecycle.seed`, `metastore`). Below an object that
 * holds credentials (`secret: true` in ./spec-schema.ts) only the fields the schema knows may be shown: anything else
 * there may be a misplaced password. This replaces such fields with a marker before the value is described.
 */

/** The schema at a props path such as `lifecycle.seed`, when the path names object fields only. */
function schemaAt(path: string): Schema | undefined {
  let schema: Schema | undefined = INSTANCE_PROPS_SCHEMA;
  for (const key of path.split('.')) {
    if (schema?.kind !== 'object' || !/^[A-Za-z0-9_]+$/.test(key)) return undefined;
    schema = Object.prototype.hasOwnProperty.call(schema.fields, key) ? schema.fields[key] : undefined;
  }
  return schema;
}

/** True when `path` is, or is inside, an object that holds credentials. */
function insideSecret(path: string): boolean {
  if (path === '') return false;
  const keys = path.split('.');
  return keys.some((_, i) => {
    const schema = schemaAt(keys.slice(0, i + 1).join('.'));
    return schema?.kind === 'object' && schema.secret === true;
  });
}

function redactAlong(value: unknown, schema: Schema | undefined, secret: boolean, marker: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || schema?.kind !== 'object') {
    // Below a credentials object, an object the schema does not describe is not shown at all.
    return secret && typeof value === 'object' && value !== null ? marker : value;
  }
  const inSecret = secret || schema.secret === true;
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).map((key) => {
    const known = Object.prototype.hasOwnProperty.call(schema.fields, key);
    if (inSecret && !known) return [key, marker];
    return [key, redactAlong(record[key], known ? schema.fields[key] : undefined, inSecret, marker)];
  }));
}

/** `value`, the value at `path`, with every field that may hold a credential replaced by `marker`. */
export function redactSecrets(path: string, value: unknown, marker: string): unknown {
  const schema = schemaAt(path);
  if (schema === undefined) return value;
  return redactAlong(value, schema, insideSecret(path.split('.').slice(0, -1).join('.')), marker);
}
