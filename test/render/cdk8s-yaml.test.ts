// The direct YAML writer behind SupersetApp must write exactly the bytes cdk8s' own writer (the `yaml` package)
// writes, for any document; it is compared with cdk8s' `Yaml.stringify` itself.
import { App, Chart, Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import * as YAML from 'yaml';
import { fullInstanceProps } from '../../bench/full-instance';
import { SupersetInstance } from '../../src';
import { Cdk8sYamlWriter, writesAsCdk8s } from '../../src/render/cdk8s-yaml';
import { yamlDocument } from '../../src/render/yaml';

const SEED = 20261202;

/** Strings that stress a YAML writer's choice of style: indicators, reserved words, numbers, breaks, blanks, controls. */
const trickyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', 'yes', 'No', 'ON', 'off', 'y', 'N', 'n', 'yES', 'true', 'False', 'null', 'Null', '~', '0', '-1', '1.5', '1e3',
    '0x1F', '0o17', '0b101', '1_000', '1:20', '190:20:30', '2001-12-14', '2001-12-14t21:59:43.10-05:00', '.inf', '-.Inf', '.NaN', '<<',
    '=', '- a', '-', '-c', '--flag=x', '? x', '?', ': x', 'a: b', 'a:b', 'a:', 'a #b', 'a#b', '#x', '&a', '*a', '!t', '|', '>', '%x', '@x',
    '`x', '"q"', "'q'", 'it\'s "x"', '[a]', '{a}', 'a,b', '{{ $labels.pod }}', '\t', 'tab\there', 'a  b', 'a ', ' a', '---', '--- x',
    '...', 'x\n---\ny', '%YAML', 'e5', 'E-3', 'nan', 'inf', '2Gi', '500m', '6.1.0-dev', 'sha256:0a1b', '/app/pythonpath', 'a/b_c.d@e=f+g$h',
    'é', '\ud83d\ude00', 'nel\u0085x', 'ls\u2028x', '\ufeffbom', 'del\u007f', 'bell\u0007',
    // Only white space over several lines: quoted by older versions of the `yaml` package, a block by newer ones.
    '\n', ' \n', '\t\n', '\n\n', '\ufeff\n', '\u00a0\n', '\n \n'),
  fc.array(fc.constantFrom('a', 'b', ' ', '\n', '\n', ':', '#', '-', '"', "'", '\\', '\t', '0', 'é', '\r', '|', '.', '%'), { maxLength: 14 })
    .map((parts) => parts.join('')),
  // Multi-line text such as configuration files: literal blocks, their chomping and indentation indicators.
  fc.array(fc.constantFrom('line', 'x = 1', '  indented', '', ' ', '\t', '# comment', 'a: b', '---', 'trail '), { minLength: 1, maxLength: 6 })
    .chain((lines) => fc.constantFrom('', '\n', '\n\n', ' \n', '\n ', '\n\n\n').map((end) => lines.join('\n') + end)),
);

/** Keys as manifests have them. */
const plainKey = fc.constantFrom('name', 'app.kubernetes.io/name', 'superset_config.py', 'image', 'x', 'a-b', 'A_B', 'data');

/** Values of the kinds synthesized documents hold: strings of every style, safe integers, booleans, collections. */
const manifestValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    { weight: 4, arbitrary: trickyString },
    fc.integer(),
    fc.boolean(),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(plainKey, tie('value'), { maxKeys: 4, noNullPrototype: true }),
  ),
})).value;

