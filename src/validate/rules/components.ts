import { developmentOnly, isSet, pickSet } from './rule';
import type { Rule } from './rule';
import type { ComponentServiceSpec } from '../../spec';
import { missing, violation } from '../violations';

/** The components with a Service, by spec field. */
const ROUTABLE = ['webServer', 'celeryFlower', 'websocketServer', 'mcpServer'] as const;

/** CEL: inline websocket `config.json` only in Development (it holds the JWT secret). */
export const websocketConfigDevelopmentOnly: Rule = (props) => developmentOnly(props, 'websocketServer.config',
  props.websocketServer?.config, 'websocketServer.config is only allowed when environment is Development',
  'use websocketServer.configFrom to reference a Secret in Staging or Production');

/** CEL: the websocket server needs its own image. */
export const websocketImageRepositoryRequired: Rule = (props) => {
  if (!isSet(props.websocketServer)) return [];
  const repository = props.websocketServer?.image?.repository;
  if (typeof repository === 'string' && repository.length > 0) return [];
  const path = 'websocketServer.image.repository';
  const rule = 'websocketServer.image.repository is required: '
    + 'the default Superset image does not include websocket_server.js';
  const fix = 'set an image that contains the Superset websocket server';
  return isSet(repository) ? [violation(path, rule, repository, fix)] : [missing(path, rule, fix)];
};

/** CEL: `config` and `configFrom` are mutually exclusive. */
export const websocketConfigExclusive: Rule = (props) => {
  const ws = props.websocketServer;
  return isSet(ws?.config) && isSet(ws?.configFrom)
    ? [violation('websocketServer', 'websocketServer.config and websocketServer.configFrom are mutually exclusive',
      pickSet(ws!, ['configFrom']), 'remove one')]
    : [];
};

/** CEL on every component Service: a node port needs a NodePort or LoadBalancer Service. */
export const nodePortRequiresServiceType: Rule = (props) => ROUTABLE.flatMap((component) => {
  const service: ComponentServiceSpec | undefined = props[component]?.service;
  if (!isSet(service?.nodePort) || service?.type === 'NodePort' || service?.type === 'LoadBalancer') return [];
  return [violation(`${component}.service.nodePort`, 'nodePort is only valid when type is NodePort or LoadBalancer',
    service?.nodePort, `set ${component}.service.type to NodePort or LoadBalancer, or remove nodePort`)];
});

/** CEL: more than one gunicorn thread needs the gthread worker class. */
export const gunicornThreadsRequireGthread: Rule = (props) => {
  const gunicorn = props.webServer?.gunicorn;
  const threads = gunicorn?.threads;
  const workerClass = gunicorn?.workerClass;
  return typeof threads === 'number' && threads > 1 && isSet(workerClass) && workerClass !== 'gthread'
    ? [violation('webServer.gunicorn.threads',
      `threads > 1 requires workerClass=gthread (workerClass is '${workerClass}')`, threads,
      'set threads to 1 or workerClass to gthread')]
    : [];
};

/** CEL: child recycling only exists in Celery's prefork pool. */
export const celeryChildLimitsRequirePrefork: Rule = (props) => {
  const celery = props.celeryWorker?.celery;
  const pool = celery?.pool;
  if (!isSet(pool) || pool === 'prefork') return [];
  return (['maxTasksPerChild', 'maxMemoryPerChild'] as const)
    .filter((field) => typeof celery?.[field] === 'number' && celery[field] !== 0)
    .map((field) => violation(`celeryWorker.celery.${field}`, `${field} only applies to pool=prefork (pool is '${pool}')`,
      celery?.[field], `remove ${field} or use pool prefork`));
};

/**
 * Beyond the operator: beat must never run twice, so it always uses the Recreate strategy. A different strategy
 * would be dropped, and we never drop user input silently.
 */
export const celeryBeatStrategyRecreate: Rule = (props) => {
  const strategy: unknown = props.celeryBeat?.deploymentTemplate?.strategy;
  if (!isSet(strategy) || typeof strategy !== 'object') return [];
  const { type, rollingUpdate } = strategy as { type?: unknown; rollingUpdate?: unknown };
  const recreate = (type === 'Recreate' || !isSet(type)) && !isSet(rollingUpdate);
  return recreate ? [] : [violation('celeryBeat.deploymentTemplate.strategy',
    'beat is a singleton and always uses Recreate', strategy, 'remove strategy or set it to { type: \'Recreate\' }')];
};

export const COMPONENT_RULES: readonly Rule[] = [
  websocketConfigDevelopmentOnly, websocketImageRepositoryRequired, websocketConfigExclusive,
  nodePortRequiresServiceType, gunicornThreadsRequireGthread, celeryChildLimitsRequirePrefork,
  celeryBeatStrategyRecreate,
];
