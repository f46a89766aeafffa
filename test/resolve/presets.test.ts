import { spawnSync } from 'child_process';
import { BOOTSTRAP_SCRIPT_PATH, wrapWithBootstrap } from '../../src/render/shell';
import { gunicornEnv, resolveCeleryWorker, resolveEngineOptions, resolveGunicorn } from '../../src/resolve/presets';

const CELERY = ['celery', '--app=superset.tasks.celery_app:app', 'worker'];
const NO_SIZING = { gunicornWorkers: 0, gunicornThreads: 0, celeryConcurrency: 0 };

describe('resolveGunicorn', () => {
  const STATIC_DEFAULTS = {
    timeout: 60,
    keepAlive: 2,
    maxRequests: 0,
    maxRequestsJitter: 0,
    limitRequestLine: 0,
    limitRequestFieldSize: 0,
    logLevel: 'info',
  };

  test('no spec means the balanced preset with static defaults', () => {
    expect(resolveGunicorn(undefined)).toEqual({ workers: 2, threads: 8, workerClass: 'gthread', ...STATIC_DEFAULTS });
  });

  test('an empty spec is the balanced preset', () => {
    expect(resolveGunicorn({})).toEqual(resolveGunicorn(undefined));
  });

  test.each([
    ['conservative', 1, 4],
    ['balanced', 2, 8],
    ['performance', 4, 8],
    ['aggressive', 8, 16],
  ] as const)('preset %s sizes %i workers and %i threads of gthread', (preset, workers, threads) => {
    expect(resolveGunicorn({ preset })).toEqual({ workers, threads, workerClass: 'gthread', ...STATIC_DEFAULTS });
  });

  test('the disabled preset resolves to nothing, even with explicit fields', () => {
    expect(resolveGunicorn({ preset: 'disabled', workers: 3 })).toBeUndefined();
  });

  test('explicit fields override the preset and the static defaults', () => {
    const spec = {
      preset: 'aggressive',
      workers: 3,
      threads: 1,
      workerClass: 'sync',
      timeout: 120,
      keepAlive: 0,
      maxRequests: 1000,
      maxRequestsJitter: 50,
      limitRequestLine: 8190,
      limitRequestFieldSize: 16380,
      logLevel: 'debug',
    } as const;
    const { preset, ...fields } = spec;
    expect(resolveGunicorn(spec)).toEqual(fields);
  });

  test('an explicit zero is kept, not replaced by the default', () => {
    expect(resolveGunicorn({ keepAlive: 0 })?.keepAlive).toBe(0);
  });
});

describe('gunicornEnv', () => {
  test('renders the ten variables in order, as decimal strings', () => {
    expect(gunicornEnv(resolveGunicorn({ maxRequests: 1000, logLevel: 'warning' })!)).toEqual([
      { name: 'SERVER_WORKER_AMOUNT', value: '2' },
      { name: 'SERVER_THREADS_AMOUNT', value: '8' },
      { name: 'SERVER_WORKER_CLASS', value: 'gthread' },
      { name: 'GUNICORN_TIMEOUT', value: '60' },
      { name: 'GUNICORN_KEEPALIVE', value: '2' },
      { name: 'WORKER_MAX_REQUESTS', value: '1000' },
      { name: 'WORKER_MAX_REQUESTS_JITTER', value: '0' },
      { name: 'SERVER_LIMIT_REQUEST_LINE', value: '0' },
      { name: 'SERVER_LIMIT_REQUEST_FIELD_SIZE', value: '0' },
      { name: 'GUNICORN_LOGLEVEL', value: 'warning' },
    ]);
  });
});

