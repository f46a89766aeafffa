import type { LifecycleDelivery, SupersetSpec } from '../../spec/index';

/** The lifecycle tasks in the order the operator runs them. */
export const TASK_TYPES = ['seed', 'migrate', 'rotate', 'init'] as const;

/** A lifecycle task, as used in Job names (`<name>-<task>`) and the `superset.apache.org/init-task` label. */
export type TaskType = (typeof TASK_TYPES)[number];

/** The delivery mode, defaulted. */
export function lifecycleDelivery(spec: SupersetSpec): LifecycleDelivery {
  return spec.lifecycle?.delivery ?? 'Plain';
}

/**
 * Whether a task runs: nothing when the lifecycle is disabled; migrate and init unless disabled (an absent
 * `lifecycle` means enabled); seed and rotate only when present and not disabled.
 */
export function taskEnabled(spec: SupersetSpec, task: TaskType): boolean {
  const lifecycle = spec.lifecycle;
  if (lifecycle?.disabled === true) return false;
  const own = lifecycle?.[task];
  const optIn = task === 'seed' || task === 'rotate';
  return optIn ? own !== undefined && own.disabled !== true : own?.disabled !== true;
}
