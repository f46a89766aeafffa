import type * as k8s from '../../imports/k8s';
import type { ComponentType } from '../base/component-types';
import type { EngineOptions } from '../base/model/engine-options';
import type { CeleryOptimization, CeleryPool, CeleryWorkerProcessSpec, GunicornLogLevel, GunicornSpec, GunicornWorkerClass, Preset, SqlaEngineOptionsSpec } from '../spec/tuning';

/** Presets that size something; `disabled` is handled by each resolver before a size is looked up. */
type SizingPreset = Exclude<Preset, 'disabled'>;

// ---------------------------------------------------------------------------------------------------------------
// Gunicorn (web-server environment)
// ---------------------------------------------------------------------------------------------------------------

/** Gunicorn settings with every default applied. */
export interface ResolvedGunicorn {
  readonly workers: number;
  readonly threads: number;
  readonly workerClass: GunicornWorkerClass;
  readonly timeout: number;
  readonly keepAlive: number;
  readonly maxRequests: number;
  readonly maxRequestsJitter: number;
  readonly limitRequestLine: number;
  readonly limitRequestFieldSize: number;
  readonly logLevel: GunicornLogLevel;
}

const GUNICORN_PRESETS: Record<SizingPreset, { workers: number; threads: number }> = {
  conservative: { workers: 1, threads: 4 },
  balanced: { workers: 2, threads: 8 },
  performance: { workers: 4, threads: 8 },
  aggressive: { workers: 8, threads: 16 },
};

/**
 * Resolves the web server's gunicorn settings: preset sizes, static defaults, then explicit fields.
 * Returns `undefined` for the `disabled` preset, in which case no gunicorn variables are injected.
 */
export function resolveGunicorn(spec: GunicornSpec | undefined): ResolvedGunicorn | undefined {
  const preset = spec?.preset ?? 'balanced';
  if (preset === 'disabled') return undefined;
  const size = GUNICORN_PRESETS[preset];
  return {
    workers: spec?.workers ?? size.workers,
    threads: spec?.threads ?? size.threads,
    workerClass: spec?.workerClass ?? 'gthread',
    timeout: spec?.timeout ?? 60,
    keepAlive: spec?.keepAlive ?? 2,
    maxRequests: spec?.maxRequests ?? 0,
    maxRequestsJitter: spec?.maxRequestsJitter ?? 0,
    limitRequestLine: spec?.limitRequestLine ?? 0,
    limitRequestFieldSize: spec?.limitRequestFieldSize ?? 0,
    logLevel: spec?.logLevel ?? 'info',
  };
}

/** The ten variables the Superset image's `run-server.sh` reads, in the operator's order. */
export function gunicornEnv(g: ResolvedGunicorn): k8s.EnvVar[] {
  const vars: Array<[string, string | number]> = [
    ['SERVER_WORKER_AMOUNT', g.workers],
    ['SERVER_THREADS_AMOUNT', g.threads],
    ['SERVER_WORKER_CLASS', g.workerClass],
    ['GUNICORN_TIMEOUT', g.timeout],
    ['GUNICORN_KEEPALIVE', g.keepAlive],
    ['WORKER_MAX_REQUESTS', g.maxRequests],
    ['WORKER_MAX_REQUESTS_JITTER', g.maxRequestsJitter],
    ['SERVER_LIMIT_REQUEST_LINE', g.limitRequestLine],
    ['SERVER_LIMIT_REQUEST_FIELD_SIZE', g.limitRequestFieldSize],
    ['GUNICORN_LOGLEVEL', g.logLevel],
  ];
  return vars.map(([name, value]) => ({ name, value: String(value) }));
}

// ---------------------------------------------------------------------------------------------------------------
// Celery worker command
// ---------------------------------------------------------------------------------------------------------------

/** The celery worker's command line and the concurrency used to size its connection pool. */
export interface ResolvedCeleryWorker {
  readonly command: string[];
  /** Worker concurrency; 0 for the `disabled` preset, which sizes performance/aggressive pools to 0 (§3.4 edge). */
  readonly concurrency: number;
}

const CELERY_CONCURRENCY: Record<SizingPreset, number> = {
  conservative: 2,
  balanced: 4,
  performance: 8,
  aggressive: 16,
};

const CELERY_WORKER_PREFIX = ['celery', '--app=superset.tasks.celery_app:app', 'worker'];

