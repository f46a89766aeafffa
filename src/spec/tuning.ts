/**
 * A sizing preset. `balanced` is the default; `disabled` turns the generated settings off.
 */
export type Preset = 'disabled' | 'conservative' | 'balanced' | 'performance' | 'aggressive';

/** Gunicorn worker class. */
export type GunicornWorkerClass = 'sync' | 'gthread' | 'gevent' | 'eventlet';

/** Gunicorn log level. */
export type GunicornLogLevel = 'debug' | 'info' | 'warning' | 'error' | 'critical';

/**
 * Gunicorn settings of the web server, passed to the image's `run-server.sh` as environment variables.
 * Presets (workers/threads): conservative 1/4, balanced 2/8, performance 4/8, aggressive 8/16, all gthread.
 */
export interface GunicornSpec {
  /**
   * Sizing preset; `disabled` injects no gunicorn variables.
   *
   * @default 'balanced'
   */
  readonly preset?: Preset;
  /**
   * Worker processes.
   *
   * @default - from the preset
   */
  readonly workers?: number;
  /**
   * Threads per worker (more than 1 needs `workerClass: gthread`).
   *
   * @default - from the preset
   */
  readonly threads?: number;
  /**
   * Worker class.
   *
   * @default 'gthread'
   */
  readonly workerClass?: GunicornWorkerClass;
  /**
   * Request timeout, in seconds.
   *
   * @default 60
   */
  readonly timeout?: number;
  /**
   * Keep-alive, in seconds.
   *
   * @default 2
   */
  readonly keepAlive?: number;
  /**
   * Requests before a worker restarts (0 = never).
   *
   * @default 0
   */
  readonly maxRequests?: number;
  /**
   * Random jitter added to `maxRequests`.
   *
   * @default 0
   */
  readonly maxRequestsJitter?: number;
  /**
   * Maximum request line size (0 = unlimited).
   *
   * @default 0
   */
  readonly limitRequestLine?: number;
  /**
   * Maximum header field size (0 = gunicorn's default).
   *
   * @default 0
   */
  readonly limitRequestFieldSize?: number;
  /**
   * Log level.
   *
   * @default 'info'
   */
  readonly logLevel?: GunicornLogLevel;
}

/** Celery worker pool implementation. */
export type CeleryPool = 'prefork' | 'threads' | 'gevent' | 'eventlet' | 'solo';

/** Celery `-O` optimization profile. */
export type CeleryOptimization = 'default' | 'fair';

/**
 * Celery worker process settings, rendered into the worker's command line.
 * Presets (concurrency): conservative 2, balanced 4, performance 8, aggressive 16, all prefork.
 */
export interface CeleryWorkerProcessSpec {
  /**
   * Sizing preset; `disabled` falls back to `prefork`, fair, concurrency 4 without a prefetch flag.
   *
   * @default 'balanced'
   */
  readonly preset?: Preset;
  /**
   * Concurrent tasks per pod.
   *
   * @default - from the preset
   */
  readonly concurrency?: number;
  /**
   * Pool implementation.
   *
   * @default 'prefork'
   */
  readonly pool?: CeleryPool;
  /**
   * Optimization profile.
   *
   * @default 'fair'
   */
  readonly optimization?: CeleryOptimization;
  /**
   * Tasks before a child process is replaced (prefork only; 0 = never).
   *
   * @default 0
   */
  readonly maxTasksPerChild?: number;
  /**
   * Resident memory in KiB before a child is replaced (prefork only; 0 = never).
   *
   * @default 0
   */
  readonly maxMemoryPerChild?: number;
  /**
   * Prefetch multiplier (0 = Celery's default).
   *
   * @default 4
   */
  readonly prefetchMultiplier?: number;
  /**
   * Soft task time limit, in seconds (0 = none).
   *
   * @default 0
   */
  readonly softTimeLimit?: number;
  /**
   * Hard task time limit, in seconds (0 = none).
   *
   * @default 0
   */
  readonly timeLimit?: number;
}

/**
 * SQLAlchemy engine options (`SQLALCHEMY_ENGINE_OPTIONS`). Presets size the connection pool for each component;
 * explicit fields override the preset. A component's value replaces the top-level one entirely.
 */
export interface SqlaEngineOptionsSpec {
  /**
   * Pool preset: `conservative` uses NullPool, the others a QueuePool sized for the component.
   *
   * @default 'balanced'
   */
  readonly preset?: Preset;
  /**
   * `pool_size`.
   *
   * @default - from the preset
   */
  readonly poolSize?: number;
  /**
   * `max_overflow` (-1 = unlimited).
   *
   * @default -1
   */
  readonly maxOverflow?: number;
  /**
   * `pool_recycle`, in seconds.
   *
   * @default 3600
   */
  readonly poolRecycle?: number;
  /**
   * `pool_pre_ping`.
   *
   * @default false
   */
  readonly poolPrePing?: boolean;
  /**
   * `pool_timeout`, in seconds (0 = SQLAlchemy's default).
   *
   * @default 0
   */
  readonly poolTimeout?: number;
}
