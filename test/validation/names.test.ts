import { expectProblem, expectValid, MINIMAL, problemsOf } from './helpers';

/** Props with lifecycle disabled, so only the limits under test apply. */
const NO_LIFECYCLE = { ...MINIMAL, lifecycle: { disabled: true } };

function name(length: number): string {
  return 'a'.repeat(length);
}

function expectNameProblem(props: object, instanceName: string, ...fragments: string[]): void {
  const problems = problemsOf(props, instanceName).filter((p) => p.startsWith('name: '));
  expect(problems).toHaveLength(1);
  for (const fragment of fragments) expect(problems[0]).toContain(fragment);
}

describe('instance name rules', () => {
  test('fails when the instance name is not a DNS label', () => {
    expectNameProblem(MINIMAL, 'My_Superset', 'must be a valid DNS label', 'no dots or underscores', 'got "My_Superset"');
  });

  test('fails when the instance name is empty', () => {
    expectNameProblem({ ...MINIMAL, name: '' }, '', 'must be a valid DNS label', 'got ""');
  });

  test('fails when the instance name is longer than 63 characters', () => {
    expectNameProblem(NO_LIFECYCLE, name(64), 'must be at most 63 characters', '(64 characters)');
  });

  test.each([
    ['webServer', { webServer: {} }, 52, '-web-server'],
    ['mcpServer', { mcpServer: {} }, 52, '-mcp-server'],
    ['celeryBeat', { celeryBeat: {} }, 51, '-celery-beat'],
    ['celeryWorker', { celeryWorker: {} }, 49, '-celery-worker'],
    ['celeryFlower', { celeryFlower: {} }, 49, '-celery-flower'],
    ['websocketServer', { websocketServer: { image: { repository: 'ws' } } }, 46, '-websocket-server'],
  ])('fails when %s is enabled and the name is too long for it', (_component, extra, max, suffix) => {
    expectNameProblem({ ...NO_LIFECYCLE, ...extra }, name(max + 1), `must be at most ${max} characters`, suffix,
      `(${max + 1} characters)`);
    expectValid({ ...NO_LIFECYCLE, ...extra }, name(max));
  });

  test('fails when lifecycle.maintenancePage is set and the name is longer than 46 characters', () => {
    const props = { ...MINIMAL, lifecycle: { disabled: true, maintenancePage: {} } };
    expectNameProblem(props, name(47), 'must be at most 46 characters when lifecycle.maintenancePage is enabled');
    expect(problemsOf(props, name(46)).filter((p) => p.startsWith('name: '))).toEqual([]);
  });

  test('fails when lifecycle.rotate is set and the name is longer than 49 characters', () => {
    const props = { ...MINIMAL, previousSecretKeyFrom: { name: 's', key: 'k' }, lifecycle: { disabled: true, rotate: {} } };
    expectNameProblem(props, name(50), 'must be at most 49 characters when lifecycle.rotate is enabled');
    expectValid(props, name(49));
  });

  test('fails when a scheduled seed\'s CronJob name would be longer than 52 characters', () => {
    const seed = { cronSchedule: '0 3 * * *', source: { host: 'h', database: 'd', username: 'u', passwordFrom: { name: 's', key: 'k' } } };
    const props = { ...MINIMAL, environment: 'Staging', metastore: { host: 'pg', database: 'd', username: 'u' }, lifecycle: { seed } };
    expectNameProblem(props, name(48), 'must be at most 47 characters when lifecycle.seed.cronSchedule is set', '\'{name}-seed\'');
    expectValid(props, name(47));
  });

  test('fails when lifecycle is absent and the name is longer than 48 characters', () => {
    expectNameProblem(MINIMAL, name(49), 'must be at most 48 characters when lifecycle is enabled', '-migrate',
      'or set lifecycle.disabled: true');
    expectValid(MINIMAL, name(48));
  });

  test('fails when lifecycle is present but not disabled and the name is longer than 48 characters', () => {
    expectNameProblem({ ...MINIMAL, lifecycle: { disabled: false } }, name(49), 'must be at most 48 characters');
  });

  test('reports only the tightest limit', () => {
    const props = { ...MINIMAL, webServer: {}, celeryWorker: {}, websocketServer: { image: { repository: 'ws' } } };
    expectNameProblem(props, name(60), 'must be at most 46 characters when websocketServer is enabled');
  });

  test('accepts a 63-character name with lifecycle disabled and no components', () => {
    expectValid(NO_LIFECYCLE, name(63));
  });
});

describe('service account rules', () => {
  test('fails when serviceAccount.create is false without a name', () => {
    expectProblem({ ...MINIMAL, serviceAccount: { create: false } }, 'serviceAccount.name',
      'serviceAccount.name is required when serviceAccount.create is false');
  });

  test('fails when serviceAccount.create is false with an empty name', () => {
    expectProblem({ ...MINIMAL, serviceAccount: { create: false, name: '' } }, 'serviceAccount.name',
      'must be a DNS subdomain', 'got ""');
  });

  test('accepts an existing ServiceAccount by name', () => {
    expectValid({ ...MINIMAL, serviceAccount: { create: false, name: 'shared-sa' } });
  });
});
