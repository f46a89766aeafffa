import { isHashNamed, prerequisiteAnnotations, taskAnnotations, taskJobName } from './delivery';
import { seedJob } from './seed-job';
import { lifecycleServiceAccount } from './service-account';
import { standardJob } from './standard-job';
import { lifecycleInputs } from './task-inputs';
import type { SupersetTask } from './task-step';
import { lifecycleDelivery, taskEnabled } from './task-types';
import { mergeMaps } from '../../base/merge';
import type { ResolvedLifecycle, ResolvedTask, TaskJobContent } from '../../base/model/lifecycle';
import { TASK_TYPES } from '../../base/task-types';
import type { LifecycleDelivery } from '../../spec';
import type { InstanceContext } from '../instance-context';

/** Names a task's Job and adds its delivery mode's annotations. */
function deliver(ctx: InstanceContext, delivery: LifecycleDelivery, content: TaskJobContent): ResolvedTask {
  const { type, runs, backoffLimit, pod, configMap, sharedFiles, sharedEnv, cronJob } = content;
  const retention = ctx.spec.lifecycle?.podRetention?.policy ?? 'RetainOnFailure';
  const annotations = mergeMaps(pod.annotations, taskAnnotations(delivery, type, retention));
  const labels = pod.labels;
  // Hook Jobs mount their ConfigMap before the main phase of the sync, so it is a hook too.
  const hook = !isHashNamed(delivery, type);
  return {
    type,
    runs,
    // The content hash covers the whole Job: its pod template, and through the checksum annotation, its files.
    name: taskJobName(delivery, ctx.name, type, { labels, annotations, backoffLimit, pod }),
    namespace: ctx.namespace,
    labels,
    annotations,
    backoffLimit,
    pod,
    configMap: configMap && Object.assign({}, configMap, { annotations: hook ? prerequisiteAnnotations(delivery) : undefined }),
    sharedFiles,
    sharedEnv,
    cronJob,
  };
}

/**
 * Resolves the lifecycle Jobs of an instance, in run order, with their delivery mode applied. With a seed, its
 * Job runs the enabled Superset tasks after it and they have no Job of their own; otherwise migrate, rotate and
 * init each have one. Undefined when no task runs (`lifecycle.disabled`, or every task disabled).
 */
export function resolveLifecycle(ctx: InstanceContext): ResolvedLifecycle | undefined {
  const spec = ctx.spec;
  const enabled = TASK_TYPES.filter((type) => taskEnabled(spec, type));
  if (enabled.length === 0) return undefined;
  const delivery = lifecycleDelivery(spec);
  const serviceAccount = lifecycleServiceAccount(spec, ctx.name, delivery);
  const jobCtx: InstanceContext = { ...ctx, serviceAccountName: serviceAccount?.name ?? ctx.serviceAccountName };
  const inputs = lifecycleInputs(spec, ctx.files);
  const superset = enabled.filter((type): type is SupersetTask => type !== 'seed');
  const contents = enabled.includes('seed')
    ? [seedJob(jobCtx, inputs, superset)]
    : superset.map((type) => standardJob(jobCtx, inputs, type));
  return { delivery, namespace: ctx.namespace, tasks: contents.map((content) => deliver(ctx, delivery, content)), serviceAccount };
}
