/*
 * cdk8s' YAML, byte for byte, written directly. cdk8s writes every document with the `yaml` package
 * (`YAML.stringify(doc, { keepUndefined: true, lineWidth: 0, version: '1.1' })`), which builds a node tree of the
 * whole document, picks a style for every scalar and tests it against the YAML 1.1 schema: most of the time of
 * synthesizing many instances. This writer produces the same bytes for the documents synthesis hands out (plain
 * objects, arrays, strings, safe integers, booleans) without a tree, asks the `yaml` package itself for every string
 * whose style is not obvious (once per distinct one-line string), and hands any document it does not fully
 * understand (null, undefined, numbers other than safe integers, objects seen twice, which the `yaml` package writes
 * as aliases, keys that are not plain) to cdk8s' own writer. Property tests compare it with cdk8s' `Yaml.stringify`.
 */

/** cdk8s' writer of one document, used for the strings and documents this writer leaves to the `yaml` package. */
export type DocumentWriter = (document: unknown) => string;

/** A document this writer leaves to cdk8s' own. */
const FALLBACK: unique symbol = Symbol('fallback');

const STEP = '  ';

/**
 * Strings the `yaml` package writes plain whatever their place: a letter, `_` or `/` first, then letters, digits,
 * `_ . / @ = + $ -`, a `:` before anything but a space or tab, a single space before anything but `#`. What YAML 1.1
 * reads as a boolean, null or a number although it starts with a letter (`n`, `Off`, `e5`) is left to the `yaml`
 * package, which quotes it.
 */
