import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../base/manifest';
import type { ResolvedTask, ResolvedTaskConfigMap } from '../base/model/lifecycle';

/** The Job of a task: one pod at a time, retried up to `backoffLimit` times, never restarted in place. */
function jobSpec(task: ResolvedTask): k8s.JobSpec {
  return {
    backoffLimit: task.backoffLimit,
    completions: 1,
    parallelism: 1,
    template: {
      metadata: { labels: task.pod.labels, annotations: task.pod.annotations },
      spec: task.pod.spec,
    },
  };
}

/** A task's Job. */
export function jobManifest(task: ResolvedTask): Manifest<k8s.Job> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: objectMeta(task.name, task.namespace, task.labels, task.annotations),
    spec: jobSpec(task),
  };
}

/** A task's ConfigMap (`superset_config.py`, bootstrap script); the seed's holds those of the tasks it runs. */
export function taskConfigMapManifest(task: ResolvedTask, configMap: ResolvedTaskConfigMap): Manifest<k8s.ConfigMap> {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(configMap.name, task.namespace, configMap.labels, configMap.annotations),
    data: configMap.data,
  };
}

/**
 * The CronJob that repeats a scheduled seed. A run never overlaps the previous one; the CronJob is mutable, so it
 * keeps its name.
 */
export function seedCronJobManifest(task: ResolvedTask, cronJob: NonNullable<ResolvedTask['cronJob']>): Manifest<k8s.CronJob> {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: objectMeta(cronJob.name, task.namespace, task.labels),
    spec: {
      schedule: cronJob.schedule,
      concurrencyPolicy: 'Forbid',
      jobTemplate: { metadata: { labels: task.labels }, spec: jobSpec(task) },
    },
  };
}
