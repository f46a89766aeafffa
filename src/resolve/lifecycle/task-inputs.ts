import { deadlineSeconds } from '../../base/duration';
import { mergePodTemplates } from '../../base/merge';
import { TaskType } from '../../base/task-types';
import type { PodTemplate, SupersetSpec, TaskSpec } from '../../spec';
import { type ConfigFiles, type InstanceConfigFiles, supersetConfigFiles } from '../config-files';
import { resolveImage, type ResolvedImage } from '../image';
import { resolveEngineOptions } from '../presets';

/*
 * What the lifecycle tasks are built from: the settings migrate, rotate and init share, and each task's own
 * attempts and deadline.
 */

const DEFAULT_TIMEOUT = '5m';
const DEFAULT_MAX_RETRIES = 3;

/** What migrate, rotate and init share: pod settings, rendered files, bootstrap script and image. */
export interface LifecycleInputs {
  /** The top-level `podTemplate` with `lifecycle.podTemplate` merged over it. */
  readonly template: PodTemplate;
  /** The tasks' files: one `superset_config.py` for all of them, the bootstrap script, and the shared files. */
  readonly files: ConfigFiles;
  /** The bootstrap script in effect, when not empty. */
  readonly bootstrap?: string;
  /** The Superset image, with `lifecycle.image` over the top-level one. */
  readonly image: ResolvedImage;
}

/** The shared inputs of the Superset tasks: NullPool, the top-level `config`, then `lifecycle.config`. */
export function lifecycleInputs(spec: SupersetSpec, instanceFiles: InstanceConfigFiles): LifecycleInputs {
  const lifecycle = spec.lifecycle ?? {};
  const noSizing = { gunicornWorkers: 0, gunicornThreads: 0, celeryConcurrency: 0 };
  const bootstrap = lifecycle.bootstrapScript ?? spec.bootstrapScript;
  return {
    template: mergePodTemplates(spec.podTemplate, lifecycle.podTemplate),
    files: supersetConfigFiles(spec, instanceFiles, {
      engineOptions: resolveEngineOptions('lifecycle', lifecycle.sqlaEngineOptions ?? spec.sqlaEngineOptions, noSizing),
      componentConfig: lifecycle.config,
      bootstrapScript: bootstrap,
    }),
    bootstrap: bootstrap || undefined,
    image: resolveImage(spec.image, lifecycle.image),
  };
}

/** A task's spec in the lifecycle, empty when absent. */
export function taskSpec(spec: SupersetSpec, type: TaskType): TaskSpec {
  return spec.lifecycle?.[type] ?? {};
}

/** Whether the task replaces its default command. */
export function hasCommand(task: TaskSpec): task is TaskSpec & { readonly command: string[] } {
  return task.command !== undefined && task.command.length > 0;
}

/** The time limit of one attempt of the task in seconds (`timeout`, default 5 minutes); undefined for none. */
export function taskDeadline(task: TaskSpec): number | undefined {
  return deadlineSeconds(task.timeout ?? DEFAULT_TIMEOUT);
}

/** The Job's `backoffLimit`: retries after the first of `maxRetries` attempts (default 3). */
export function taskBackoffLimit(task: TaskSpec): number {
  return (task.maxRetries ?? DEFAULT_MAX_RETRIES) - 1;
}
