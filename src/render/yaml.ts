import { SupersetInternalError } from '../base/errors';
/*
 * A YAML writer for Kubernetes manifests: JSON-like values (objects, arrays, strings, finite numbers, booleans,
 * null) as block-style documents. It writes what `yaml` (cdk8s' writer) writes in meaning, not in bytes: every
 * document reads back, under both YAML 1.1 (kubectl, PyYAML, cdk8s' own reader) and YAML 1.2, as exactly the value
 * it was given. It is several times faster than a general YAML library because it never builds a document tree.
 *
 * Strings are plain only when no YAML reader can take them for anything else; multi-line text such as
 * `superset_config.py` becomes a literal block, so reviewers read it as it is; anything else is double-quoted.
 */

const INDENT = '  ';

/**
 * Plain scalars that stay strings under YAML 1.1 and 1.2: they start with a letter, `/` or `_`, hold only
 * letters, digits and `_ . / - + @ ~ $ =` and spaces, never a space at either end or twice, and a `:` only when
 * followed by something other than a space. Digits first, indicators first and `#` anywhere are quoted instead.
 */
const PLAIN = /^[A-Za-z/_](?:[A-Za-z0-9_./\-+@~$=]|:(?=[^ ])| (?=[^ ]))*$/;

/** Words YAML 1.1 reads as booleans or null (YAML 1.2 reads a subset of them): always quoted. */
const RESERVED_WORDS = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);

/** An exponent without digits before it (`e5`), which the `yaml` package, cdk8s' reader, takes for a number. */
const BARE_EXPONENT = /^[eE][-+]?[0-9]+$/;

/**
 * Characters that a block scalar cannot hold, or that YAML 1.1 readers take as line breaks: C0 controls but tab and
 * line feed, DEL, C1 controls (NEL included), U+2028, U+2029, U+FEFF, the noncharacters U+FFFE/U+FFFF and lone
 * surrogates. Strings with any of them are double-quoted and escaped.
 */
const NOT_BLOCK_SAFE = new RegExp([
  '[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufeff\\ufffe\\uffff]',
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])',
  '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
].join('|'));

/** Characters a double-quoted scalar must escape: the same, plus `"` and `\`. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]/g;

const NAMED_ESCAPES: { readonly [ch: string]: string } = {
  '"': '\\"', '\\': '\\\\', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0',
};

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * One character of a double-quoted scalar; a valid surrogate pair is kept as it is (UTF-8 holds it). A lone
 * surrogate is no character at all: neither UTF-8 nor YAML can carry it, so it is refused.
 */
function escapeChar(ch: string, offset: number, text: string): string {
  const named = NAMED_ESCAPES[ch];
  if (named !== undefined) return named;
  const code = ch.charCodeAt(0);
  if (code >= 0xd800 && code <= 0xdbff && /[\udc00-\udfff]/.test(text.charAt(offset + 1))) return ch;
  if (code >= 0xdc00 && code <= 0xdfff && /[\ud800-\udbff]/.test(text.charAt(offset - 1))) return ch;
  if (code >= 0xd800 && code <= 0xdfff) {
    throw new SupersetInternalError(`cannot write a lone surrogate (\\u${hex4(code)}) as YAML: ${JSON.stringify(text.slice(0, 40))}`);
  }
  return `\\u${hex4(code)}`;
}

/** A double-quoted scalar: the escapes YAML defines, so any string round-trips. */
export function doubleQuoted(text: string): string {
  return `"${text.replace(NEEDS_ESCAPE, escapeChar)}"`;
}

/** A scalar on one line: plain when nothing could read it otherwise, else double-quoted. */
export function inlineString(text: string): string {
  return PLAIN.test(text) && !RESERVED_WORDS.has(text.toLowerCase()) && !BARE_EXPONENT.test(text) ? text : doubleQuoted(text);
}

/**
 * A literal block (`|`) for multi-line text whose characters a block can hold, its content indented under `indent`.
 * The reader finds the indentation from the first line with a non-space character, so text whose first such line
 * starts with a space or a tab (or is preceded by a line of spaces) is double-quoted instead. The chomping indicator keeps
 * the trailing line breaks exactly: none (`-`), one (clip) or more (`+`).
 */
