import { expectProblem, expectValid, MINIMAL, problemsOf } from './helpers';

const REF = { name: 'superset-db', key: 'password' };
const STRUCTURED = { host: 'db', database: 'superset', username: 'superset', passwordFrom: REF };

function withMetastore(metastore: object, environment?: string): object {
  return { ...MINIMAL, environment, metastore };
}

describe('metastore rules', () => {
  test('fails when metastore.uri is inline outside Development', () => {
    expectProblem(withMetastore({ uri: 'postgresql://u:pw@db/superset' }), 'metastore.uri',
      'metastore.uri is only allowed when environment is Development', 'got <hidden>', 'use metastore.uriFrom');
  });

  test('fails when metastore.password is inline outside Development', () => {
    expectProblem(withMetastore({ ...STRUCTURED, passwordFrom: undefined, password: 'pw' }, 'Staging'),
      'metastore.password', 'metastore.password is only allowed when environment is Development', 'got <hidden>',
      'use metastore.passwordFrom');
  });

  test('fails when uri and uriFrom are both set', () => {
    expectProblem(withMetastore({ uri: 'sqlite://', uriFrom: REF }, 'Development'), 'metastore',
      'uri and uriFrom are mutually exclusive', 'got {"uri":"<hidden>","uriFrom":{', 'remove one');
  });

  test('fails when password and passwordFrom are both set', () => {
    expectProblem(withMetastore({ ...STRUCTURED, password: 'pw' }, 'Development'), 'metastore',
      'password and passwordFrom are mutually exclusive', 'got {"password":"<hidden>"');
  });

  test('fails when uri is combined with structured fields', () => {
    expectProblem(withMetastore({ uri: 'sqlite://', host: 'db', port: 5432 }, 'Development'), 'metastore',
      'uri and structured fields are mutually exclusive', 'got {"uri":"<hidden>","host":"db","port":5432}',
      'remove uri or host, port');
  });

  test('fails when uriFrom is combined with structured fields', () => {
    expectProblem(withMetastore({ uriFrom: REF, driver: 'pg8000' }), 'metastore',
      'uriFrom and structured fields are mutually exclusive', '"driver":"pg8000"', 'remove uriFrom or driver');
  });

  test('fails when structured fields are set without host', () => {
    expectProblem(withMetastore({ database: 'superset', port: 5432 }), 'metastore',
      'structured fields (database, username, password, passwordFrom, port, driver) require host to be set',
      'got {"database":"superset","port":5432}', 'set metastore.host');
  });

  test('fails when host is set without database and username', () => {
    const problems = problemsOf(withMetastore({ host: 'db' }));
    expect(problems).toContain('metastore.database: structured metastore requires database and username when host is set');
    expect(problems).toContain('metastore.username: structured metastore requires database and username when host is set');
  });

  test('fails when createDatabase is set without the structured form', () => {
    expectProblem(withMetastore({ uriFrom: REF, createDatabase: true }), 'metastore.createDatabase',
      'createDatabase requires structured metastore (host set) and is not supported with uri or uriFrom', 'got true');
  });

  test('accepts a passthrough URI from a Secret, the structured form, and createDatabase: false anywhere', () => {
    expectValid(withMetastore({ uriFrom: REF, type: 'MySQL', createDatabase: false }));
    expectValid(withMetastore({ ...STRUCTURED, port: 5432, driver: 'psycopg2', createDatabase: true }));
  });
});
