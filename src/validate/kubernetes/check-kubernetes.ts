import { INT_OR_STRING_RULE, isInt32, isIntOrString } from './int-or-string';
import { isQuantity, QUANTITY_FIX, QUANTITY_RULE } from './quantity';
import { K8S_DEFINITIONS } from '../../../imports/k8s-schema';
import type { K8sSchemaNode } from '../../../imports/k8s-schema';
import type { Violation } from '../../base/errors';
import { isWellFormedText, UNICODE_RULE } from '../../base/patterns';
import { isPlainObject } from '../../base/plain-data';
import { closestMatch } from '../suggest';
import { hiddenViolation, missing, violation } from '../violations';

/*
 * Walks a user value along the Kubernetes 1.28 schema (imports/k8s-schema.ts, generated from the official
 * definitions): JSON types, required fields, enums, int32 ranges, quantities, int-or-strings, base64 bytes, unknown
 * fields of structs and `null` anywhere. Kubernetes' semantic rules (unique names, DNS names...) are not in the
 * schema and not checked here.
 */

/** Definitions whose values may be secrets (`env[].value`, an HTTP header carrying a token): never shown. */
const SECRET_BEARING = new Set(['io.k8s.api.core.v1.EnvVar', 'io.k8s.api.core.v1.HTTPHeader']);

const BASE64 = /^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

interface Walk {
  readonly path: string;
  /** The definition the value belongs to, for messages (`a Kubernetes core/v1 Container`). */
  readonly definition?: string;
  /** True below a secret-bearing definition. */
  readonly hidden: boolean;
}

/** Everything wrong with `value` as the Kubernetes type `definition` (e.g. `io.k8s.api.core.v1.Container`). */
export function checkKubernetes(value: unknown, definition: string, path: string, hidden = false): Violation[] {
  return checkNode(value, { $ref: definition }, { path, hidden });
}

/** `a Kubernetes core/v1 Container` for `io.k8s.api.core.v1.Container`. */
export function describeDefinition(definition: string): string {
  const match = /^io\.k8s\.(?:api|apimachinery\.pkg\.apis)\.(\w+)\.(\w+)\.(\w+)$/.exec(definition);
  return match ? `a Kubernetes ${match[1]}/${match[2]} ${match[3]}` : `a Kubernetes ${definition}`;
}

function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

function wrong(walk: Walk, rule: string, value: unknown, fix?: string): Violation {
  return walk.hidden ? hiddenViolation(walk.path, rule, fix) : violation(walk.path, rule, value, fix);
}

function child(walk: Walk, key: string): Walk {
  return { ...walk, path: walk.path === '' ? key : `${walk.path}.${key}` };
}

function checkNode(value: unknown, node: K8sSchemaNode, walk: Walk): Violation[] {
  if (value === null) return [wrong(walk, 'must not be null', value, 'remove it or give a value')];
  if (node.$ref !== undefined) {
    const definition = K8S_DEFINITIONS[node.$ref];
    const hidden = walk.hidden || SECRET_BEARING.has(node.$ref);
    return checkNode(value, definition, { ...walk, definition: node.$ref, hidden });
  }
  if (node.format === 'quantity') return isQuantity(value) ? [] : [wrong(walk, QUANTITY_RULE, value, QUANTITY_FIX)];
  if (node.format === 'int-or-string') return isIntOrString(value) ? [] : [wrong(walk, INT_OR_STRING_RULE, value)];
  switch (node.type) {
    case 'string': return checkString(value, node, walk);
    case 'integer': return checkInteger(value, node, walk);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? [] : [wrong(walk, 'must be a number', value)];
    case 'boolean': return typeof value === 'boolean' ? [] : [wrong(walk, 'must be true or false', value)];
    case 'array': return checkArray(value, node.items ?? {}, walk);
    case 'object': return checkObject(value, node, walk);
    default: return [];
  }
}

function checkString(value: unknown, node: K8sSchemaNode, walk: Walk): Violation[] {
  if (node.enum) {
    if (typeof value === 'string' && node.enum.includes(value)) return [];
    const guess = typeof value === 'string' ? closestMatch(value, node.enum) : undefined;
    const values = node.enum.map((v) => `'${v}'`).join(', ');
    return [wrong(walk, `must be one of ${values}`, value, guess && `did you mean '${guess}'?`)];
  }
  if (typeof value !== 'string') return [wrong(walk, 'must be a string', value)];
  if (!isWellFormedText(value)) return [wrong(walk, UNICODE_RULE, value)];
  if (node.format === 'byte' && !BASE64.test(value)) return [wrong(walk, 'must be base64-encoded', value)];
  return [];
}

function checkInteger(value: unknown, node: K8sSchemaNode, walk: Walk): Violation[] {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) return [wrong(walk, 'must be an integer', value)];
  if (node.format === 'int32' && !isInt32(value)) {
    return [wrong(walk, 'must be a 32-bit integer (-2147483648 to 2147483647)', value)];
  }
  return [];
}

function checkArray(value: unknown, items: K8sSchemaNode, walk: Walk): Violation[] {
  if (!Array.isArray(value)) return [wrong(walk, 'must be a list', value)];
  return Array.from(value).flatMap((item: unknown, i) => checkNode(item, items, { ...walk, path: `${walk.path}[${i}]` }));
}

function checkObject(value: unknown, node: K8sSchemaNode, walk: Walk): Violation[] {
  const what = walk.definition && node.properties ? describeDefinition(walk.definition) : 'an object';
  if (!isPlainObject(value)) {
    return [wrong(walk, what === 'an object' ? 'must be an object' : `must be an object (${what})`, value)];
  }
  if (node.additionalProperties) {
    const values = node.additionalProperties;
    return Object.keys(value).filter((key) => value[key] !== undefined).flatMap((key) =>
      checkNode(value[key], values, { ...walk, path: `${walk.path}[${JSON.stringify(key)}]` }));
  }
  const properties = node.properties;
  if (!properties) return []; // a free-form object
  const given = (key: string) => value[key] !== undefined;
  const known = Object.keys(properties);
  const unknown = Object.keys(value).filter((key) => !hasOwn(properties, key) && given(key)).sort();
  return [
    ...(node.required ?? []).filter((key) => !given(key))
      .map((key) => missing(child(walk, key).path, `is required in ${what}`)),
    ...known.filter(given).flatMap((key) => checkNode(value[key], properties[key], child(walk, key))),
    ...unknown.map((key) => {
      const guess = closestMatch(key, known);
      return wrong(child(walk, key), `unknown field of ${what}`, value[key], guess ? `did you mean '${guess}'?` : 'remove it');
    }),
  ];
}
