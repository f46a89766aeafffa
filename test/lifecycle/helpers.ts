import { mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import type { SupersetInstanceProps } from '../../src';
import { pythonPath, pythonText } from '../support/pod';
import { SYSTEM_PYTHON } from '../support/python';
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

/** Where a pod mounts its PYTHONPATH files. */
const PYTHONPATH_MOUNT = '/app/pythonpath';

/**
 * A container's command as it runs on this machine: its /app/pythonpath is `folder` (where the test wrote the pod's
 * files), every other word as written. Run it with a PATH from `pythonOnPath`.
 */
export function commandIn(command: readonly string[], folder: string): string[] {
  // The folder takes the mount's place inside shell-quoted words too, where it must need no quoting of its own.
  if (!/^[\w./-]+$/.test(folder)) throw new Error(`${folder} would need quoting in a shell command`);
  return command.map((part) => part.split(PYTHONPATH_MOUNT).join(folder));
}

/**
 * A PATH (made in `dir`) on which `python`, the name the Superset image's commands use, is the system interpreter,
 * which has Debian's SQLAlchemy and drivers; then /usr/bin and /bin, for `sh`.
 */
export function pythonOnPath(dir: string): string {
  const bin = path.join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  symlinkSync(SYSTEM_PYTHON, path.join(bin, 'python'));
  return `${bin}:/usr/bin:/bin`;
}
