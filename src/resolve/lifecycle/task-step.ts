import { adminUserEnv, initCommand, MIGRATE_COMMAND, ROTATE_COMMAND } from './commands';
import { isHashNamed } from './delivery';
import { taskContainer } from './task-containers';
import { hasCommand, type LifecycleInputs, taskDeadline, taskSpec } from './task-inputs';
import { lifecycleDelivery } from './task-types';
import type * as k8s from '../../../imports/k8s';
import type { SharedConfigMaps } from '../../base/config-files';
import { CONFIG_MOUNT_PATH, CONFIG_VOLUME, ENV } from '../../base/env-names';
import { contentChecksum, fileDigests } from '../../base/hash';
import type { Labels } from '../../base/labels';
import type { ResolvedTaskConfigMap } from '../../base/model/lifecycle';
import { taskConfigMapLabels } from '../../base/task-labels';
import { LIFECYCLE_FILES, TaskType } from '../../base/task-types';
import { wrapWithBootstrap } from '../../render/shell';
import type { InitTaskSpec } from '../../spec';
import { type ConfigFiles, type PlacedConfig, placeConfigFiles } from '../config-files';
import { placeEnv } from '../env';
import type { InstanceContext } from '../instance-context';

/** One task as a container, wherever it runs: in its own Job, or after the seed in the seed's pod. */
export interface TaskStep {
  /** The task. */
  readonly type: TaskType;
  /** Its container, without security context. */
  readonly container: k8s.Container;
  /** The security context of its container template, hardened when the pod is assembled. */
  readonly securityContext?: k8s.SecurityContext;
  /** Seconds one attempt may take (its `timeout`); undefined for no limit. */
  readonly deadline?: number;
  /** Content hash of what it runs beyond the container: files, variables, command and `trigger`. */
  readonly checksum: string;
  /** The plain variables it reads from the instance's shared env ConfigMap. */
  readonly sharedEnv?: Labels;
}

/** A Superset task other than the seed. */
export type SupersetTask = Exclude<TaskType, 'seed'>;

/**
 * Where a task's files and plain variables are: the lifecycle's ConfigMap `<name>-lifecycle-overlay`, with the shared
 * files in the instance's shared ConfigMap, when the Job is applied with the instance's objects; a hook Job runs
 * before they exist, so its own ConfigMap `<name>-<task>-config` (a hook too) holds everything.
 */
export function taskShared(ctx: InstanceContext, type: TaskType): SharedConfigMaps | undefined {
  return isHashNamed(lifecycleDelivery(ctx.spec), type) ? ctx.shared : undefined;
}

/**
 * The consumer whose ConfigMap holds a task's own files: with the shared files, the lifecycle's, one for every task
 * (they run the same `superset_config.py`); otherwise the task's, holding everything.
 */
function filesConsumer(ctx: InstanceContext, type: TaskType): TaskType | typeof LIFECYCLE_FILES {
  return taskShared(ctx, type) ? LIFECYCLE_FILES : type;
}

/** A task's files, placed as `taskShared` says. */
export function placeTaskFiles(ctx: InstanceContext, files: ConfigFiles, type: TaskType): PlacedConfig {
  return placeConfigFiles(files, ctx.name, filesConsumer(ctx, type), taskShared(ctx, type)?.config);
}

/** The ConfigMap of a task's placed files: its name and data, labelled after the consumer that owns it. */
export function taskConfigMap(ctx: InstanceContext, type: TaskType, placed: PlacedConfig): ResolvedTaskConfigMap {
  const owner = filesConsumer(ctx, type);
  return { owner, name: placed.configMap, labels: taskConfigMapLabels(ctx.name, owner), data: placed.data };
}

/**
 * Migrate, rotate or init: the Superset image with the lifecycle's container settings, the components' secret
 * references (and for init the admin user's variables), the lifecycle files on the PYTHONPATH (`files`: every one
 * the pod reads, for the checksum), and the task's command, wrapped by the bootstrap script unless the user
 * replaced it.
 */
export function supersetStep(
  ctx: InstanceContext, inputs: LifecycleInputs, type: SupersetTask, files: Labels, shared: SharedConfigMaps | undefined,
): TaskStep {
  const spec = ctx.spec;
  const own = taskSpec(spec, type);
  const init = own as InitTaskSpec;
  // Not `forceReload`: it restarts the components, and must not re-run the tasks (let alone re-seed), just as the
  // operator leaves it out of task checksums. With Plain delivery any change to a Job's pod renames the Job.
  const python = ctx.pythonEnv.filter((e) => e.name !== ENV.FORCE_RELOAD);
  const admin = type === 'init' && init.adminUser ? adminUserEnv(init.adminUser) : [];
  const env = [...python, ...admin];
  const placed = placeEnv(python, admin, shared?.env);
  const defaultCommand = { migrate: MIGRATE_COMMAND, rotate: ROTATE_COMMAND, init: initCommand(init) }[type];
  // A user command is taken verbatim: it is never wrapped by the bootstrap script.
  const command = hasCommand(own) ? own.command : wrapWithBootstrap(defaultCommand, inputs.bootstrap);
  const mount = { name: CONFIG_VOLUME, mountPath: CONFIG_MOUNT_PATH, readOnly: true };
  return {
    type,
    container: taskContainer(inputs.template.container, 'superset', inputs.image, command, placed, [mount]),
    sharedEnv: placed.shared,
    securityContext: inputs.template.container?.securityContext,
    deadline: taskDeadline(own),
    checksum: contentChecksum({ files: fileDigests(files), env, command, trigger: own.trigger }),
  };
}
