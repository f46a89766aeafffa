import type { ImageOverrideSpec, ImageSpec, PullPolicy } from '../spec';

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
