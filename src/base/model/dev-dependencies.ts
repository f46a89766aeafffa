import type * as k8s from '../../../imports/k8s';
import type { Labels } from '../labels';

/** A development dependency: PostgreSQL or Valkey. */
export type DevDependency = 'postgres' | 'valkey';

/** One development dependency as Kubernetes will get it: its Deployment's pod and its Service. */
export interface ResolvedDevDependency {
  readonly dependency: DevDependency;
  /** `<instance>-postgres` or `<instance>-valkey`: the Deployment, Service and claim name. */
  readonly name: string;
  readonly namespace?: string;
  /** Labels of its objects, and the selector of its pods. */
  readonly labels: Labels;
  /** Labels of its pods: the selector labels plus the instance's parent label. */
  readonly podLabels: Labels;
  /** The port it serves on (named after the dependency). */
  readonly port: number;
  readonly podSecurityContext: k8s.PodSecurityContext;
  readonly imagePullSecrets?: readonly k8s.LocalObjectReference[];
  /** The server container, complete. */
  readonly container: k8s.Container;
  /** The data volume the container mounts: a claim for a persistent PostgreSQL, else an emptyDir. */
  readonly dataVolume: k8s.Volume;
}

/** The claim that keeps PostgreSQL's data. */
export interface ResolvedDevClaim {
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Labels;
  readonly size: string;
  readonly storageClassName?: string;
}

/** The development dependencies of an instance (`devDependencies`). */
export interface ResolvedDevDependencies {
  readonly postgres: ResolvedDevDependency;
  readonly valkey: ResolvedDevDependency;
  /** With `persistence`. */
  readonly claim?: ResolvedDevClaim;
}
