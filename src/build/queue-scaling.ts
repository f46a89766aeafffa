import type { ScaledObjectProps, TriggerAuthenticationProps } from '../../imports/keda.sh';
import { ScaledObjectSpecTriggersAuthenticationRefKind } from '../../imports/keda.sh';
import type { ResolvedQueueScaling } from '../base/model/queue-scaling';

/**
 * The ScaledObject of the workers' Deployment. `minReplicaCount` is always written, since KEDA's own default is 0:
 * the workers go to zero only with `idleReplicaCount: 0` (`scaleToZero`). KEDA creates and owns the HPA
 * `keda-hpa-<name>`.
 */
export function scaledObjectProps(model: ResolvedQueueScaling): ScaledObjectProps {
  return {
    metadata: { name: model.name, namespace: model.namespace, labels: { ...model.labels } },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: model.name },
      minReplicaCount: model.minReplicas,
      maxReplicaCount: model.maxReplicas,
      idleReplicaCount: model.idleReplicas,
      pollingInterval: model.pollingSeconds,
      cooldownPeriod: model.cooldownSeconds,
      triggers: [{
        type: 'redis',
        metadata: { ...model.trigger },
        authenticationRef: model.secretTargets.length > 0
          ? { name: model.name, kind: ScaledObjectSpecTriggersAuthenticationRefKind.TRIGGER_AUTHENTICATION }
          : undefined,
      }],
    },
  };
}

/** The TriggerAuthentication: the Valkey password and TLS material, each read by KEDA from a Secret key. */
export function triggerAuthenticationProps(model: ResolvedQueueScaling): TriggerAuthenticationProps {
  return {
    metadata: { name: model.name, namespace: model.namespace, labels: { ...model.labels } },
    spec: {
      secretTargetRef: model.secretTargets.map((target) => ({
        parameter: target.parameter, name: target.secret.name, key: target.secret.key,
      })),
    },
  };
}
