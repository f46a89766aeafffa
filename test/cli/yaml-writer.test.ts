// The CLI's YAML writer: every value must read back exactly, under YAML 1.1 (kubectl, PyYAML, cdk8s' reader) and
// YAML 1.2, whatever its strings hold.
import { spawnSync } from 'node:child_process';
import { Testing } from 'cdk8s';
import * as fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import { SupersetInstance } from '../../src';
import { yamlDocument, yamlDocuments } from '../../src/render/yaml';
import { SYSTEM_PYTHON } from '../support/python';

const SEED = 20261201;

/** Strings that stress a YAML writer: indicators, reserved words, numbers, line breaks, controls, non-ASCII. */
const trickyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  // Lone surrogates are refused by the writer (see below): no UTF-8 text can carry them.
  fc.string({ unit: 'binary' }).filter((text) => !/[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ''))),
  fc.constantFrom('', ' ', 'yes', 'No', 'ON', 'off', 'y', 'N', 'true', 'False', 'null', 'Null', '~', '0', '-1', '1.5', '1e3', '0x1F', '0o17',
    '1_000', '1:20', '2001-12-14', '.inf', '-.Inf', '.NaN', '<<', '=', '- a', '? x', ': x', 'a: b', 'a #b', '#x', '&a', '*a', '!t', '|', '>',
    '%x', '@x', '`x', '"q"', "'q'", '[a]', '{a}', 'a,b', '\t', 'line\n', '\nlead', 'a\n\n', ' lead\nx', 'x\n  indented\n', 'trail \n',
    '  \nx', 'a\r\nb', 'nel\u0085x', 'ls\u2028x', '\ufeffbom', 'tab\there', 'del\u007f', 'e\u0301', '\ud83d\ude00', '6.1.0-dev', 'e5', 'E-3', 'e+0', 'nan', 'inf'),
  fc.array(fc.constantFrom('a', ' ', '\n', ':', '#', '-', '"', "'", '\\', '\t', '0', 'é', '\r'), { maxLength: 12 }).map((parts) => parts.join('')),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    trickyString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(trickyString, tie('value'), { maxKeys: 4 }),
  ),
})).value;

const documentValue = fc.dictionary(trickyString, value, { maxKeys: 5 });

describe('round trip through real YAML readers', () => {
  test('yaml, with the YAML 1.2 core schema and the YAML 1.1 schema cdk8s uses', () => {
    fc.assert(fc.property(documentValue, (doc) => {
      const text = yamlDocument(doc);
      expect(parse(text, { version: '1.2' })).toEqual(doc);
      expect(parse(text, { version: '1.1' })).toEqual(doc);
    }), { seed: SEED, numRuns: 400 });
  });

  test('PyYAML (libyaml and the pure-Python reader), as YAML 1.1', () => {
    const docs = fc.sample(documentValue, { seed: SEED, numRuns: 300 });
    const program = [
      'import json, sys, yaml',
      'text, expected = sys.stdin.read().split("\\n\\u0000\\n")',
      'expected = json.loads(expected)',
      'for loader in (yaml.CSafeLoader, yaml.SafeLoader):',
      '    got = list(yaml.load_all(text, Loader=loader))',
      '    assert len(got) == len(expected), (loader, len(got))',
      '    for i, (a, b) in enumerate(zip(got, expected)):',
      '        if a != b: sys.exit(f"{loader.__name__} document {i}: {a!r} != {b!r}")',
      'print(len(expected))',
    ].join('\n');
    const result = spawnSync(SYSTEM_PYTHON, ['-c', program], { input: `${yamlDocuments(docs)}\n\u0000\n${JSON.stringify(docs)}`, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe(String(docs.length));
  });
});

describe('style', () => {
  test('multi-line text is a literal block with exact trailing line breaks', () => {
    expect(yamlDocument({ a: 'x\ny\n' })).toBe('a: |\n  x\n  y\n');
    expect(yamlDocument({ a: 'x\ny' })).toBe('a: |-\n  x\n  y\n');
    expect(yamlDocument({ a: 'x\n\n' })).toBe('a: |+\n  x\n\n');
    expect(yamlDocument({ a: ['x\ny\n'] })).toBe('a:\n  - |\n    x\n    y\n');
  });

  test('text a block cannot hold is double-quoted', () => {
    expect(yamlDocument({ a: ' lead\nx' })).toBe('a: " lead\\nx"\n');
    expect(yamlDocument({ a: 'a\r\nb' })).toBe('a: "a\\r\\nb"\n');
  });

  test('plain only where no reader could take a string for anything else', () => {
    expect(yamlDocument({ name: 'superset', image: 'apache/superset:6.1.0', path: '/app/pythonpath', port: 8088, flag: true, none: null }))
      .toBe('name: superset\nimage: apache/superset:6.1.0\npath: /app/pythonpath\nport: 8088\nflag: true\nnone: null\n');
    expect(yamlDocument({ a: 'yes', b: '8088', c: '1Gi', d: 'a: b', e: '' })).toBe('a: "yes"\nb: "8088"\nc: "1Gi"\nd: "a: b"\ne: ""\n');
  });

  test('a lone surrogate, which no UTF-8 text can carry, is refused', () => {
    expect(() => yamlDocument({ a: 'x\ud800' })).toThrow(/cannot write a lone surrogate \(\\uD800\) as YAML/);
  });

  test('empty collections and nested sequences', () => {
    expect(yamlDocument({ a: {}, b: [], c: [[1, 2], [], {}], d: [{ x: 1, z: [] }] }))
      .toBe('a: {}\nb: []\nc:\n  -\n    - 1\n    - 2\n  - []\n  - {}\nd:\n  - x: 1\n    z: []\n');
  });
});

test('a fully featured instance reads back as the objects cdk8s synthesizes', () => {
  const chart = Testing.chart();
  new SupersetInstance(chart, 'demo', {
    namespace: 'analytics',
    image: { tag: '6.1.0' },
    secretKeyFrom: { name: 's', key: 'k' },
    metastore: { host: 'db', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'p' } },
    valkey: { host: 'valkey', ssl: {} },
    config: 'X = "yes: no"\n  # indented comment\n',
    webServer: {},
    celeryWorker: {},
    celeryBeat: {},
    celeryFlower: {},
    mcpServer: {},
    networking: { gateway: { gatewayRef: { name: 'gw' } } },
    networkPolicy: { egress: 'Restricted' },
    monitoring: { serviceMonitor: {} },
  });
  const objects = Testing.synth(chart);
  expect(parseAllDocuments(yamlDocuments(objects), { version: '1.1' }).map((d) => d.toJS())).toEqual(objects);
});
