import { SCHEMA_WAIT_FILES, schemaWaitApplies, schemaWaitStep } from './schema-wait';
import { createDatabaseContainer } from './task-containers';
import { type LifecycleInputs, taskBackoffLimit, taskDeadline, taskSpec } from './task-inputs';
import { placeTaskFiles, type SupersetTask, supersetStep, taskConfigMap, taskShared } from './task-step';
import { addDeadlines } from '../../base/duration';
import { withManaged } from '../../base/labels';
import { mergeMaps } from '../../base/merge';
import type { TaskJobContent } from '../../base/model/lifecycle';
import { taskLabels } from '../../base/task-labels';
import { initStepContainer } from '../extensions';
import { CHECKSUM_ANNOTATION, type InstanceContext } from '../instance-context';
import { assemblePodSpec } from '../pod';

/**
 * Whether a task's pod first waits for migrations: rotate and init with `Plain` delivery, where nothing runs
 * migrate before them.
 */
function waitsForMigrations(ctx: InstanceContext, type: SupersetTask): boolean {
  return type !== 'migrate' && schemaWaitApplies(ctx.spec);
}

/**
 * The Job of migrate, rotate or init, with the ConfigMap of its files (see `taskShared`). Migrate first creates the
 * database with `metastore.createDatabase`. Rotate and init wait for migrations with `Plain` delivery, so each of
 * their attempts may also take as long as one attempt of migrate: a long migration does not eat their deadline.
 */
export function standardJob(ctx: InstanceContext, inputs: LifecycleInputs, type: SupersetTask): TaskJobContent {
  const spec = ctx.spec;
  const waits = waitsForMigrations(ctx, type);
  const files = waits ? { own: inputs.files.own, shared: Object.assign({}, inputs.files.shared, SCHEMA_WAIT_FILES) } : inputs.files;
  const placed = placeTaskFiles(ctx, files, type);
  const step = supersetStep(ctx, inputs, type, placed.files, taskShared(ctx, type));
  const metastore = spec.metastore;
  const initContainers = [
    ...(type === 'migrate' && metastore?.createDatabase === true && metastore.host !== undefined
      ? [createDatabaseContainer(spec, ctx.name, inputs.template.container)] : []),
    ...(waits ? [initStepContainer(step.container, schemaWaitStep(inputs.bootstrap), step.securityContext)] : []),
  ];
  const podSpec = assemblePodSpec(inputs.template, {
    main: step.container,
    serviceAccountName: ctx.serviceAccountName,
    imagePullSecrets: spec.image.pullSecrets,
    volumes: [placed.volume],
    initContainers,
    restartPolicy: 'Never',
  });
  const deadline = waits ? addDeadlines(step.deadline, taskDeadline(taskSpec(spec, 'migrate'))) : step.deadline;
  return {
    type,
    runs: [type],
    backoffLimit: taskBackoffLimit(taskSpec(spec, type)),
    pod: {
      labels: withManaged(inputs.template.labels, taskLabels(ctx.name, type)),
      annotations: mergeMaps({ [CHECKSUM_ANNOTATION]: step.checksum }, inputs.template.annotations),
      spec: Object.assign({}, podSpec, { activeDeadlineSeconds: deadline }),
    },
    configMap: taskConfigMap(ctx, type, placed),
    sharedFiles: placed.sharedFiles,
    sharedEnv: step.sharedEnv,
  };
}
