import { isSet, pickSet } from './rule';
import type { Rule } from './rule';
import type { Violation } from '../../base/errors';
import { isPlainObject } from '../../base/plain-data';
import type { QueueScalingSpec } from '../../spec';
import { missing, violation } from '../violations';

/*
 * Beyond the operator: `celeryWorker.queueScaling` renders a KEDA ScaledObject that reads the instance's Celery queue
 * in Valkey. These rules refuse what would make KEDA read the wrong list, fight another autoscaler, or need a secret
 * written inline.
 */

function queueScalingOf(props: { readonly celeryWorker?: { readonly queueScaling?: QueueScalingSpec } }): Partial<QueueScalingSpec> | undefined {
  const spec: unknown = props.celeryWorker?.queueScaling;
  return isPlainObject(spec) ? spec : undefined;
}

const PATH = 'celeryWorker.queueScaling';

/** Two autoscalers on one Deployment fight over its replicas (KEDA's webhook, when installed, refuses it too). */
export const queueScalingExcludesAutoscaling: Rule = (props) => queueScalingOf(props) && isSet(props.celeryWorker?.autoscaling)
  ? [violation('celeryWorker.autoscaling', `must not be set with ${PATH}: KEDA's ScaledObject and this `
    + 'HorizontalPodAutoscaler would both set the workers\' replicas', props.celeryWorker?.autoscaling,
  `remove celeryWorker.autoscaling, or remove ${PATH}`)]
  : [];

/** The bounds KEDA checks, and what the scaler needs to find the queue and to authenticate by reference. */
export const queueScalingNeeds: Rule = (props) => {
  const spec = queueScalingOf(props);
  if (!spec) return [];
  const problems: Violation[] = [];
  const min = spec.minReplicas ?? 1;
  if (typeof spec.maxReplicas === 'number' && typeof min === 'number' && min > spec.maxReplicas) {
    problems.push(violation(PATH, 'minReplicas must not exceed maxReplicas', pickSet(spec, ['minReplicas', 'maxReplicas']),
      'raise maxReplicas or lower minReplicas'));
  }
  const valkey = props.valkey;
  if (isSet(props.devDependencies)) {
    problems.push(violation(PATH, 'is not supported with devDependencies, whose Valkey password is inline: KEDA reads '
      + 'it only from a Secret', spec, `remove ${PATH}`));
  } else if (!isSet(valkey)) {
    problems.push(missing('valkey', `is required by ${PATH}: the queue is in Valkey`, 'set valkey.host'));
  } else {
    if (valkey?.celeryBroker?.disabled === true) {
      problems.push(violation('valkey.celeryBroker.disabled', `must not be true with ${PATH}: the queue's name and `
        + 'database come from the broker settings this library renders', true, `remove it, or remove ${PATH}`));
    }
    if (isSet(valkey?.password)) {
      problems.push(violation('valkey.password', `must not be set with ${PATH}: KEDA reads the password only from a `
        + 'Secret', valkey?.password, 'use valkey.passwordFrom'));
    }
    if (isSet(spec.tls) && !isSet(valkey?.ssl)) {
      problems.push(violation(`${PATH}.tls`, 'needs valkey.ssl: without TLS there is no certificate to check',
        spec.tls, `set valkey.ssl, or remove ${PATH}.tls`));
    }
  }
  const tls = spec.tls ?? {};
  if (isSet(tls.certFrom) !== isSet(tls.keyFrom)) {
    problems.push(violation(`${PATH}.tls`, 'certFrom and keyFrom go together (a client certificate and its key)',
      pickSet(tls, ['certFrom', 'keyFrom']), 'set both, or neither'));
  }
  // The namespace it needs and the length of the instance name are judged with the others' (namespace.ts, names.ts).
  return problems;
};

/** KEDA sets the workers' replicas: a fixed count would be dropped. */
export const queueScalingExcludesReplicas: Rule = (props) => queueScalingOf(props) && isSet(props.celeryWorker?.replicas)
  ? [violation('celeryWorker.replicas', `has no effect with ${PATH}: KEDA sets the workers' replicas`,
    props.celeryWorker?.replicas, `remove it; bound the replicas with ${PATH}.minReplicas and maxReplicas`)]
  : [];

export const QUEUE_SCALING_RULES: readonly Rule[] = [queueScalingExcludesAutoscaling, queueScalingExcludesReplicas, queueScalingNeeds];
