import { TaskType } from '../../base/task-types';
import type { LifecycleDelivery, SupersetSpec } from '../../spec';

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