describe('resolveCeleryWorker', () => {
  test('no spec means balanced: prefork, fair, concurrency 4, prefetch 4', () => {
    expect(resolveCeleryWorker(undefined)).toEqual({
      command: [...CELERY, '--pool=prefork', '-O', 'fair', '-c', '4', '--prefetch-multiplier=4'],
      concurrency: 4,
    });
  });

  test.each([
    ['conservative', 2],
    ['balanced', 4],
    ['performance', 8],
    ['aggressive', 16],
  ] as const)('preset %s runs %i concurrent tasks', (preset, concurrency) => {
    expect(resolveCeleryWorker({ preset })).toEqual({
      command: [...CELERY, '--pool=prefork', '-O', 'fair', '-c', String(concurrency), '--prefetch-multiplier=4'],
      concurrency,
    });
  });

  test('disabled falls back to a fixed command without prefetch flag, ignoring fields, and sizes pools as 0', () => {
    expect(resolveCeleryWorker({ preset: 'disabled', concurrency: 9, pool: 'solo', timeLimit: 5 })).toEqual({
      command: [...CELERY, '--pool=prefork', '-O', 'fair', '-c', '4'],
      concurrency: 0,
    });
  });

  test('optional flags follow in a fixed order', () => {
    const { command } = resolveCeleryWorker({
      timeLimit: 600, softTimeLimit: 300, prefetchMultiplier: 2, maxMemoryPerChild: 512000, maxTasksPerChild: 100,
    });
    expect(command.slice(CELERY.length + 5)).toEqual([
      '--max-tasks-per-child=100',
      '--max-memory-per-child=512000',
      '--prefetch-multiplier=2',
      '--soft-time-limit=300',
      '--time-limit=600',
    ]);
  });

  test('a zero prefetch multiplier drops the flag', () => {
    expect(resolveCeleryWorker({ prefetchMultiplier: 0 }).command)
      .toEqual([...CELERY, '--pool=prefork', '-O', 'fair', '-c', '4']);
  });

  test('explicit pool, optimization and concurrency override the preset', () => {
    const spec = { preset: 'aggressive', pool: 'threads', optimization: 'default', concurrency: 3 } as const;
    expect(resolveCeleryWorker(spec)).toEqual({
      command: [...CELERY, '--pool=threads', '-O', 'default', '-c', '3', '--prefetch-multiplier=4'],
      concurrency: 3,
    });
  });
});

describe('resolveEngineOptions', () => {
  const WEB = { gunicornWorkers: 4, gunicornThreads: 8, celeryConcurrency: 0 };
  const WORKER = { gunicornWorkers: 0, gunicornThreads: 0, celeryConcurrency: 16 };
  const queuePool = (poolSize: number) => ({
    kind: 'QueuePool', poolSize, maxOverflow: -1, poolRecycle: 3600, poolPrePing: false, poolTimeout: 0,
  });

  test('no spec means balanced: one pooled connection per process for the web server', () => {
    expect(resolveEngineOptions('web-server', undefined, WEB)).toEqual(queuePool(1));
  });

  test('the disabled preset omits the section', () => {
    expect(resolveEngineOptions('web-server', { preset: 'disabled', poolSize: 3 }, WEB)).toBeUndefined();
  });

  test('disabled also wins for beat and lifecycle', () => {
    expect(resolveEngineOptions('celery-beat', { preset: 'disabled' }, NO_SIZING)).toBeUndefined();
    expect(resolveEngineOptions('lifecycle', { preset: 'disabled' }, NO_SIZING)).toBeUndefined();
  });

  test('conservative is NullPool only, explicit fields are not applied', () => {
    expect(resolveEngineOptions('web-server', { preset: 'conservative', poolSize: 9, poolPrePing: true }, WEB))
      .toEqual({ kind: 'NullPool' });
  });

  test.each(['celery-beat', 'lifecycle'] as const)('%s coerces every pooled preset to NullPool', (consumer) => {
    for (const preset of [undefined, 'balanced', 'performance', 'aggressive'] as const) {
      expect(resolveEngineOptions(consumer, { preset, poolSize: 7 }, WEB)).toEqual({ kind: 'NullPool' });
    }
    expect(resolveEngineOptions(consumer, undefined, WEB)).toEqual({ kind: 'NullPool' });
  });

  test.each([
    ['web-server', 'balanced', 1, WEB],
    ['web-server', 'performance', 4, WEB],
    ['web-server', 'aggressive', 32, WEB],
    ['celery-worker', 'balanced', 1, WORKER],
    ['celery-worker', 'performance', 16, WORKER],
    ['celery-worker', 'aggressive', 16, WORKER],
    ['mcp-server', 'balanced', 5, NO_SIZING],
    ['mcp-server', 'performance', 10, NO_SIZING],
    ['mcp-server', 'aggressive', 20, NO_SIZING],
    ['celery-flower', 'balanced', 1, WEB],
    ['celery-flower', 'performance', 1, WEB],
    ['celery-flower', 'aggressive', 1, WEB],
  ] as const)('%s with preset %s gets pool_size %i', (consumer, preset, poolSize, sizing) => {
    expect(resolveEngineOptions(consumer, { preset }, sizing)).toEqual(queuePool(poolSize));
  });

  test('a disabled gunicorn (workers/threads passed as 0) yields pool_size 0 for performance and aggressive', () => {
    expect(resolveEngineOptions('web-server', { preset: 'performance' }, NO_SIZING)).toEqual(queuePool(0));
    expect(resolveEngineOptions('web-server', { preset: 'aggressive' }, NO_SIZING)).toEqual(queuePool(0));
  });

  test('a disabled celery preset yields pool_size 0 for a performance worker', () => {
    const sizing = { ...NO_SIZING, celeryConcurrency: resolveCeleryWorker({ preset: 'disabled' }).concurrency };
    expect(resolveEngineOptions('celery-worker', { preset: 'performance' }, sizing)).toEqual(queuePool(0));
  });

  test('explicit fields override a pooled preset', () => {
    const spec = {
      preset: 'aggressive',
      poolSize: 3,
      maxOverflow: 5,
      poolRecycle: 0,
      poolPrePing: true,
      poolTimeout: 30,
    } as const;
    expect(resolveEngineOptions('web-server', spec, WEB)).toEqual({
      kind: 'QueuePool', poolSize: 3, maxOverflow: 5, poolRecycle: 0, poolPrePing: true, poolTimeout: 30,
    });
  });
});

