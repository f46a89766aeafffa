import { violation } from './violations';
import type { Violation } from '../base/errors';
import { isWellFormedText, UNICODE_RULE } from '../base/patterns';

/*
 * Free-form configuration (the websocket server's `config`) is written as JSON. A value JSON cannot carry would be
 * dropped or changed on the way (a function, `undefined` in a list, NaN becoming null) or crash the writer (a
 * BigInt, a cycle), so it is refused where it is.
 */

/** Everything in `value` that is not JSON data, at its path. */
export function checkJsonData(value: unknown, path: string, seen: readonly object[] = []): Violation[] {
  if (typeof value === 'string') return isWellFormedText(value) ? [] : [violation(path, UNICODE_RULE, value)];
  if (value === null || typeof value === 'boolean') return [];
  if (typeof value === 'number') {
    return Number.isFinite(value) ? [] : [violation(path, 'must be JSON data (a finite number)', value)];
  }
  if (typeof value !== 'object') {
    return [violation(path, 'must be JSON data (a string, number, boolean, null, list or object)', value)];
  }
  if (seen.includes(value)) return [violation(path, 'must be JSON data, not a structure that contains itself', value)];
  const inside = [...seen, value];
  if (Array.isArray(value)) return Array.from(value).flatMap((item: unknown, i) => checkJsonData(item, `${path}[${i}]`, inside));
  const record = value as Record<string, unknown>;
  return Object.keys(record).filter((key) => record[key] !== undefined)
    .flatMap((key) => checkJsonData(record[key], `${path}[${JSON.stringify(key)}]`, inside));
}
