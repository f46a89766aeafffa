import { expectProblem, expectValid, MINIMAL } from './helpers';

const PASSWORD_REF = { name: 'valkey', key: 'password' };

describe('valkey rules', () => {
  test('fails when valkey.password is inline outside Development', () => {
    expectProblem({ ...MINIMAL, valkey: { host: 'valkey', password: 'pw' } }, 'valkey.password',
      'valkey.password is only allowed when environment is Development', 'got <hidden>', 'use valkey.passwordFrom');
  });

  test('fails when password and passwordFrom are both set', () => {
    const valkey = { host: 'valkey', password: 'pw', passwordFrom: PASSWORD_REF };
    expectProblem({ ...MINIMAL, environment: 'Development', valkey }, 'valkey',
      'password and passwordFrom are mutually exclusive', 'got {"password":"<hidden>"', 'remove one');
  });

  test('accepts an inline password in Development and a Secret reference anywhere', () => {
    expectValid({ ...MINIMAL, environment: 'Development', valkey: { host: 'valkey', password: 'pw' } });
    expectValid({ ...MINIMAL, valkey: { host: 'valkey', passwordFrom: PASSWORD_REF } });
  });
});