describe('wrapWithBootstrap', () => {
  const SOURCE = ". '/app/pythonpath/superset_bootstrap.sh';";

  test('the script lives next to superset_config.py', () => {
    expect(BOOTSTRAP_SCRIPT_PATH).toBe('/app/pythonpath/superset_bootstrap.sh');
  });

  test.each([undefined, ''])('no script (%p) leaves the command unchanged', (script) => {
    expect(wrapWithBootstrap(['superset', 'run'], script)).toEqual(['superset', 'run']);
  });

  test('a /bin/sh -c command gets the source prefixed to its script, keeping further arguments', () => {
    const command = ['/bin/sh', '-c', 'exec celery flower --url_prefix="$PREFIX"', 'arg0'];
    expect(wrapWithBootstrap(command, 'echo hi')).toEqual([
      '/bin/sh', '-c', `${SOURCE} exec celery flower --url_prefix="$PREFIX"`, 'arg0',
    ]);
  });

  test('any other command is exec\'d with every argument single-quoted', () => {
    expect(wrapWithBootstrap(['celery', '--app=superset.tasks.celery_app:app', 'worker', '-c', '4'], 'x')).toEqual([
      '/bin/sh', '-c', `${SOURCE} exec 'celery' '--app=superset.tasks.celery_app:app' 'worker' '-c' '4'`,
    ]);
  });

  test('an embedded single quote is closed, double-quoted and reopened', () => {
    expect(wrapWithBootstrap(['echo', "it's"], 'x')[2]).toBe(`${SOURCE} exec 'echo' 'it'"'"'s'`);
  });

  test('sh passes quoted arguments through unchanged', () => {
    // Run the wrapped command with the source step removed: sh must hand back the original arguments.
    const args = ["it's", 'a "test"', '$HOME', 'back\\slash', '', 'two  spaces', '`id`'];
    const script = wrapWithBootstrap(['printf', '%s\\n', ...args], 'x')[2].replace(SOURCE, '');
    const result = spawnSync('/bin/sh', ['-c', script], { encoding: 'utf-8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(args.map((arg) => `${arg}\n`).join(''));
  });
});
