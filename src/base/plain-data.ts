/** True for a JSON object: not null, not an array. */
export function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A copy of validated props made of ordinary objects and arrays. Props may come from any parser: an object without
 * a prototype (`Object.create(null)`, as some YAML and JSON readers build) or a frozen one is valid input, but
 * cdk8s cannot serialize the former. The copy keeps every key and value as written.
 */
export function plainData<T>(value: T): T {
  if (Array.isArray(value)) return value.map(plainData) as T;
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    return Object.fromEntries(Object.keys(record).map((key) => [key, plainData(record[key])])) as T;
  }
  return value;
}
