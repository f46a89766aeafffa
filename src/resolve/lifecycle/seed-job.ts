import { databaseType, seedEnv, taskContainer, toolImage } from './task-containers';
import { hasCommand, type LifecycleInputs, taskBackoffLimit, taskDeadline } from './task-inputs';
import { placeTaskFiles, type SupersetTask, supersetStep, taskConfigMap, type TaskStep, taskShared } from './task-step';
import { addDeadlines } from '../../base/duration';
import { contentChecksum } from '../../base/hash';
import { withManaged } from '../../base/labels';
import { mergeByKey, mergeMaps, mergePodTemplates } from '../../base/merge';
import type { TaskJobContent } from '../../base/model/lifecycle';
import { taskLabels } from '../../base/task-labels';
import { seedScript } from '../../render/database-scripts';
import type { PodTemplate, SeedTaskSpec } from '../../spec';
import { resolveToolImage } from '../image';
import { CHECKSUM_ANNOTATION, type InstanceContext } from '../instance-context';
import { assemblePodSpec } from '../pod';

/** The `seed` container: the database tools copy the source over the metastore, with passwords only in variables. */
function seedStep(ctx: InstanceContext, seed: SeedTaskSpec, template: PodTemplate): TaskStep {
  const type = databaseType(seed.source.type);
  const command = hasCommand(seed) ? seed.command : ['/bin/sh', '-c', seedScript(type, seed)];
  const env = seedEnv(ctx.spec, ctx.name, seed);
  return {
    type: 'seed',
    container: taskContainer(template.container, 'seed', resolveToolImage(toolImage(type), seed.image), command, { env }),
    securityContext: template.container?.securityContext,
    deadline: taskDeadline(seed),
    checksum: contentChecksum({ env, command, trigger: seed.trigger }),
  };
}

/**
 * The seed Job: one pod that copies the source over the metastore, then runs the enabled Superset tasks (migrate,
 * rotate, init) in order, each a container as in its own Job, named after its task. Init containers run one after
 * the other, so each task starts only when the previous one succeeded; the last task is the main container. The
 * Superset tasks then have no Job of their own, and nothing else runs against the metastore while it is replaced.
 *
 * - Pod settings: the top-level `podTemplate` with `seed.podTemplate` over it (the operator's seed pod). The seed
 *   container takes its container settings from them; the Superset containers keep the lifecycle's, and the pod
 *   also gets the volumes of `lifecycle.podTemplate`, which they may mount.
 * - The Superset containers mount the lifecycle files from the ConfigMap `<name>-lifecycle-overlay` (and the
 *   instance's shared ConfigMap).
 * - An attempt may take the sum of the tasks' timeouts (no limit when one has none); `seed.maxRetries` attempts.
 * - The checksum covers every task, so the Job's hash name changes, and the metastore is seeded again, when
 *   anything it runs changes.
 */
export function seedJob(ctx: InstanceContext, inputs: LifecycleInputs, tasks: readonly SupersetTask[]): TaskJobContent {
  const spec = ctx.spec;
  const seed = spec.lifecycle!.seed!;
  const seedTemplate = mergePodTemplates(spec.podTemplate, seed.podTemplate);
  const placed = placeTaskFiles(ctx, inputs.files, 'seed');
  const supersetSteps = tasks.map((type) => supersetStep(ctx, inputs, type, placed.files, taskShared(ctx, 'seed')));
  const steps = [seedStep(ctx, seed, seedTemplate), ...supersetSteps];
  const runsSuperset = tasks.length > 0;
  const containers = steps.map((step) => Object.assign({}, step.container, { name: step.type, securityContext: step.securityContext }));
  const main = steps[steps.length - 1];
  const template: PodTemplate = {
    ...seedTemplate,
    volumes: runsSuperset ? mergePodTemplates(inputs.template, seed.podTemplate).volumes : seedTemplate.volumes,
    // The main container's security context: the pod assembly hardens it.
    container: { securityContext: main.securityContext },
  };
  const pullSecrets = [...runsSuperset ? spec.image.pullSecrets ?? [] : [], ...seed.image?.pullSecrets ?? []];
  const podSpec = assemblePodSpec(template, {
    main: Object.assign({}, main.container, { name: main.type }),
    serviceAccountName: ctx.serviceAccountName,
    imagePullSecrets: mergeByKey((secret) => secret.name ?? '', pullSecrets),
    volumes: runsSuperset ? [placed.volume] : [],
    initContainers: containers.slice(0, -1),
    restartPolicy: 'Never',
  });
  const checksum = contentChecksum(Object.fromEntries(steps.map((step) => [step.type, step.checksum])));
  return {
    type: 'seed',
    runs: steps.map((step) => step.type),
    backoffLimit: taskBackoffLimit(seed),
    pod: {
      labels: withManaged(seedTemplate.labels, taskLabels(ctx.name, 'seed')),
      annotations: mergeMaps({ [CHECKSUM_ANNOTATION]: checksum }, seedTemplate.annotations),
      spec: Object.assign({}, podSpec, { activeDeadlineSeconds: steps.map((step) => step.deadline).reduce(addDeadlines) }),
    },
    configMap: runsSuperset ? taskConfigMap(ctx, 'seed', placed) : undefined,
    sharedFiles: runsSuperset ? placed.sharedFiles : undefined,
    sharedEnv: supersetSteps[0]?.sharedEnv,
    cronJob: seed.cronSchedule === undefined ? undefined : { name: `${ctx.name}-seed`, schedule: seed.cronSchedule },
  };
}
