import type { IntOrString } from './common';
import type * as k8s from '../../imports/k8s';

/** A HorizontalPodAutoscaler (`autoscaling/v2`) for a component. */
export interface AutoscalingSpec {
  /**
   * Lower bound of replicas (at least 1).
   *
   * @default - Kubernetes' default (1)
   */
  readonly minReplicas?: number;
  /** Upper bound of replicas (1 to 100, at least `minReplicas`). */
  readonly maxReplicas: number;
  /**
   * Metrics to scale on.
   *
   * @default - Kubernetes' default: 80% average CPU utilisation
   */
  readonly metrics?: k8s.MetricSpec[];
}

/** A PodDisruptionBudget (`policy/v1`) for a component. Set one of the two fields. */
export interface PodDisruptionBudgetSpec {
  /**
   * Pods that must stay available during voluntary disruptions (number or percentage).
   *
   * @default - not set
   */
  readonly minAvailable?: IntOrString;
  /**
   * Pods that may be unavailable during voluntary disruptions (number or percentage).
   *
   * @default - not set
   */
  readonly maxUnavailable?: IntOrString;
}
