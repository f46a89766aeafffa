import type { ContainerImageSpec, ImageOverrideSpec, ImageSpec, PullPolicy } from '../spec';

/** The official image, as the operator's CRD defaults it. */
export const DEFAULT_IMAGE_REPOSITORY = 'apachesuperset.docker.scarf.sh/apache/superset';

/** A container image reference and pull policy. */
export interface ResolvedImage {
  readonly image: string;
  readonly pullPolicy: PullPolicy;
}

/** The top-level image with a component's overrides applied field by field. */
export function resolveImage(top: ImageSpec, override: ImageOverrideSpec = {}): ResolvedImage {
  const repository = override.repository || top.repository || DEFAULT_IMAGE_REPOSITORY;
  const tag = override.tag || top.tag;
  return { image: `${repository}:${tag}`, pullPolicy: override.pullPolicy ?? top.pullPolicy ?? 'IfNotPresent' };
}

/**
 * Pinned images of the database tools (create-database, seed) and of the development dependencies. Minor and
 * patch versions are pinned so that the output does not change under the user; override them where the spec allows.
 */
export const TOOL_IMAGES = {
  postgres: 'postgres:17.6-alpine',
  mysql: 'mysql:8.4.6',
  valkey: 'valkey/valkey:8.1.3-alpine',
} as const;

/** A complete helper image: the spec's fields over a pinned default `repository:tag`. */
export function resolveToolImage(defaultImage: string, spec: ContainerImageSpec = {}): ResolvedImage {
  const colon = defaultImage.lastIndexOf(':');
  const repository = spec.repository || defaultImage.slice(0, colon);
  const tag = spec.tag || defaultImage.slice(colon + 1);
  return { image: `${repository}:${tag}`, pullPolicy: spec.pullPolicy ?? 'IfNotPresent' };
}