/** Anything: odd keys, other numbers, null and undefined, `toJSON`, objects twice (an anchor and an alias in YAML). */
function anyValue(shared: readonly object[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(plainKey, trickyString);
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      { weight: 4, arbitrary: trickyString },
      fc.integer(),
      fc.constantFrom(0, -0, 1.5, 1e21, -2.5e-7, Number.MAX_SAFE_INTEGER + 2, NaN, Infinity, -Infinity),
      fc.boolean(),
      fc.constantFrom(null, undefined, ...shared),
      fc.constantFrom(Object.assign([1], { toJSON: () => 'array' }), { toJSON: () => 'map' }, new Date(0)),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
}

const manifestDocument = fc.dictionary(plainKey, manifestValue, { minKeys: 1, maxKeys: 6, noNullPrototype: true });
const anyDocument = fc.constant(null).chain(() => {
  const shared = [{ shared: 'object' }, {}, [], ['item']];
  return fc.oneof(fc.dictionary(fc.oneof(plainKey, trickyString), anyValue(shared), { maxKeys: 6 }), anyValue(shared));
});

/** A writer whose fallback to cdk8s' writer for whole documents is counted. */
function counting(): { writer: Cdk8sYamlWriter; fallbacks: () => number } {
  let fallbacks = 0;
  const writer = new Cdk8sYamlWriter((document) => {
    const styleQuestion = typeof document === 'object' && document !== null && Object.keys(document).length === 1 && 'k' in document;
    if (!styleQuestion) fallbacks++;
    return Yaml.stringify(document);
  });
  return { writer, fallbacks: () => fallbacks };
}

describe('the direct YAML writer', () => {
  test('writes documents of manifest values byte for byte as cdk8s writes them, nearly all directly', () => {
    const { writer, fallbacks } = counting();
    fc.assert(fc.property(manifestDocument, (doc) => {
      expect(writer.document(doc)).toBe(Yaml.stringify(doc));
    }), { seed: SEED, numRuns: 3000 });
    // None is handed whole to cdk8s' writer: the comparison tests this writer.
    expect(fallbacks()).toBe(0);
  });

  test('writes any value byte for byte as cdk8s writes it, handing it to cdk8s\' writer where it must', () => {
    const { writer } = counting();
    fc.assert(fc.property(anyDocument, (doc) => {
      expect(writer.document(doc)).toBe(Yaml.stringify(doc));
    }), { seed: SEED, numRuns: 3000 });
  });

  test('writes a fully featured instance directly, every document equal to cdk8s\' own', () => {
    const app = new App();
    new SupersetInstance(new Chart(app, 'chart'), 'superset', fullInstanceProps(0));
    const docs = app.charts.flatMap((chart) => chart.toJson());
    const { writer, fallbacks } = counting();
    for (const doc of docs) expect(writer.document(doc)).toBe(Yaml.stringify(doc));
    expect(fallbacks()).toBe(0);
  });

  test('is undefined-safe and hands non-documents to cdk8s', () => {
    const { writer } = counting();
    for (const doc of [undefined, null, 'text', 5, [], {}, [1, 2], { a: undefined }, { a: null }, { a: 1n }]) {
      expect(writer.document(doc)).toBe(Yaml.stringify(doc));
    }
  });

  test('tells whether a writer styles YAML as the cdk8s it runs with', () => {
    expect(writesAsCdk8s((doc) => Yaml.stringify(doc))).toBe(true);
    const yamlWith = (options: YAML.ToStringOptions & YAML.DocumentOptions) => (doc: unknown) => YAML.stringify(doc, {
      keepUndefined: true, lineWidth: 0, version: '1.1', ...options,
    });
    // The `yaml` package with other options than cdk8s gives it: a line width (folding), sequences not indented.
    expect(writesAsCdk8s(yamlWith({ lineWidth: 80 }))).toBe(false);
    expect(writesAsCdk8s(yamlWith({ indentSeq: false }))).toBe(false);
    // Strings that are not obviously plain are styled by the writer it is given, so YAML 1.2 (`yes` plain) or single
    // quotes first would still be written alike.
    const quoted = { a: ['-', 'a: b', 'yes', 'n', 'e5', '"q"', "it's"], b: 'x\n \n' };
    for (const other of [yamlWith({ version: '1.2' }), yamlWith({ singleQuote: true })]) {
      expect(writesAsCdk8s(other)).toBe(true);
      expect(new Cdk8sYamlWriter(other).document(quoted)).toBe(other(quoted));
    }
    // The command line's writer quotes more (`"2Gi"`), and a failing writer is no cdk8s writer.
    expect(writesAsCdk8s(yamlDocument)).toBe(false);
    expect(writesAsCdk8s(() => {
      throw new Error('no');
    })).toBe(false);
  });
});
