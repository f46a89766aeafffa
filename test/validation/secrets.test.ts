import { expectProblem, expectValid, MINIMAL, problemsOf } from './helpers';

const REF = { name: 'superset-secret', key: 'secret-key' };

describe('secret key rules', () => {
  test('fails when neither secretKey nor secretKeyFrom is set', () => {
    expectProblem({ image: MINIMAL.image }, 'secretKeyFrom',
      'exactly one of secretKey (dev only) or secretKeyFrom must be set', 'reference a Secret key');
  });

  test('fails when both secretKey and secretKeyFrom are set', () => {
    expectProblem({ ...MINIMAL, environment: 'Development', secretKey: 'dev' }, 'secretKey',
      'exactly one of secretKey (dev only) or secretKeyFrom must be set, not both', 'got <hidden>');
  });

  test.each(['Production', 'Staging', undefined])('fails when secretKey is inline and environment is %s', (environment) => {
    expectProblem({ image: MINIMAL.image, environment, secretKey: 'not-so-secret' }, 'secretKey',
      'secretKey is only allowed when environment is Development', 'got <hidden>',
      'use secretKeyFrom in Staging or Production');
  });

  test('says an unset environment means Production', () => {
    expectProblem({ image: MINIMAL.image, secretKey: 'x' }, 'secretKey', 'environment is unset, which means Production');
  });

  test('fails when previousSecretKey is inline outside Development', () => {
    expectProblem({ ...MINIMAL, environment: 'Staging', previousSecretKey: 'old' }, 'previousSecretKey',
      'previousSecretKey is only allowed when environment is Development', 'environment is "Staging"', 'got <hidden>',
      'use previousSecretKeyFrom');
  });

  test('fails when previousSecretKey and previousSecretKeyFrom are both set', () => {
    expectProblem({ ...MINIMAL, environment: 'Development', previousSecretKey: 'old', previousSecretKeyFrom: REF },
      'previousSecretKey', 'previousSecretKey and previousSecretKeyFrom are mutually exclusive', 'got <hidden>',
      'remove one');
  });

  test('never shows a secret value', () => {
    const message = problemsOf({ image: MINIMAL.image, secretKey: 'hunter2', previousSecretKey: 'hunter3' }).join('\n');
    expect(message).not.toContain('hunter');
  });

  test('accepts inline secret keys in Development', () => {
    expectValid({ image: MINIMAL.image, environment: 'Development', secretKey: 'dev', previousSecretKey: 'old' });
  });
});
