import { expectProblem, expectValid, MINIMAL, problemsOf } from './helpers';

const REF = { name: 's', key: 'k' };
const METASTORE = { host: 'db', database: 'superset', username: 'superset', passwordFrom: REF };
const SOURCE = { host: 'prod-db', database: 'superset', username: 'reader', passwordFrom: REF };
const INLINE_SOURCE = { ...SOURCE, passwordFrom: undefined, password: 'pw' };

function props(extra: object): object {
  return { ...MINIMAL, metastore: METASTORE, ...extra };
}

describe('lifecycle rules', () => {
  test('fails when lifecycle.init.adminUser is set outside Development', () => {
    const init = { adminUser: { username: 'admin', password: 'admin' } };
    expectProblem(props({ lifecycle: { init } }), 'lifecycle.init.adminUser',
      'lifecycle.init.adminUser is only allowed when environment is Development',
      'got {"username":"admin","password":"<hidden>"}');
  });

  test('fails when lifecycle.init.loadExamples is set outside Development, even to false', () => {
    expectProblem(props({ environment: 'Staging', lifecycle: { init: { loadExamples: false } } }),
      'lifecycle.init.loadExamples', 'lifecycle.init.loadExamples is only allowed when environment is Development',
      'got false');
  });

  test('fails when lifecycle.init.command is combined with adminUser or loadExamples', () => {
    const init = { command: ['superset', 'init'], loadExamples: true };
    expectProblem(props({ environment: 'Development', lifecycle: { init } }), 'lifecycle.init.command',
      'init.command is mutually exclusive with init.adminUser and init.loadExamples', 'got ["superset","init"]');
  });

  test('fails when lifecycle.seed is enabled in Production', () => {
    expectProblem(props({ lifecycle: { seed: { source: SOURCE } } }), 'lifecycle.seed',
      'lifecycle.seed is only allowed when environment is Development or Staging', 'destructive DROP DATABASE',
      'environment is unset, which means Production', 'got {"source":');
  });

  test('fails when lifecycle.seed.source.password is inline outside Development', () => {
    expectProblem(props({ environment: 'Staging', lifecycle: { seed: { source: INLINE_SOURCE } } }),
      'lifecycle.seed.source.password', 'lifecycle.seed.source.password is only allowed when environment is Development',
      'got <hidden>', 'use lifecycle.seed.source.passwordFrom in Staging');
  });

  test('fails when the seed source has neither password nor passwordFrom', () => {
    const source = { ...SOURCE, passwordFrom: undefined };
    expectProblem(props({ environment: 'Staging', lifecycle: { seed: { source } } }),
      'lifecycle.seed.source.passwordFrom', 'one of password or passwordFrom must be set');
  });

  test('fails when the seed source has both password and passwordFrom', () => {
    const source = { ...SOURCE, password: 'pw' };
    expectProblem(props({ environment: 'Development', lifecycle: { seed: { source } } }), 'lifecycle.seed.source',
      'password and passwordFrom are mutually exclusive', 'got {"password":"<hidden>"');
  });

  test('fails when lifecycle.seed is enabled without a structured metastore', () => {
    const staging = { ...MINIMAL, environment: 'Staging', metastore: { uriFrom: REF } };
    expectProblem({ ...staging, lifecycle: { seed: { source: SOURCE } } }, 'metastore.host',
      'lifecycle.seed requires structured metastore configuration (host must be set)');
  });

  test('fails when lifecycle.rotate is enabled without a previous secret key', () => {
    expectProblem(props({ lifecycle: { rotate: { timeout: '10m' } } }), 'lifecycle.rotate',
      'lifecycle.rotate requires previousSecretKey (dev) or previousSecretKeyFrom to be set', 'got {"timeout":"10m"}');
  });

  test('accepts a disabled seed in Production without a structured metastore, and a disabled rotate', () => {
    expectValid({ ...MINIMAL, lifecycle: { seed: { disabled: true, source: SOURCE }, rotate: { disabled: true } } });
  });

  test('still checks the source password of a disabled seed, as the operator does', () => {
    const problems = problemsOf({ ...MINIMAL, lifecycle: { seed: { disabled: true, source: INLINE_SOURCE } } });
    expect(problems.some((p) => p.startsWith('lifecycle.seed.source.password: '))).toBe(true);
  });

  test('accepts a seed in Staging with a Secret password, and rotation with previousSecretKeyFrom', () => {
    expectValid(props({
      environment: 'Staging',
      previousSecretKeyFrom: REF,
      lifecycle: { seed: { source: SOURCE, cronSchedule: '0 3 * * *' }, rotate: {} },
    }));
  });
});

describe('lifecycle rules beyond the operator', () => {
  test('fails when lifecycle.delivery is not a delivery mode', () => {
    expectProblem(props({ lifecycle: { delivery: 'Flux' } }), 'lifecycle.delivery', 'must be one of \'Plain\', \'ArgoCD\', \'Helm\'', 'got "Flux"');
  });

  test('fails when the seed source and the metastore are different engines', () => {
    expectProblem(props({ environment: 'Staging', lifecycle: { seed: { source: { ...SOURCE, type: 'MySQL' } } } }),
      'lifecycle.seed.source.type', 'must match the metastore\'s engine, PostgreSQL', 'got "MySQL"', 'copy from a PostgreSQL database');
    expectValid(props({ environment: 'Staging', metastore: { ...METASTORE, type: 'MySQL' }, lifecycle: { seed: { source: { ...SOURCE, type: 'MySQL' } } } }));
  });

  test('fails when a task pod template sets a command, which no task would run', () => {
    const container = { command: ['superset', 'db', 'upgrade'] };
    expectProblem(props({ lifecycle: { podTemplate: { container } } }), 'lifecycle.podTemplate.container.command',
      'lifecycle tasks do not take a command from a pod template', 'set the command of the task instead, for example lifecycle.migrate.command');
    expectProblem(props({ environment: 'Staging', lifecycle: { seed: { source: SOURCE, podTemplate: { container } } } }),
      'lifecycle.seed.podTemplate.container.command', 'lifecycle tasks do not take a command from a pod template');
  });

  test.each(['ArgoCD', 'Helm'])('fails when a seed is combined with %s delivery, whose hooks would run before it', (delivery) => {
    expectProblem(props({ environment: 'Staging', lifecycle: { delivery, seed: { source: SOURCE } } }), 'lifecycle.delivery',
      'lifecycle.seed needs Plain delivery', `${delivery} delivery runs migrate, rotate and init as hooks`,
      'the seed cannot be such a hook since it would drop the metastore every time', `got "${delivery}"`,
      'remove lifecycle.delivery (Plain works with Argo CD and Helm too), or remove lifecycle.seed or set lifecycle.seed.disabled: true');
  });

  test('accepts a seed with Plain delivery, and hook delivery with a disabled seed or lifecycle', () => {
    const staging = { environment: 'Staging' };
    expectValid(props({ ...staging, lifecycle: { delivery: 'Plain', seed: { source: SOURCE } } }));
    expectValid(props({ ...staging, lifecycle: { delivery: 'ArgoCD', seed: { source: SOURCE, disabled: true } } }));
    expectValid(props({ ...staging, lifecycle: { delivery: 'Helm', disabled: true, seed: { source: SOURCE } } }));
  });

  test('a seed with devDependencies needs no metastore.host', () => {
    const problems = problemsOf({ ...MINIMAL, environment: 'Staging', devDependencies: {}, lifecycle: { seed: { source: SOURCE } } });
    expect(problems.some((p) => p.startsWith('metastore.host: '))).toBe(false);
  });
});

