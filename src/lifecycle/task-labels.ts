import type { TaskType } from './task-types';
import { type Labels, PARENT_LABEL } from '../resolve/labels';

/*
 * Labels of the lifecycle objects, as the operator sets them (§7.2): each task is an instance `<name>-<task>` of the
 * component `init`, and its Jobs and pods also name their parent instance.
 */

/** Job and pod labels of a task. */
export function taskLabels(instance: string, task: TaskType): Labels {
  return {
    'app.kubernetes.io/name': 'superset',
    'app.kubernetes.io/component': 'init',
    'app.kubernetes.io/instance': `${instance}-${task}`,
    [PARENT_LABEL]: instance,
    'superset.apache.org/instance': `${instance}-${task}`,
    'superset.apache.org/init-task': task,
  };
}

/** Labels of a task's ConfigMap. */
export function taskConfigMapLabels(instance: string, task: TaskType): Labels {
  return {
    'app.kubernetes.io/name': 'superset',
    'app.kubernetes.io/component': 'init',
    'app.kubernetes.io/instance': `${instance}-${task}`,
  };
}
