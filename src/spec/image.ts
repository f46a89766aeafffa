import type { LocalObjectReference } from './common';

/** Image pull policy of a container. */
export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';

/** The Superset image every component runs unless it overrides a part of it. */
export interface ImageSpec {
  /**
   * Image repository.
   *
   * @default 'apachesuperset.docker.scarf.sh/apache/superset'
   */
  readonly repository?: string;
  /** Image tag, for example `6.1.0`. Pin it: migrations are tied to the image version. */
  readonly tag: string;
  /**
   * Pull policy.
   *
   * @default 'IfNotPresent'
   */
  readonly pullPolicy?: PullPolicy;
  /**
   * Secrets used to pull the image, applied to every component and lifecycle pod.
   *
   * @default - no pull secrets
   */
  readonly pullSecrets?: LocalObjectReference[];
}

/** Overrides parts of the top-level `image` for one component. Each field set replaces the top-level one. */
export interface ImageOverrideSpec {
  /**
   * Image repository.
   *
   * @default - the top-level `image.repository`
   */
  readonly repository?: string;
  /**
   * Image tag.
   *
   * @default - the top-level `image.tag`
   */
  readonly tag?: string;
  /**
   * Pull policy.
   *
   * @default - the top-level `image.pullPolicy`
   */
  readonly pullPolicy?: PullPolicy;
}

/** A complete image of a helper tool (database client, web server), independent of the Superset image. */
export interface ContainerImageSpec {
  /**
   * Image repository.
   *
   * @default - the tool's default image
   */
  readonly repository?: string;
  /**
   * Image tag.
   *
   * @default - the tool's default tag
   */
  readonly tag?: string;
  /**
   * Pull policy.
   *
   * @default 'IfNotPresent'
   */
  readonly pullPolicy?: PullPolicy;
  /**
   * Secrets used to pull the image.
   *
   * @default - no pull secrets
   */
  readonly pullSecrets?: LocalObjectReference[];
}
