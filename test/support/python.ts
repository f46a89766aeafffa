import { spawnSync } from 'child_process';
import * as path from 'path';

/**
 * The system interpreter on purpose: Debian's python3-sqlalchemy, python3-cachelib and python3-redis are installed
 * for it only, not for whatever `python3` comes first on PATH.
 */
export const SYSTEM_PYTHON = '/usr/bin/python3';

const DRIVER = path.join(__dirname, 'run_superset_config.py');

/** Upper-case module-level settings of an executed `superset_config.py` (see run_superset_config.py). */
export type PythonSettings = { readonly [name: string]: unknown };

/**
 * Executes `superset_config.py` with exactly `env` as its environment (plus UTF-8 mode), and returns the settings it
 * defines. `files` are the pod's PYTHONPATH folder (file name to text), or the text of `superset_config.py` alone.
 * Throws with Python's stderr when the interpreter, a module or the config itself fails, so a missing module fails
 * the test loudly instead of skipping it.
 */
export function runSupersetConfig(files: string | Readonly<Record<string, string>>, env: Record<string, string>): PythonSettings {
  const result = spawnSync(SYSTEM_PYTHON, [DRIVER], {
    input: JSON.stringify(typeof files === 'string' ? { 'superset_config.py': files } : files),
    encoding: 'utf-8',
    env: { ...env, PYTHONUTF8: '1', PYTHONDONTWRITEBYTECODE: '1' },
    timeout: 30_000,
  });
  if (result.error) throw new Error(`cannot run ${SYSTEM_PYTHON}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${SYSTEM_PYTHON} exited with ${result.status ?? result.signal}:\n${result.stderr}`);
  }
  return JSON.parse(result.stdout) as PythonSettings;
}

/**
 * What redis-py makes of a Valkey URL, as Flask-Caching's Redis cache uses it (`redis.from_url`): the connection
 * class and every `ssl_*` keyword the client will connect with.
 */
export function redisUrlSettings(url: string): { readonly [name: string]: unknown } {
  const program = [
    'import json, sys, redis',
    'pool = redis.from_url(sys.argv[1]).connection_pool',
    'kwargs = {k: v for k, v in pool.connection_kwargs.items() if k.startswith("ssl")}',
    'print(json.dumps({"connection_class": pool.connection_class.__name__, **kwargs}))',
  ].join('\n');
  const result = spawnSync(SYSTEM_PYTHON, ['-c', program, url], { encoding: 'utf-8', timeout: 30_000 });
  if (result.status !== 0) throw new Error(`${SYSTEM_PYTHON} could not parse ${url}:\n${result.stderr}`);
  return JSON.parse(result.stdout);
}
