import type { SupersetInstanceProps } from '../../src';
import { pythonPath, pythonText } from '../support/pod';
import { synth, type Manifest } from '../util';

/** A structured metastore with its password in a Secret. */
export const METASTORE = { host: 'pg', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'pw' } };

/** Synthesizes with the lifecycle enabled (the shared BASE disables it). */
export function synthLifecycle(props: Partial<SupersetInstanceProps> = {}): Manifest[] {
  return synth({ lifecycle: {}, ...props });
}

/** The Job of a task, found by its `superset.apache.org/init-task` label, whatever its name. */
export function jobOf(manifests: Manifest[], task: string): Manifest {
  const jobs = manifests.filter((m) => m.kind === 'Job' && m.metadata.labels?.['superset.apache.org/init-task'] === task);
  if (jobs.length !== 1) throw new Error(`expected one ${task} Job, got ${jobs.map((j) => j.metadata.name).join(', ') || 'none'}`);
  return jobs[0];
}

/** Whether a task has a Job. */
export function hasJob(manifests: Manifest[], task: string): boolean {
  return manifests.some((m) => m.kind === 'Job' && m.metadata.labels?.['superset.apache.org/init-task'] === task);
}

/** The pod spec of a Job. */
export function podOf(job: Manifest): any {
  return job.spec.template.spec;
}

/** The main `superset` container of a Job. */
export function taskContainer(job: Manifest): any {
  return podOf(job).containers.find((c: any) => c.name === 'superset');
}

/** The Python files a task's pod reads (its `superset_config.py` and the shared files it runs), in one text. */
export function taskConfig(manifests: Manifest[], task: string): string {
  return pythonText(manifests, jobOf(manifests, task));
}

/** The files of a task's PYTHONPATH, as its pod sees them. */
export function taskFiles(manifests: Manifest[], task: string): Record<string, string> {
  return pythonPath(manifests, jobOf(manifests, task));
}

/** The names of a pod's init containers. */
export function initContainerNames(pod: any): string[] {
  return (pod.initContainers ?? []).map((c: any) => c.name);
}
