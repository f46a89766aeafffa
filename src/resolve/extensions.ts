import type * as k8s from '../../imports/k8s';
import type { ComponentType } from '../base/component-types';
import type { Labels } from '../base/labels';
import type { SupersetSpec } from '../spec';

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
  /**
   * Python files that `superset_config.py` runs (Python components only), in order, before the user's config. Like
   * `files`, each is the same for every pod of the instance that reads it.
   */
  readonly configFiles?: Labels;
  /** Init containers that run a command in a copy of the main `superset` container, after `initContainers`. */
  readonly initSteps?: readonly InitStep[];
  /** Files for the PYTHONPATH (Python components only), the same for every pod of the instance that reads them. */
  readonly files?: Labels;
}

/**
 * A command run before the component starts, in a copy of its main `superset` container: same image, env, env
 * sources, mounts, resources and security context, so it sees what Superset will see.
 */
export interface InitStep {
  /** Init container name. */
  readonly name: string;
  readonly command: readonly string[];
}

/** The init container of a step: the main container's image, env, mounts and limits with the step's command. */
export function initStepContainer(main: k8s.Container, step: InitStep, securityContext?: k8s.SecurityContext): k8s.Container {
  const { image, imagePullPolicy, env, envFrom, volumeMounts, resources } = main;
  return { name: step.name, image, imagePullPolicy, command: [...step.command], env, envFrom, volumeMounts, resources, securityContext };
}

/** A feature's contribution to a component, decided from the spec alone. */
export type ComponentExtension = (component: ComponentType, spec: SupersetSpec, instanceName: string) => ComponentAdditions;

/** The additions of several features, in order. */
export function combineAdditions(all: readonly ComponentAdditions[]): ComponentAdditions {
  const concat = <T>(pick: (a: ComponentAdditions) => readonly T[] | undefined): T[] => all.flatMap((a) => pick(a) ?? []);
  return {
    sidecars: concat((a) => a.sidecars),
    initContainers: concat((a) => a.initContainers),
    volumes: concat((a) => a.volumes),
    servicePorts: concat((a) => a.servicePorts),
    configFiles: Object.assign({}, ...all.map((a) => a.configFiles)) as Labels,
    initSteps: concat((a) => a.initSteps),
    files: Object.assign({}, ...all.map((a) => a.files)) as Labels,
  };
}