function celeryBaseCommand(pool: CeleryPool, optimization: CeleryOptimization, concurrency: number): string[] {
  return [...CELERY_WORKER_PREFIX, `--pool=${pool}`, '-O', optimization, '-c', String(concurrency)];
}

/**
 * Resolves the celery worker command. With the `disabled` preset every field is ignored and the operator's fixed
 * fallback (prefork, fair, 4, no prefetch flag) is used; otherwise optional flags follow in a fixed order, each
 * only when its value is positive.
 */
export function resolveCeleryWorker(spec: CeleryWorkerProcessSpec | undefined): ResolvedCeleryWorker {
  const preset = spec?.preset ?? 'balanced';
  if (preset === 'disabled') {
    return { command: celeryBaseCommand('prefork', 'fair', 4), concurrency: 0 };
  }
  const concurrency = spec?.concurrency ?? CELERY_CONCURRENCY[preset];
  const optional: Array<[string, number]> = [
    ['--max-tasks-per-child', spec?.maxTasksPerChild ?? 0],
    ['--max-memory-per-child', spec?.maxMemoryPerChild ?? 0],
    ['--prefetch-multiplier', spec?.prefetchMultiplier ?? 4],
    ['--soft-time-limit', spec?.softTimeLimit ?? 0],
    ['--time-limit', spec?.timeLimit ?? 0],
  ];
  const flags = optional.filter(([, value]) => value > 0).map(([flag, value]) => `${flag}=${value}`);
  const command = [...celeryBaseCommand(spec?.pool ?? 'prefork', spec?.optimization ?? 'fair', concurrency), ...flags];
  return { command, concurrency };
}

// ---------------------------------------------------------------------------------------------------------------
// SQLAlchemy engine options
// ---------------------------------------------------------------------------------------------------------------

/** The numbers the pool presets are derived from. */
export interface EngineSizing {
  /** Resolved gunicorn workers; pass 0 when the gunicorn preset is `disabled` (or for non-web consumers). */
  readonly gunicornWorkers: number;
  /** Resolved gunicorn threads; pass 0 when the gunicorn preset is `disabled` (or for non-web consumers). */
  readonly gunicornThreads: number;
  /** Resolved celery concurrency; pass 0 when the celery preset is `disabled` (or for non-worker consumers). */
  readonly celeryConcurrency: number;
}

type QueuePoolPreset = Exclude<SizingPreset, 'conservative'>;

function presetPoolSize(consumer: ComponentType | 'lifecycle', preset: QueuePoolPreset, sizing: EngineSizing): number {
  switch (consumer) {
    case 'web-server': {
      const { gunicornWorkers: workers, gunicornThreads: threads } = sizing;
      return { balanced: 1, performance: workers, aggressive: workers * threads }[preset];
    }
    case 'celery-worker':
      return { balanced: 1, performance: sizing.celeryConcurrency, aggressive: sizing.celeryConcurrency }[preset];
    case 'mcp-server':
      return { balanced: 5, performance: 10, aggressive: 20 }[preset];
    default:
      // Flower and anything else hold at most one connection per process.
      return 1;
  }
}

/**
 * Resolves the engine options of one consumer from its effective spec (the component's `sqlaEngineOptions` if set,
 * else the top-level one). Returns `undefined` for the `disabled` preset: the section is then omitted.
 * Beat and lifecycle tasks run one short-lived process, so any pooled preset becomes NullPool there.
 */
export function resolveEngineOptions(
  consumer: ComponentType | 'lifecycle',
  spec: SqlaEngineOptionsSpec | undefined,
  sizing: EngineSizing,
): EngineOptions | undefined {
  let preset = spec?.preset ?? 'balanced';
  if (preset === 'disabled') return undefined;
  if (consumer === 'celery-beat' || consumer === 'lifecycle') preset = 'conservative';
  // Explicit fields are accepted with NullPool but have nothing to apply to.
  if (preset === 'conservative') return { kind: 'NullPool' };
  return {
    kind: 'QueuePool',
    poolSize: spec?.poolSize ?? presetPoolSize(consumer, preset, sizing),
    maxOverflow: spec?.maxOverflow ?? -1,
    poolRecycle: spec?.poolRecycle ?? 3600,
    poolPrePing: spec?.poolPrePing ?? false,
    poolTimeout: spec?.poolTimeout ?? 0,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Bootstrap wrapping
// ---------------------------------------------------------------------------------------------------------------

