import { errorOf, expectProblem, withMinimal } from './helpers';

/*
 * Build errors land in CI logs: a value that may be a secret is never printed. Below objects that hold credentials
 * (metastore, valkey, the seed's source, the admin user, the development dependencies) every unknown field is
 * hidden, and a URL with credentials is hidden wherever it appears.
 */

describe('values that may be secrets are hidden in errors', () => {
  test.each<[string, object, string]>([
    ['an unknown metastore field', { metastore: { pwd: 'hunter2' } }, 'metastore.pwd'],
    ['a Valkey URL with a password', { valkey: { host: 'v', url: 'redis://:hunter2@v:6379/0' } }, 'valkey.url'],
    ['an unknown field in the Valkey TLS settings', { valkey: { host: 'v', ssl: { key: 'hunter2' } } }, 'valkey.ssl.key'],
    ['an unknown field of the seed source', {
      lifecycle: { seed: { source: { host: 'h', database: 'd', username: 'u', pw: 'hunter2' } } },
    }, 'lifecycle.seed.source.pw'],
    ['an unknown field of the admin user', { lifecycle: { init: { adminUser: { pass: 'hunter2' } } } },
      'lifecycle.init.adminUser.pass'],
    ['an unknown field of the development dependencies',
      { environment: 'Development', devDependencies: { password: 'x', pwd: 'hunter2' } }, 'devDependencies.pwd'],
    ['a URL with credentials in any field', { config: 42, forceReload: 'postgresql://u:hunter2@db/superset' }, 'config'],
    ['a URL with credentials in a wrong-typed field', { bootstrapScript: ['mysql://root:hunter2@db'] }, 'bootstrapScript'],
    ['user information without a scheme', { valkey: { host: ['default:hunter2@valkey'] } }, 'valkey.host'],
  ])('%s', (_name, extra, path) => {
    const message = errorOf(withMinimal(extra));
    expect(message).toBeDefined();
    expect(message).toContain(`${path}: `);
    expect(message).not.toContain('hunter2');
  });

  test('the problem is still named, with the value hidden and a fix', () => {
    expectProblem(withMinimal({ metastore: { pwd: 'hunter2' } }), 'metastore.pwd', 'unknown field', 'got <hidden>',
      'remove it');
    expectProblem(withMinimal({ valkey: { host: 'v', url: 'redis://:pw@host' } }), 'valkey.url', 'unknown field',
      'got <hidden>');
  });

  test('values that cannot be secrets are still shown', () => {
    expectProblem(withMinimal({ metastore: { port: 'x' } }), 'metastore.port', 'must be an integer', 'got "x"');
    expectProblem(withMinimal({ config: 'https://example.com', replicas: 'https://example.com' }), 'replicas',
      'got "https://example.com"');
  });
});
