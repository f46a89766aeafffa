import { type Labels, PARENT_LABEL, parentComponentLabels } from './labels';
import { LIFECYCLE_FILES, TaskType } from './task-types';

/*
 * Labels of the lifecycle objects, as the operator sets them (§7.2): each task is an instance `<name>-<task>` of the
 * component `init`, and its Jobs and pods also name their parent instance.
 */

/** The component label of the lifecycle tasks' objects (the operator's), which no component pod carries. */
export const LIFECYCLE_COMPONENT = 'init';

/**
 * What every lifecycle pod of an instance carries (seed, migrate, rotate, init, and the Jobs of a scheduled seed),
 * and no component pod: the selector of their NetworkPolicy.
 */
export function lifecyclePodSelector(instanceName: string): Labels {
  return parentComponentLabels(LIFECYCLE_COMPONENT, instanceName);
}

/** Job and pod labels of a task. */
export function taskLabels(instance: string, task: TaskType): Labels {
  return {
    'app.kubernetes.io/name': 'superset',
    'app.kubernetes.io/component': LIFECYCLE_COMPONENT,
    'app.kubernetes.io/instance': `${instance}-${task}`,
    [PARENT_LABEL]: instance,
    'superset.apache.org/instance': `${instance}-${task}`,
    'superset.apache.org/init-task': task,
  };
}

/** Labels of the ConfigMap of a task's files, or of the lifecycle's (`LIFECYCLE_FILES`), which every task shares. */
export function taskConfigMapLabels(instance: string, owner: TaskType | typeof LIFECYCLE_FILES): Labels {
  return {
    'app.kubernetes.io/name': 'superset',
    'app.kubernetes.io/component': LIFECYCLE_COMPONENT,
    'app.kubernetes.io/instance': `${instance}-${owner}`,
  };
}
