import { contentHash } from '../../base/hash';
import type { Labels } from '../../base/labels';
import { NAME_HASH_LENGTH, type TaskType } from '../../base/task-types';
import type { LifecycleDelivery, PodRetentionPolicy } from '../../spec';

/*
 * What each delivery mode adds to the lifecycle objects: the Job names and the annotations that order them before
 * the components. Pure functions of the mode, the task and its content.
 */

/** Position of each task among the hooks; the objects the tasks need come first, at 0. */
const HOOK_ORDER: Record<Exclude<TaskType, 'seed'>, number> = { migrate: 1, rotate: 2, init: 3 };

const ARGO = {
  hook: 'argocd.argoproj.io/hook',
  deletePolicy: 'argocd.argoproj.io/hook-delete-policy',
  wave: 'argocd.argoproj.io/sync-wave',
};
const HELM = {
  hook: 'helm.sh/hook',
  deletePolicy: 'helm.sh/hook-delete-policy',
  weight: 'helm.sh/hook-weight',
};

/** The hook delete policies of a retention policy: the previous run is always replaced by the next one. */
const DELETE_POLICIES: Record<PodRetentionPolicy, { readonly argo: string; readonly helm: string }> = {
  Retain: { argo: 'BeforeHookCreation', helm: 'before-hook-creation' },
  RetainOnFailure: { argo: 'BeforeHookCreation,HookSucceeded', helm: 'before-hook-creation,hook-succeeded' },
  Delete: { argo: 'BeforeHookCreation,HookSucceeded,HookFailed', helm: 'before-hook-creation,hook-succeeded,hook-failed' },
};

/** The first hex characters of the content hash of a JSON-like value. */
export function shortHash(value: unknown): string {
  return contentHash(value).slice(0, NAME_HASH_LENGTH);
}

/**
 * Whether a task's Job is named after its content: with `Plain` delivery, and always for the seed, which must never
 * run again just because it is applied again (validation also refuses a seed with hook delivery).
 */
export function isHashNamed(delivery: LifecycleDelivery, task: TaskType): boolean {
  return delivery === 'Plain' || task === 'seed';
}

/**
 * The Job name: `<name>-<task>` for hooks, which the tool replaces on every run; `<name>-<task>-<hash>` where the
 * name must change exactly when the Job does, since a Job's pod template is immutable.
 */
export function taskJobName(delivery: LifecycleDelivery, instanceName: string, task: TaskType, content: unknown): string {
  const base = `${instanceName}-${task}`;
  return isHashNamed(delivery, task) ? `${base}-${shortHash(content)}` : base;
}

/**
 * Annotations of a task's Job. Migrate, rotate and init become hooks that run before the components, in task
 * order. The seed is never a hook, since it would then drop the metastore on every sync.
 */
export function taskAnnotations(delivery: LifecycleDelivery, task: TaskType, retention: PodRetentionPolicy): Labels | undefined {
  if (task === 'seed') return undefined;
  return hookAnnotations(delivery, HOOK_ORDER[task], DELETE_POLICIES[retention]);
}

/**
 * Annotations of the objects the hook Jobs need (the task ConfigMaps, the lifecycle ServiceAccount): hooks
 * themselves, ordered before the Jobs, so that they exist, with current content, when the Jobs start, also on the
 * first install. Replaced on every run, never deleted after it: the Jobs need them for as long as they run.
 */
export function prerequisiteAnnotations(delivery: LifecycleDelivery): Labels | undefined {
  return hookAnnotations(delivery, 0, DELETE_POLICIES.Retain);
}

/**
 * Annotations of the ExternalSecret that creates the Secrets the hook Jobs read: a hook ordered before every other
 * hook (-1). Argo CD waits until a hook is healthy (for an ExternalSecret: Ready, so the Secret exists) before the next
 * wave, and fails the sync when it is degraded; Helm only creates it first, and the Jobs' pods wait for the Secret.
 */
export function secretPrerequisiteAnnotations(delivery: LifecycleDelivery): Labels | undefined {
  return hookAnnotations(delivery, -1, DELETE_POLICIES.Retain);
}

type DeletePolicy = (typeof DELETE_POLICIES)[PodRetentionPolicy];

function hookAnnotations(delivery: LifecycleDelivery, order: number, deletePolicy: DeletePolicy): Labels | undefined {
  switch (delivery) {
    case 'ArgoCD':
      return { [ARGO.hook]: 'PreSync', [ARGO.deletePolicy]: deletePolicy.argo, [ARGO.wave]: String(order) };
    case 'Helm':
      return { [HELM.hook]: 'pre-install,pre-upgrade', [HELM.deletePolicy]: deletePolicy.helm, [HELM.weight]: String(order) };
    case 'Plain':
      return undefined;
  }
}
