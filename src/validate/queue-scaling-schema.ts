import { BOOLEAN, integer, object, string } from './schema';

const SECRET_KEY_REF = object({ name: string({ minLength: 1 }), key: string({ minLength: 1 }), optional: BOOLEAN }, ['name', 'key']);

// Beyond the operator: a KEDA ScaledObject for the workers. Bounds are the ScaledObject CRD's (v2.20.2), with
// minReplicas at least 1: scaling to zero is asked for with `scaleToZero`.
/** `celeryWorker.queueScaling`. */
export const QUEUE_SCALING = object({
  minReplicas: integer(1, undefined, 'for no workers while the queue is empty, set scaleToZero: true (minReplicas is the count while tasks wait)'),
  maxReplicas: integer(1),
  tasksPerReplica: integer(1),
  scaleToZero: BOOLEAN,
  pollingSeconds: integer(1),
  cooldownSeconds: integer(0),
  tls: object({ caFrom: SECRET_KEY_REF, certFrom: SECRET_KEY_REF, keyFrom: SECRET_KEY_REF }),
}, ['maxReplicas']);