const PLAIN = /^[A-Za-z_/](?:[A-Za-z0-9_./@=+$-]|:(?=[^ \t])| (?=[^ \t#]))*$/;
const RESERVED = new Set(['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null']);
const EXPONENT = /^[eE][-+]?[0-9]+$/;

/** Keys longer than this are written by the `yaml` package as explicit keys (`? key`). */
const MAX_IMPLICIT_KEY = 1024;

/** Characters for which the `yaml` package double-quotes a string: controls and lone surrogates. */
const FORCES_DOUBLE_QUOTES = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u;

/** A last line of only blanks, for which the `yaml` package quotes a multi-line string instead of a block. */
const BLANK_LAST_LINE = /\n[\t ]+$/;

/**
 * Text of only white space, line breaks included: quoted by the `yaml` package up to 2.3 (cdk8s 2.68), a block
 * after; left to the one cdk8s bundles.
 */
const ONLY_BLANKS = /^\s*$/;

/** Line breaks before more text, not after another break: where the kept trailing breaks of a block get indented. */
const BLOCK_END_NEWLINES = /(^|(?<!\n))\n+(?!\n|$)/g;

function isPlain(text: string): boolean {
  return PLAIN.test(text) && !RESERVED.has(text.toLowerCase()) && !EXPONENT.test(text);
}

/**
 * A multi-line string as the `yaml` package writes it in block context with no line width: a literal block, its
 * chomping indicator keeping the trailing breaks, an indentation indicator when it starts with a space, and its
 * lines under `indent` (blank lines left empty). FALLBACK where the `yaml` package would (or, in some version,
 * might) quote it instead.
 */
function literalBlock(text: string, indent: string): string | typeof FALLBACK {
  if (FORCES_DOUBLE_QUOTES.test(text) || BLANK_LAST_LINE.test(text) || ONLY_BLANKS.test(text)) return FALLBACK;
  let endStart = text.length;
  while (endStart > 0) {
    const ch = text[endStart - 1];
    if (ch !== '\n' && ch !== '\t' && ch !== ' ') break;
    endStart--;
  }
  let end = text.substring(endStart);
  const endBreak = end.indexOf('\n');
  const chomp = endBreak === -1 ? '-' : text === end || endBreak !== end.length - 1 ? '+' : '';
  let value = text;
  if (end) {
    value = value.slice(0, -end.length);
    if (end[end.length - 1] === '\n') end = end.slice(0, -1);
    end = end.replace(BLOCK_END_NEWLINES, `$&${indent}`);
  }
  let startsWithSpace = false;
  let startEnd = 0;
  let startBreak = -1;
  for (; startEnd < value.length; startEnd++) {
    const ch = value[startEnd];
    if (ch === ' ') startsWithSpace = true;
    else if (ch === '\n') startBreak = startEnd;
    else break;
  }
  let start = value.substring(0, startBreak < startEnd ? startBreak + 1 : startEnd);
  if (start) {
    value = value.substring(start.length);
    start = start.replace(/\n+/g, `$&${indent}`);
  }
  const header = (startsWithSpace ? '2' : '') + chomp;
  return `|${header}\n${indent}${start}${value.replace(/\n+/g, `$&${indent}`)}${end}`;
}

/** Writes documents as cdk8s does; strings whose style is not obvious are asked of `yaml` once each. */
export class Cdk8sYamlWriter {
  private readonly styled = new Map<string, string>();
  private readonly seen = new Set<object>();

  public constructor(private readonly fallback: DocumentWriter) {}

  /** One document, exactly as cdk8s' `Yaml.stringify(document)` writes it. */
  public document(document: unknown): string {
    if (document === undefined) return '\n';
    this.seen.clear();
    const out: string[] = [];
    const written = isCollection(document) && !Array.isArray(document) && !isEmpty(document) && this.enter(document)
      ? this.map(out, document, '') : FALLBACK;
    this.seen.clear();
    return written === FALLBACK ? this.fallback(document) : out.join('');
  }

  /** A one-line string as a value: plain when obviously so, else as the `yaml` package styles it. */
  private inline(text: string): string {
    if (isPlain(text)) return text;
    let styled = this.styled.get(text);
    if (styled === undefined) {
      const written = this.fallback({ k: text });
      styled = written.slice(3, -1);
      this.styled.set(text, styled);
    }
    return styled;
  }

  /**
   * A multi-line string the `yaml` package quotes, whose continuation lines depend on the indentation: asked of it
   * at the same depth, as the value of the innermost of nested one-key mappings.
   */
  private multiLine(text: string, indent: string): string | typeof FALLBACK {
    const depth = indent.length / STEP.length;
    let wrapped: unknown = text;
    let prefix = '';
    for (let level = 0; level < depth; level++) {
      wrapped = { k: wrapped };
      prefix += `${STEP.repeat(level)}k:${level === depth - 1 ? ' ' : '\n'}`;
    }
    const written = this.fallback(wrapped);
    return written.startsWith(prefix) && written.endsWith('\n') ? written.slice(prefix.length, -1) : FALLBACK;
  }

  /** ` value` after `key:` or `-`, or a nested collection on the lines below, its lines under `indent`. */
  private value(out: string[], value: unknown, indent: string): void | typeof FALLBACK {
    switch (typeof value) {
      case 'string':
        if (value.includes('\n')) {
          const block = literalBlock(value, indent);
          const styled = block === FALLBACK ? this.multiLine(value, indent) : block;
          if (styled === FALLBACK) return FALLBACK;
          out.push(' ', styled, '\n');
        } else {
          out.push(' ', this.inline(value), '\n');
        }
        return;
      case 'number':
        if (!Number.isSafeInteger(value) || Object.is(value, -0)) return FALLBACK;
        out.push(' ', String(value), '\n');
        return;
      case 'boolean':
        out.push(value ? ' true\n' : ' false\n');
        return;
      case 'object':
        if (!isCollection(value) || !this.enter(value)) return FALLBACK;
        if (isEmpty(value)) {
          out.push(Array.isArray(value) ? ' []\n' : ' {}\n');
          return;
        }
        out.push('\n', indent);
        return Array.isArray(value) ? this.sequence(out, value, indent) : this.map(out, value, indent);
      default:
        return FALLBACK;
    }
  }

  /** A non-empty mapping whose first line the caller has started; its other lines under `indent`. */
  private map(out: string[], map: Record<string, unknown>, indent: string): void | typeof FALLBACK {
    const inner = indent + STEP;
    let first = true;
    for (const key of Object.keys(map)) {
      if (!isPlain(key) || key.length > MAX_IMPLICIT_KEY) return FALLBACK;
      if (!first) out.push(indent);
      first = false;
      out.push(key, ':');
      if (this.value(out, map[key], inner) === FALLBACK) return FALLBACK;
    }
    return undefined;
  }

  /** A non-empty sequence whose first line the caller has started; its other lines under `indent`. */
  private sequence(out: string[], items: readonly unknown[], indent: string): void | typeof FALLBACK {
    const inner = indent + STEP;
    for (let i = 0; i < items.length; i++) {
      if (i > 0) out.push(indent);
      if (!(i in items)) return FALLBACK;
      const item = items[i];
      // A non-empty collection starts on the dash's line (`- key: value`, `- - item`); anything else is a value.
      if (isCollection(item) && !isEmpty(item)) {
        if (!this.enter(item)) return FALLBACK;
        out.push('- ');
        if ((Array.isArray(item) ? this.sequence(out, item, inner) : this.map(out, item, inner)) === FALLBACK) return FALLBACK;
      } else {
        out.push('-');
        if (this.value(out, item, inner) === FALLBACK) return FALLBACK;
      }
    }
    return undefined;
  }

  /**
   * Records a collection as written; false when it was already, in this document: the `yaml` package writes an
   * object seen twice, an empty one included, as an anchor and an alias.
   */
  private enter(collection: object): boolean {
    if (this.seen.has(collection)) return false;
    this.seen.add(collection);
    return true;
  }
}

/** A collection the `yaml` package writes as a mapping or a sequence: no class instance, nothing with `toJSON`. */
function isCollection(value: unknown): value is Record<string, unknown> | unknown[] {
  if (typeof value !== 'object' || value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  const prototype = Object.getPrototypeOf(value);
  return Array.isArray(value) ? prototype === Array.prototype : prototype === Object.prototype;
}

function isEmpty(collection: Record<string, unknown> | unknown[]): boolean {
  return Array.isArray(collection) ? collection.length === 0 : Object.keys(collection).length === 0;
}

/**
 * A document with every choice this writer makes: plain and styled strings (quoted either way, multi-line), long
 * lines, keys, nesting, empty collections, literal blocks with each chomping indicator and an indentation
 * indicator, integers and booleans.
 */
const PROBE = {
  apiVersion: 'v1',
  metadata: { 'name': 'probe', 'app.kubernetes.io/name': 'a b:c/d_e.f@g', 'labels': {}, 'finalizers': [] },
  data: {
    text: 'line\n  indented\n\nlast\n',
    strip: 'x\ny',
    keep: 'x\n\n',
    lead: ' a\nb',
    blank: 'a\n \n',
    blanks: ' \n\t\n',
    plain: ['x=y', 'a+b', '$HOME', 'user@host', 'a-b', '_x', '/path/to', 'sha256:0a1b', 'image:6.1.0', 'a b c', 'Yes1', 'nil'],
    styled: ['yes', 'n', 'e5', '1', '-c', '- a', 'a: b', '', '#x', 'a #b', '{{ x }}', "it's", '"q"', 'bell\u0007',
      'bell\u0007 and a line break\nin a string longer than forty characters'],
    // Longer than any line width cdk8s could give the `yaml` package: it must fold nothing.
    long: `${'word '.repeat(30)}end`,
    longBlock: `${'word '.repeat(30)}end\nsecond line\n`,
    nested: [[1, -2], [], { a: true, b: false }, [{ c: 'd' }]],
  },
};

/**
 * Whether cdk8s' writer writes the probe as this writer does, directly: cdk8s versions that lay YAML out otherwise,
 * or a `Yaml.stringify` an app replaced with its own, are left to write it themselves.
 */
export function writesAsCdk8s(cdk8sWriter: DocumentWriter): boolean {
  // Written whole by cdk8s' writer, the probe would match whatever that writer does: it must be written directly.
  let handedOver = false;
  const asked: DocumentWriter = (document) => {
    if (document === PROBE) handedOver = true;
    return cdk8sWriter(document);
  };
  try {
    return new Cdk8sYamlWriter(asked).document(PROBE) === cdk8sWriter(PROBE) && !handedOver;
  } catch {
    return false;
  }
}
