// The list the ScaledObject watches is where Celery queues this instance's tasks, proven with the real programs:
// redis-server 7, and Celery 5 / kombu sending tasks on the rendered CELERY_CONFIG (no worker runs, so they wait).
// The length is then read as KEDA's Redis list scaler reads it: LLEN of `listName` in `databaseIndex` at `address`.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Chart, Testing } from 'cdk8s';
import { SupersetInstance } from '../../src';
import { containerEnv, pythonPath, writePythonPath } from '../support/pod';
import { SYSTEM_PYTHON } from '../support/python';
import { startRedis, type RedisServer } from '../support/redis-server';
import { requireProgram, run } from '../support/servers';
import { BASE, find, mainContainer, type Manifest } from '../util';

jest.setTimeout(60_000);

// Loads superset_config.py as Superset does, builds the Celery app as Superset does, and queues N tasks by the name
// of Superset's SQL Lab task.
const SEND = [
  'import importlib.util, os, sys',
  'from celery import Celery',
  'spec = importlib.util.spec_from_file_location("superset_config", os.environ["SUPERSET_CONFIG_PATH"])',
  'config = importlib.util.module_from_spec(spec); spec.loader.exec_module(config)',
  'app = Celery("superset"); app.config_from_object(config.CELERY_CONFIG)',
  'for i in range(int(sys.argv[1])): app.send_task("sql_lab.get_sql_results", args=[i])',
].join('\n');

// What the scaler does: connect to `address`, select `databaseIndex`, and take the length of `listName`.
const LENGTH = [
  'import sys, redis',
  'host, port = sys.argv[1].rsplit(":", 1)',
  'print(redis.Redis(host=host, port=int(port), db=int(sys.argv[2])).llen(sys.argv[3]))',
].join('\n');

let server: RedisServer;
let dir: string;
beforeAll(async () => {
  requireProgram(SYSTEM_PYTHON, 'python3');
  server = await startRedis();
  dir = mkdtempSync(path.join(tmpdir(), 'queue-scaling-'));
});
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Renders an instance's worker, writes its PYTHONPATH (its own and the shared files, as the kubelet projects them),
 * and returns the pod's env (the shared env ConfigMap, then the container's env) and the ScaledObject's trigger.
 */
function render(namespace: string, name: string): { env: NodeJS.ProcessEnv; trigger: Record<string, string> } {
  const chart = new Chart(Testing.app(), `${namespace}-${name}`, { namespace });
  new SupersetInstance(chart, name, {
    ...BASE,
    valkey: { host: '127.0.0.1', port: server.port, celeryBroker: { database: 3 } },
    celeryWorker: { queueScaling: { maxReplicas: 4 } },
  });
  const manifests: Manifest[] = Testing.synth(chart);
  const worker = find(manifests, 'Deployment', `${name}-celery-worker`);
  const folder = path.join(dir, `${namespace}-${name}`);
  mkdirSync(folder);
  const file = writePythonPath(folder, pythonPath(manifests, worker));
  const env: NodeJS.ProcessEnv = {
    ...containerEnv(manifests, mainContainer(worker), namespace, { 'app-secret/secret-key': 'k' }),
    PATH: '/usr/bin:/bin',
    SUPERSET_CONFIG_PATH: file,
    PYTHONDONTWRITEBYTECODE: '1',
  };
  return { env, trigger: find(manifests, 'ScaledObject', `${name}-celery-worker`).spec.triggers[0].metadata };
}

const length = (trigger: Record<string, string>) =>
  Number(run(SYSTEM_PYTHON, ['-c', LENGTH, trigger.address, trigger.databaseIndex, trigger.listName]).trim());

test('the ScaledObject counts exactly the tasks Celery queued for its instance', () => {
  const own = render('analytics', 'demo');
  // Neighbours on the same Valkey: the same name in another namespace, and a name that extends this one.
  const others = [render('staging', 'demo'), render('analytics', 'demo-2')];
  expect(own.trigger.listName).toBe('analytics.demo.analytics.demo');
  expect(own.trigger.databaseIndex).toBe('3');
  run(SYSTEM_PYTHON, ['-c', SEND, '5'], { env: own.env, timeoutMs: 30_000 });
  run(SYSTEM_PYTHON, ['-c', SEND, '2'], { env: others[0].env, timeoutMs: 30_000 });
  expect(length(own.trigger)).toBe(5);
  expect(others.map((other) => length(other.trigger))).toEqual([2, 0]);
});
