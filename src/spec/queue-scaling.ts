import type { SecretKeyRef } from './common';

/**
 * TLS material for KEDA's connection to Valkey, by Secret reference: the Secret keys hold PEM contents (KEDA reads
 * no files from Superset's pods, so `valkey.ssl`'s file paths cannot be used).
 */
export interface QueueScalingTlsSpec {
  /**
   * CA certificate (PEM) that signed Valkey's certificate.
   *
   * @default - the KEDA operator's system trust store
   */
  readonly caFrom?: SecretKeyRef;
  /**
   * Client certificate (PEM), for Valkey servers that require one; with `keyFrom`.
   *
   * @default - no client certificate
   */
  readonly certFrom?: SecretKeyRef;
  /**
   * Client private key (PEM); with `certFrom`.
   *
   * @default - no client certificate
   */
  readonly keyFrom?: SecretKeyRef;
}

/**
 * Scales the Celery workers on the length of this instance's Celery queue in Valkey, with a KEDA `ScaledObject`
 * (`keda.sh/v1alpha1`, Redis list scaler) and a `TriggerAuthentication` that reads the Valkey password by reference.
 * KEDA must run in the cluster. Not part of the operator's spec; not with `celeryWorker.autoscaling` (the top-level
 * `autoscaling` does not apply to workers scaled on their queue).
 */
export interface QueueScalingSpec {
  /**
   * Replicas while tasks are queued or running (at least 1).
   *
   * @default 1
   */
  readonly minReplicas?: number;
  /** Upper bound of replicas (at least `minReplicas`). */
  readonly maxReplicas: number;
  /**
   * Waiting tasks per replica KEDA aims for (the scaler's `listLength`).
   *
   * @default 5
   */
  readonly tasksPerReplica?: number;
  /**
   * Scale to zero replicas while the queue is empty (KEDA's `idleReplicaCount: 0`); the first queued task brings
   * `minReplicas` back. A task being run is no longer in the queue: allow for it in `cooldownSeconds`.
   *
   * @default false
   */
  readonly scaleToZero?: boolean;
  /**
   * How often KEDA reads the queue length, in seconds.
   *
   * @default 30
   */
  readonly pollingSeconds?: number;
  /**
   * Seconds the queue must stay empty before scaling to zero (with `scaleToZero`).
   *
   * @default 300
   */
  readonly cooldownSeconds?: number;
  /**
   * TLS material for KEDA, when `valkey.ssl` is set.
   *
   * @default - the system trust store; with `valkey.ssl.certRequired: 'none'`, no verification
   */
  readonly tls?: QueueScalingTlsSpec;
}
