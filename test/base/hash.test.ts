import fc from 'fast-check';
import { canonicalJson, contentHash } from '../../src/base/hash';

/** The definition: every object copied with its keys in code-unit order, then serialized. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) copy[key] = sortedCopy((value as Record<string, unknown>)[key]);
  return copy;
}

/** JSON-like values, keys in any order, integer-like keys among them, `undefined` anywhere. */
const value = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('10', '9', '0', 'a', 'B', 'b')), tie('value'), { maxKeys: 5, noNullPrototype: true }),
  ),
})).value;

test('canonical JSON sorts the keys of every object, whether or not they already are', () => {
  fc.assert(fc.property(value, (v) => {
    expect(canonicalJson(v)).toBe(JSON.stringify(sortedCopy(v)));
  }), { seed: 13, numRuns: 500 });
});

test('equal content hashes alike, whatever the key order', () => {
  expect(contentHash({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: 'x' } })).toBe(contentHash({ a: { c: 'x', d: [1, { e: 3, f: 2 }] }, b: 1 }));
  expect(canonicalJson({ 10: 'a', 9: 'b', b: 1, a: 2 })).toBe('{"9":"b","10":"a","a":2,"b":1}');
});
