import type * as k8s from '../../imports/k8s';

/**
 * Where a Superset installation runs. It decides which secrets may be written inline, whether Flower is
 * published, and which lifecycle tasks are allowed.
 */
export type Environment = 'Development' | 'Staging' | 'Production';

/**
 * A key of a Kubernetes Secret in the instance's namespace. Values reach pods only as `secretKeyRef`
 * environment references; they are never read or written by this library.
 */
export interface SecretKeyRef {
  /** Name of the Secret. */
  readonly name: string;
  /** Key inside the Secret. */
  readonly key: string;
  /**
   * Whether the pod may start when the Secret or key is missing.
   *
   * @default false
   */
  readonly optional?: boolean;
}

/** A reference to a Secret by name, used for image pull secrets. */
export type LocalObjectReference = k8s.LocalObjectReference;

/** A Kubernetes integer or string value, such as `1` or `"25%"`. */
export type IntOrString = number | string;
