import { SupersetInternalError } from '../base/errors';
/**
 * Helpers that turn TypeScript values into Python source literals. Everything a user can influence goes through
 * them, so no value can break out of its literal and inject code into `superset_config.py`.
 */

const SIMPLE_ESCAPES: { readonly [ch: string]: string } = {
  '\\': '\\\\',
  '"': '\\"',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
};

function hex(codePoint: number, width: number): string {
  return codePoint.toString(16).padStart(width, '0');
}

/** Escapes one code point for a double-quoted Python literal; the output is plain printable ASCII. */
function escapeCodePoint(ch: string): string {
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return simple;
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return ch;
  if (cp <= 0xff) return `\\x${hex(cp, 2)}`;
  if (cp <= 0xffff) return `\\u${hex(cp, 4)}`; // includes lone surrogates, which Python accepts in str literals
  return `\\U${hex(cp, 8)}`;
}

/** Printable ASCII without `"` and `\\`: needs no escaping, and is almost everything a config holds. */
const PLAIN = /^[ !#-[\]-~]*$/;

/** The body of a double-quoted Python string literal (without the quotes). */
function escapeBody(value: string): string {
  return PLAIN.test(value) ? value : Array.from(value, escapeCodePoint).join('');
}

/** A double-quoted Python string literal whose value is exactly `value`. */
export function pyString(value: string): string {
  return `"${escapeBody(value)}"`;
}

/**
 * Text for the literal part of a double-quoted f-string: the string escapes of `pyString`, plus `{`/`}` doubled
 * so they are not taken as replacement fields.
 */
export function pyFStringText(value: string): string {
  return escapeBody(value).replace(/[{}]/g, (brace) => brace + brace);
}

/** A Python int literal; refuses anything that is not a safe integer rather than writing a float or `NaN`. */
export function pyInt(value: number): string {
  if (!Number.isSafeInteger(value)) {
    throw new SupersetInternalError(`expected an integer for superset_config.py, got ${value}`);
  }
  return String(value);
}

/** A Python bool literal. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/**
 * A Python expression reading a required environment variable. Only used with the fixed `SUPERSET_OPERATOR__*`
 * names, which are single-quoted so the expression also works inside a double-quoted f-string.
 */
export function pyEnv(name: string): string {
  return `os.environ['${envName(name)}']`;
}

/** A Python expression reading an optional environment variable, `''` when unset. */
export function pyEnvOrEmpty(name: string): string {
  return `os.environ.get('${envName(name)}', '')`;
}

/** A Python expression reading an optional environment variable, `None` when unset. */
export function pyEnvOrNone(name: string): string {
  return `os.environ.get('${envName(name)}')`;
}

function envName(name: string): string {
  if (!/^[A-Z][A-Z0-9_]*$/.test(name)) throw new SupersetInternalError(`unexpected environment variable name: ${name}`);
  return name;
}
