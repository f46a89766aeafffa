import { formatViolation, formatViolations } from '../../src/base/errors';
import { describeValue, missing, violation } from '../../src/validate/violations';

describe('describeValue', () => {
  test('renders JSON', () => {
    expect(describeValue('a')).toBe('"a"');
    expect(describeValue(3)).toBe('3');
    expect(describeValue(null)).toBe('null');
    expect(describeValue({ a: [1, true] })).toBe('{"a":[1,true]}');
  });

  test('renders what JSON cannot', () => {
    expect(describeValue(undefined)).toBe('undefined');
    expect(describeValue(NaN)).toBe('NaN');
    expect(describeValue(Infinity)).toBe('Infinity');
    expect(describeValue(() => 1)).toBe('a function');
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(describeValue(circular)).toBe('[object Object]');
  });

  test('hides fields named like secrets inside objects', () => {
    expect(describeValue({ username: 'u', password: 'p', jwtSecret: 's', uri: 'postgresql://u:p@h/d' }))
      .toBe('{"username":"u","password":"<hidden>","jwtSecret":"<hidden>","uri":"<hidden>"}');
  });

  test('shortens long values', () => {
    const text = describeValue('x'.repeat(500));
    expect(text).toHaveLength(100);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe('violations', () => {
  test('hide the value of a secret field', () => {
    expect(violation('metastore.password', 'r', 'p').got).toBe('<hidden>');
    expect(violation('websocketServer.config', 'r', { port: 1 }).got).toBe('<hidden>');
    expect(violation('metastore.host', 'r', 'db').got).toBe('"db"');
  });

  test('format as <path>: <rule>[, got <value>][; <fix>]', () => {
    expect(formatViolation(violation('replicas', 'must be an integer >= 0', -1, 'use 0 or more'))).toBe(
      'replicas: must be an integer >= 0, got -1; use 0 or more');
    expect(formatViolation(missing('image.tag', 'is required'))).toBe('image.tag: is required');
  });

  test('format one or several under the instance name', () => {
    const one = missing('a', 'is required');
    expect(formatViolations('SupersetInstance \'x\'', [one])).toBe('SupersetInstance \'x\': a: is required');
    expect(formatViolations('SupersetInstance \'x\'', [one, one])).toBe('SupersetInstance \'x\': 2 problems:\n  - a: is required\n  - a: is required');
  });
});
