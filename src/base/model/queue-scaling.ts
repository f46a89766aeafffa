import type { SecretKeyRef } from '../../spec';
import type { Labels } from '../labels';

/** One TriggerAuthentication parameter read from a Secret key. */
export interface ResolvedSecretTarget {
  /** The Redis scaler's auth parameter: `password`, `ca`, `cert` or `key`. */
  readonly parameter: 'password' | 'ca' | 'cert' | 'key';
  readonly secret: SecretKeyRef;
}

/** The KEDA objects of `celeryWorker.queueScaling`, every default applied. */
export interface ResolvedQueueScaling {
  /** `<instance>-celery-worker`: the ScaledObject, the TriggerAuthentication and the Deployment it scales. */
  readonly name: string;
  readonly namespace: string;
  /** The worker component's labels. */
  readonly labels: Labels;
  readonly minReplicas: number;
  readonly maxReplicas: number;
  /** 0 with `scaleToZero`, else unset. */
  readonly idleReplicas?: 0;
  readonly pollingSeconds: number;
  readonly cooldownSeconds: number;
  /** The Redis list scaler's metadata, every value a string as KEDA requires. */
  readonly trigger: { readonly [key: string]: string };
  /** The Secret keys the TriggerAuthentication reads; empty means no TriggerAuthentication. */
  readonly secretTargets: readonly ResolvedSecretTarget[];
}
