import type { ComponentType } from './component-types';

/** Label keys under this prefix are managed: user-supplied ones are removed so isolation cannot be forged. */
export const RESERVED_LABEL_PREFIX = 'superset.apache.org/';

/** The pod label that ties a pod to its instance; NetworkPolicies isolate instances by it. */
export const PARENT_LABEL = 'superset.apache.org/parent';

/** A set of Kubernetes labels. */
export type Labels = { readonly [key: string]: string };

/** Labels of every object of a component and its selector: name, component, instance. */
export function componentLabels(component: ComponentType, instance: string): Labels {
  return {
    'app.kubernetes.io/name': 'superset',
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/instance': instance,
  };
}

/*
 * Labels that extend others are built with `Object.assign` onto the fresh object of the labels they extend, not
 * spread: on Node 20 a spread followed by more keys gives every result a hidden class of its own (a map and
 * descriptors per object, kept as long as the object), and an app keeps thousands of these maps.
 */

/** Labels of a component's pods: the component labels plus the parent label. */
export function podLabels(component: ComponentType, instance: string): Labels {
  return Object.assign(componentLabels(component, instance), { [PARENT_LABEL]: instance });
}

/** Labels of instance-wide objects (ServiceAccount, routes) and the selector of all pods of an instance. */
export function parentLabels(instance: string): Labels {
  return { 'app.kubernetes.io/name': 'superset', [PARENT_LABEL]: instance };
}

/** Labels of a group of pods of an instance (a component, or the lifecycle Jobs) without the instance label. */
export function parentComponentLabels(component: string, instance: string): Labels {
  return Object.assign(parentLabels(instance), { 'app.kubernetes.io/component': component });
}

/** User labels without the reserved prefix. */
export function withoutReserved(labels: Labels | undefined): Labels {
  return Object.fromEntries(Object.entries(labels ?? {}).filter(([key]) => !key.startsWith(RESERVED_LABEL_PREFIX)));
}

/**
 * User labels under managed ones: managed keys always win, and reserved keys are never copied (validation refuses
 * them; dropping them here too keeps every label map safe even when it bypasses validation).
 */
export function withManaged(user: Labels | undefined, managed: Labels): Labels {
  return Object.assign({}, withoutReserved(user), managed);
}

/** Labels of a development dependency's objects (`postgres` or `valkey`) and the selector of its pods. */
export function devLabels(instance: string, dependency: 'postgres' | 'valkey'): Labels {
  return {
    'app.kubernetes.io/name': dependency,
    'app.kubernetes.io/instance': instance,
    'app.kubernetes.io/part-of': 'superset',
  };
}
