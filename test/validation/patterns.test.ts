import {
  isAnnotationKey, isCronSchedule, isDnsLabel, isDnsSubdomain, isGatewayPath, isGoDuration, isHostname, isLabelKey,
  isLabelValue, isPortName, isPrometheusDuration, isQualifiedName, prometheusDurationMs,
} from '../../src/base/patterns';

function accepts(predicate: (value: string) => boolean, values: string[]): void {
  for (const value of values) expect([value, predicate(value)]).toEqual([value, true]);
}

function rejects(predicate: (value: string) => boolean, values: string[]): void {
  for (const value of values) expect([value, predicate(value)]).toEqual([value, false]);
}

describe('isDnsLabel', () => {
  test('accepts DNS labels up to 63 characters', () => {
    accepts(isDnsLabel, ['a', 'superset', 'my-superset-1', '0abc', 'a'.repeat(63)]);
  });
  test('rejects capitals, dots, underscores, edge hyphens, empty and long names', () => {
    rejects(isDnsLabel, ['', 'Superset', 'my.superset', 'my_superset', '-a', 'a-', 'a b', 'a'.repeat(64)]);
  });
});

describe('isDnsSubdomain', () => {
  test('accepts dotted names up to 253 characters', () => {
    accepts(isDnsSubdomain, ['a', 'superset-sa', 'example.com', 'a.b-c.d', `${'a'.repeat(63)}.${'b'.repeat(63)}`]);
  });
  test('rejects capitals, empty parts, underscores and long names', () => {
    rejects(isDnsSubdomain, ['', 'A', 'a..b', '.a', 'a.', 'a_b', 'a.-b', 'a'.repeat(254)]);
  });
});

describe('isQualifiedName / isLabelKey', () => {
  test('accepts names with and without a DNS prefix', () => {
    accepts(isLabelKey, ['app', 'App_1.x', 'app.kubernetes.io/name', 'example.com/Team', 'a', 'a'.repeat(63)]);
    accepts(isQualifiedName, ['x/y']);
  });
  test('rejects empty parts, bad characters, two slashes, bad prefixes and long names', () => {
    rejects(isLabelKey, ['', '/a', 'a/', 'a/b/c', 'bad key', '-a', 'a-', 'Example.com/a', 'a_b/c', 'a'.repeat(64)]);
  });
});

describe('isLabelValue', () => {
  test('accepts empty and qualified values up to 63 characters', () => {
    accepts(isLabelValue, ['', 'v1', 'Prod_2.x-y', 'a'.repeat(63)]);
  });
  test('rejects slashes, spaces, edge punctuation and long values', () => {
    rejects(isLabelValue, ['a/b', 'in valid', '-a', 'a.', '_a', 'a'.repeat(64)]);
  });
});

describe('isAnnotationKey', () => {
  test('accepts qualified names, capitals included', () => {
    accepts(isAnnotationKey, ['description', 'eks.amazonaws.com/role-arn', 'Example.com/Owner']);
  });
  test('rejects keys that are not qualified names', () => {
    rejects(isAnnotationKey, ['', 'a b', 'a/b/c', '/x', 'x/']);
  });
});

describe('isHostname', () => {
  test('accepts RFC 1123 hostnames with an optional wildcard prefix', () => {
    accepts(isHostname, ['superset.example.com', 'localhost', '*.example.com', 'a-b.c0', `${'a'.repeat(63)}.com`]);
  });
  test('rejects capitals, underscores, inner wildcards, IP addresses, long labels and names', () => {
    rejects(isHostname, [
      '', 'Superset.example.com', 'a_b.com', 'a.*.com', '*', '*.', '10.0.0.1', 'a..b', `${'a'.repeat(64)}.com`,
      `${'a.'.repeat(127)}ab`,
    ]);
  });
});

describe('isGatewayPath', () => {
  test('accepts absolute paths of the allowed characters', () => {
    accepts(isGatewayPath, ['/flower', '/ws', '/a/b_c.d-e', '/flower/']);
  });
  test('rejects relative, root-only, spaced and query paths', () => {
    rejects(isGatewayPath, ['', '/', 'flower', '/a b', '/a?b=1', '/%20']);
  });
});

describe('isCronSchedule', () => {
  test('accepts 5 to 7 fields', () => {
    accepts(isCronSchedule, ['0 3 * * *', '*/5 * * * *', '0 0 12 ? * MON-FRI', '0 0 12 1 1 ? 2030', '0 3 1,15 * *']);
  });
  test('rejects macros, too few or too many fields, empty and over-long schedules', () => {
    rejects(isCronSchedule, ['@daily', '* * * *', '0 0 0 0 0 0 0 0', '', `0 ${'1,'.repeat(130)}1 * * *`]);
  });
});

describe('isGoDuration', () => {
  test('accepts non-negative Go durations', () => {
    accepts(isGoDuration, ['0', '300s', '5m', '1h30m', '1.5h', '250ms', '10us', '10µs', '1h0m0s', '.5s']);
  });
  test('rejects negative, unitless, spaced and unknown-unit values', () => {
    rejects(isGoDuration, ['', '-5m', '300', '5 m', '5min', '1d', 'h', '5m ']);
  });
});

describe('isPrometheusDuration', () => {
  test('accepts Prometheus durations in unit order', () => {
    accepts(isPrometheusDuration, ['0', '30s', '1m', '1h30m', '2w', '1y', '100ms', '1d12h']);
  });
  test('rejects empty, unitless, fractional, out-of-order and Go-only units', () => {
    rejects(isPrometheusDuration, ['', '30', '1.5s', '30s1m', '10us', ' 30s', '-1s']);
  });
  test('converts to milliseconds', () => {
    expect(prometheusDurationMs('1m30s')).toBe(90_000);
    expect(prometheusDurationMs('1d')).toBe(86_400_000);
    expect(prometheusDurationMs('250ms')).toBe(250);
    expect(prometheusDurationMs('0')).toBe(0);
    expect(prometheusDurationMs('nope')).toBeUndefined();
  });
});

describe('isPortName', () => {
  test('accepts IANA service names', () => {
    accepts(isPortName, ['http', 'metrics', 'ws', 'h2c-8080', 'a'.repeat(15)]);
  });
  test('rejects capitals, digits only, double or edge hyphens and long names', () => {
    rejects(isPortName, ['', 'HTTP', '8080', 'a--b', '-http', 'http-', 'a'.repeat(16), 'my_port']);
  });
});
