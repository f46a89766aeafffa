import type * as k8s from '../../../imports/k8s';
import type { Labels } from '../labels';

/**
 * A pod spec as written to manifests. Pod-level `resources` is newer than Kubernetes 1.28's types, so it is
 * added here; it is only present when the user sets `podTemplate.resources`.
 */
export type ResolvedPodSpec = k8s.PodSpec & { readonly resources?: k8s.ResourceRequirements };

/** The ServiceAccount every pod runs as. */
export interface ResolvedServiceAccount {
  readonly name: string;
  /** False when the user brings an existing ServiceAccount. */
  readonly create: boolean;
  readonly labels: Labels;
  readonly annotations?: Labels;
}