function literalBlock(text: string, indent: string): string | undefined {
  if (NOT_BLOCK_SAFE.test(text) || text.includes('\r')) return undefined;
  const lines = text.split('\n');
  const first = lines.findIndex((line) => /[^ ]/.test(line));
  // libyaml (PyYAML, and so many tools) also refuses a tab where it is still looking for the indentation.
  if (first < 0 || /^[ \t]/.test(lines[first]) || lines.slice(0, first).some((line) => line.length > 0)) return undefined;
  let trailing = 0;
  while (trailing < lines.length - 1 && lines[lines.length - 1 - trailing] === '') trailing++;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  // The last element is what follows the final line break: empty, and written by the caller's own line break.
  const body = trailing === 0 ? lines : lines.slice(0, -1);
  return `|${chomp}\n${body.map((line) => (line.length > 0 ? indent + line : '')).join('\n')}`;
}

function scalar(value: unknown): string {
  switch (typeof value) {
    case 'string': return inlineString(value);
    case 'boolean': return value ? 'true' : 'false';
    case 'number': return numberScalar(value);
    default:
      if (value === null) return 'null';
      throw new SupersetInternalError(`cannot write a ${typeof value} as YAML`);
  }
}

/** Integers as digits; other numbers with a `.` (YAML 1.1 reads `1e+21` as a string) or as .inf/.nan. */
function numberScalar(value: number): string {
  if (Number.isNaN(value)) return '.nan';
  if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
  const text = String(value);
  if (Number.isInteger(value) && !text.includes('e')) return text;
  if (text.includes('.')) return text;
  const [mantissa, exponent] = text.split('e');
  return exponent === undefined ? `${mantissa}.0` : `${mantissa}.0e${exponent}`;
}

function isCollection(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function isEmptyCollection(value: object): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return Object.keys(value).every((key) => (value as Record<string, unknown>)[key] === undefined);
}

/** What follows `key:` or `-` on the same line: ` scalar`, ` |` block, ` {}`/` []`, or nothing (a nested block). */
function writeValue(out: string[], value: unknown, indent: string): void {
  if (isCollection(value)) {
    if (isEmptyCollection(value)) {
      out.push(Array.isArray(value) ? ' []\n' : ' {}\n');
      return;
    }
    out.push('\n');
    writeCollection(out, value, indent);
    return;
  }
  if (typeof value === 'string' && value.includes('\n')) {
    const block = literalBlock(value, indent);
    if (block !== undefined) {
      out.push(` ${block}\n`);
      return;
    }
  }
  out.push(` ${scalar(value)}\n`);
}

function writeCollection(out: string[], value: object, indent: string): void {
  if (Array.isArray(value)) {
    for (const item of value) writeItem(out, item, indent);
    return;
  }
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue;
    out.push(`${indent}${inlineString(key)}:`);
    writeValue(out, child, indent + INDENT);
  }
}

/**
 * One sequence item. A non-empty map starts on the dash line (`- key: value`) with its other keys aligned under the
 * first; a nested non-empty sequence starts on a line of its own.
 */
function writeItem(out: string[], item: unknown, indent: string): void {
  const inner = indent + INDENT;
  if (isCollection(item) && !Array.isArray(item) && !isEmptyCollection(item)) {
    const nested: string[] = [];
    writeCollection(nested, item, inner);
    const text = nested.join('');
    out.push(`${indent}- ${text.slice(inner.length)}`);
    return;
  }
  out.push(`${indent}-`);
  writeValue(out, item, inner);
}

/** One YAML document for a JSON-like value (no `---`), ending with a line break. */
export function yamlDocument(value: unknown): string {
  if (isCollection(value) && !isEmptyCollection(value)) {
    const out: string[] = [];
    writeCollection(out, value, '');
    return out.join('');
  }
  const out: string[] = [];
  writeValue(out, value, '');
  return out.join('').slice(1);
}

/** Several documents, each introduced by `---`, as `kubectl apply -f` and kustomize read them. */
export function yamlDocuments(values: readonly unknown[]): string {
  return values.map((value) => `---\n${yamlDocument(value)}`).join('');
}
