/**
 * `config.json` of the websocket server, serialised the way the operator's Go code does (`json.MarshalIndent`
 * over decoded JSON): two-space indentation, object keys sorted at every level, and `<`, `>`, `&`, U+2028 and
 * U+2029 escaped. The output is deterministic, so the config checksum only changes with the content.
 */
export function renderWebsocketConfig(config: { readonly [key: string]: unknown } | undefined): string {
  return escapeLikeGo(serialize(config ?? {}, ''));
}

/** Go sorts map keys by their UTF-8 bytes, which is code point order (not JavaScript's UTF-16 order). */
function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (ch) => ch.codePointAt(0)!);
  const y = Array.from(b, (ch) => ch.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i] - y[i];
  }
  return x.length - y.length;
}

/** Values JSON drops from objects: they have no representation. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * A hand-written serialiser rather than `JSON.stringify` on a key-sorted copy: JavaScript enumerates integer-like
 * keys ("9", "10") numerically before all others, whatever the insertion order.
 */
function serialize(value: unknown, indent: string): string {
  const withJson = value as { toJSON?: () => unknown } | null;
  if (withJson !== null && typeof withJson === 'object' && typeof withJson.toJSON === 'function') {
    return serialize(withJson.toJSON(), indent);
  }
  if (Array.isArray(value)) return serializeArray(value, indent);
  if (value !== null && typeof value === 'object') return serializeObject(value as { [key: string]: unknown }, indent);
  // Primitives: strings, finite numbers and booleans as JSON has them; null, NaN and Infinity become null.
  return isOmitted(value) ? 'null' : JSON.stringify(value) ?? 'null';
}

function serializeArray(items: readonly unknown[], indent: string): string {
  if (items.length === 0) return '[]';
  const inner = indent + '  ';
  const body = items.map((item) => inner + serialize(item, inner));
  return `[\n${body.join(',\n')}\n${indent}]`;
}

function serializeObject(object: { [key: string]: unknown }, indent: string): string {
  const keys = Object.keys(object).filter((key) => !isOmitted(object[key])).sort(compareCodePoints);
  if (keys.length === 0) return '{}';
  const inner = indent + '  ';
  const body = keys.map((key) => `${inner}${JSON.stringify(key)}: ${serialize(object[key], inner)}`);
  return `{\n${body.join(',\n')}\n${indent}}`;
}

/** These characters only occur inside JSON strings, so replacing them everywhere is safe. */
function escapeLikeGo(json: string): string {
  const escapes: { readonly [ch: string]: string } = {
    '<': '\\u003c',
    '>': '\\u003e',
    '&': '\\u0026',
    '\u2028': '\\u2028',
    '\u2029': '\\u2029',
  };
  return json.replace(/[<>&\u2028\u2029]/g, (ch) => escapes[ch]);
}
