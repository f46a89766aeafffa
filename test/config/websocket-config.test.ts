import { renderWebsocketConfig } from '../../src/render/websocket-config';

describe('renderWebsocketConfig', () => {
  test('absent config is an empty object', () => {
    expect(renderWebsocketConfig(undefined)).toBe('{}');
  });

  test('an empty config is an empty object', () => {
    expect(renderWebsocketConfig({})).toBe('{}');
  });

  test('two-space indentation and keys sorted at every level', () => {
    const config = {
      redis: { port: 6379, host: 'valkey' },
      jwtCookieName: 'async-token',
      port: 8080,
      logLevel: 'info',
    };
    expect(renderWebsocketConfig(config)).toBe([
      '{',
      '  "jwtCookieName": "async-token",',
      '  "logLevel": "info",',
      '  "port": 8080,',
      '  "redis": {',
      '    "host": "valkey",',
      '    "port": 6379',
      '  }',
      '}',
    ].join('\n'));
  });

  test('objects inside arrays are sorted too; array order is kept; empty containers stay inline', () => {
    const config = { list: [{ b: 1, a: [] }, 'x', null, true, 1.5], empty: {} };
    expect(renderWebsocketConfig(config)).toBe([
      '{',
      '  "empty": {},',
      '  "list": [',
      '    {',
      '      "a": [],',
      '      "b": 1',
      '    },',
      '    "x",',
      '    null,',
      '    true,',
      '    1.5',
      '  ]',
      '}',
    ].join('\n'));
  });

  test('integer-like keys sort as strings, like Go', () => {
    expect(renderWebsocketConfig({ 9: 'nine', 10: 'ten', b: 'b', A: 'A' })).toBe(
      '{\n  "10": "ten",\n  "9": "nine",\n  "A": "A",\n  "b": "b"\n}',
    );
  });

  test('keys sort by code point (UTF-8 byte order), not UTF-16 units', () => {
    const text = renderWebsocketConfig({ '\u{1F600}': 1, '\uFF5E': 2 });
    expect(text.indexOf('\uFF5E')).toBeLessThan(text.indexOf('\u{1F600}'));
  });

  test('<, >, & and the JavaScript line separators are escaped like Go does', () => {
    expect(renderWebsocketConfig({ 'a<b': '<script>&</script>', 's': '\u2028\u2029' })).toBe(
      '{\n  "a\\u003cb": "\\u003cscript\\u003e\\u0026\\u003c/script\\u003e",\n  "s": "\\u2028\\u2029"\n}',
    );
  });

  test('the output parses back to the same data', () => {
    const config = { quote: 'say "hi"\n', nested: { deep: [1, { z: false, y: 'a&b' }] } };
    expect(JSON.parse(renderWebsocketConfig(config))).toEqual(config);
  });

  test('undefined properties are left out, as in JSON', () => {
    expect(renderWebsocketConfig({ a: undefined, b: 1 })).toBe('{\n  "b": 1\n}');
  });
});
