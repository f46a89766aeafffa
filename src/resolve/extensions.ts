import type * as k8s from '../../imports/k8s';
import type { SupersetSpec } from '../spec';
import type { ComponentType } from './component-types';

/**
 * What a cross-cutting feature (metrics, migration gating, ...) adds to one component. Features stay in their own
 * folders and contribute through this one seam instead of editing the component resolution.
 */
export interface ComponentAdditions {
  /** Containers next to `superset`. */
  readonly sidecars?: readonly k8s.Container[];
  /** Init containers, run before the user's. */
  readonly initContainers?: readonly k8s.Container[];
  /** Volumes for the containers above. */
  readonly volumes?: readonly k8s.Volume[];
  /** Service ports besides `http`, for components that have a Service. */
  readonly servicePorts?: readonly k8s.ServicePort[];
  /** Python for `superset_config.py` (Python components only), rendered before the user's config. */
  readonly config?: string;
}

/** A feature's contribution to a component, decided from the spec alone. */
export type ComponentExtension = (component: ComponentType, spec: SupersetSpec, instanceName: string) => ComponentAdditions;

/** The additions of several features, in order. */
export function combineAdditions(all: readonly ComponentAdditions[]): ComponentAdditions {
  const concat = <T>(pick: (a: ComponentAdditions) => readonly T[] | undefined): T[] => all.flatMap((a) => pick(a) ?? []);
  const config = all.map((a) => a.config).filter(Boolean).join('\n');
  return {
    sidecars: concat((a) => a.sidecars),
    initContainers: concat((a) => a.initContainers),
    volumes: concat((a) => a.volumes),
    servicePorts: concat((a) => a.servicePorts),
    config: config || undefined,
  };
}

/**
 * The features that extend components. Empty in this version; monitoring and lifecycle register here.
 */
export const COMPONENT_EXTENSIONS: readonly ComponentExtension[] = [];
