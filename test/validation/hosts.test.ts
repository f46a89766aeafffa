import { expectProblem, expectValid, MINIMAL } from './helpers';
import { isNetworkHost } from '../../src/base/patterns';

const PASSWORD_REF = { name: 'db', key: 'password' };
const seed = (host: string) => ({ lifecycle: { seed: { source: { host, database: 'prod', username: 'reader' } } } });

describe('hosts are DNS names or IP addresses', () => {
  test.each([
    'valkey', 'valkey.databases.svc', 'valkey.databases.svc.cluster.local', 'DB.Example.COM', '10.0.0.5', '127.0.0.1',
    '::1', 'fd00::5', '2001:db8::8a2e:370:7334', '::ffff:10.0.0.1', 'a'.repeat(63) + '.example',
  ])('accepts %s', (host) => {
    expect(isNetworkHost(host)).toBe(true);
  });

  test.each([
    ['a failover list for kombu', 'valkey-a;valkey-b'],
    ['a fragment that drops the TLS query', 'valkey#x'],
    ['a path and query that switch the database', 'valkey/9?ssl=false'],
    ['credentials', 'user:pw@valkey'],
    ['a port', 'valkey:6379'],
    ['a bracketed IPv6 address', '[::1]'],
    ['an IPv6 zone', 'fe80::1%eth0'],
    ['a space', 'valkey '],
    ['an empty string', ''],
    ['a label of 64 characters', 'a'.repeat(64) + '.example'],
    ['dotted numbers that are no IPv4 address', '300.1.1.1'],
    ['a scheme', 'redis://valkey'],
    ['a trailing dot', 'valkey.'],
  ])('refuses %s', (_why, host) => {
    expect(isNetworkHost(host)).toBe(false);
  });

  test('valkey.host, metastore.host and the seed source host name the field, rule, value and fix', () => {
    const rule = 'must be a DNS name, an IPv4 address or an IPv6 address';
    expectProblem({ ...MINIMAL, valkey: { host: 'a;b' } }, 'valkey.host', rule, '"a;b"', 'IPv6 without brackets');
    expectProblem({ ...MINIMAL, metastore: { host: '[::1]', database: 'd', username: 'u', passwordFrom: PASSWORD_REF } },
      'metastore.host', rule, '"[::1]"');
    expectProblem({ ...MINIMAL, ...seed('prod/1?x') }, 'lifecycle.seed.source.host', rule, '"prod/1?x"');
  });

  test('a bare IPv6 address is accepted everywhere', () => {
    expectValid({ ...MINIMAL, valkey: { host: 'fd00::5' } });
    expectValid({ ...MINIMAL, metastore: { host: '::1', database: 'd', username: 'u', passwordFrom: PASSWORD_REF } });
  });
});

describe('metastore.database', () => {
  test('refuses \'?\', which SQLAlchemy cannot read in a URL\'s database, with the way out', () => {
    expectProblem({ ...MINIMAL, metastore: { host: 'pg', database: 'why?', username: 'u', passwordFrom: PASSWORD_REF } },
      'metastore.database', 'must not contain \'?\'', 'metastore.uriFrom');
  });

  test('accepts every other character', () => {
    const database = 'sup\'er "db" 50% /a#b@c:d ü€ \\ ;';
    expectValid({ ...MINIMAL, metastore: { host: 'pg', database, username: 'u', passwordFrom: PASSWORD_REF } });
  });
});
