import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { jobManifest, seedCronJobManifest, taskConfigMapManifest } from './job-manifests';
import type { ResolvedLifecycle, ResolvedTask } from './resolve-tasks';
import type { TaskType } from './task-types';
import { apiObjectProps } from '../build/manifest';

/** Properties of `LifecycleJobs`. */
export interface LifecycleJobsProps {
  /** The resolved lifecycle, as produced for a `SupersetInstance` (see `SupersetInstance.model.lifecycle`). */
  readonly lifecycle: ResolvedLifecycle;
}

const ID: Record<TaskType, string> = { seed: 'Seed', migrate: 'Migrate', rotate: 'Rotate', init: 'Init' };

/**
 * The lifecycle tasks of an instance: the seed, migrate, rotate and init Jobs that are enabled, the ConfigMaps
 * they mount, and the CronJob of a scheduled seed, ordered for the chosen delivery mode (`lifecycle.delivery`).
 * Every object is a public `ApiObject`, so it can be patched as an escape hatch.
 *
 * ConfigMaps come first, then the Jobs in run order: applied in file order, a Job never waits for its ConfigMap.
 */
export class LifecycleJobs extends Construct {
  /** The resolved lifecycle these objects were built from. */
  public readonly model: ResolvedLifecycle;
  /** The seed Job (`<name>-seed-<hash>`), when `lifecycle.seed` is set. */
  public readonly seedJob?: ApiObject;
  /** The CronJob `<name>-seed` that repeats the seed, when `lifecycle.seed.cronSchedule` is set. */
  public readonly seedCronJob?: ApiObject;
  /** The migrate task's ConfigMap `<name>-migrate-config`. */
  public readonly migrateConfigMap?: ApiObject;
  /** The migrate Job (`superset db upgrade`). */
  public readonly migrateJob?: ApiObject;
  /** The rotate task's ConfigMap `<name>-rotate-config`. */
  public readonly rotateConfigMap?: ApiObject;
  /** The rotate Job (`superset re-encrypt-secrets`), when `lifecycle.rotate` is set. */
  public readonly rotateJob?: ApiObject;
  /** The init task's ConfigMap `<name>-init-config`. */
  public readonly initConfigMap?: ApiObject;
  /** The init Job (`superset init`, and in Development the admin user and example data). */
  public readonly initJob?: ApiObject;

  constructor(scope: Construct, id: string, props: LifecycleJobsProps) {
    super(scope, id);
    this.model = props.lifecycle;
    const tasks = new Map<TaskType, ResolvedTask>(props.lifecycle.tasks.map((task) => [task.type, task]));
    const configMap = (type: TaskType) => {
      const task = tasks.get(type);
      return task?.configMap && new ApiObject(this, `${ID[type]}ConfigMap`, apiObjectProps(taskConfigMapManifest(task, task.configMap)));
    };
    const job = (type: TaskType) => {
      const task = tasks.get(type);
      return task && new ApiObject(this, `${ID[type]}Job`, apiObjectProps(jobManifest(task)));
    };
    this.migrateConfigMap = configMap('migrate');
    this.rotateConfigMap = configMap('rotate');
    this.initConfigMap = configMap('init');
    this.seedJob = job('seed');
    this.migrateJob = job('migrate');
    this.rotateJob = job('rotate');
    this.initJob = job('init');
    const seed = tasks.get('seed');
    this.seedCronJob = seed?.cronJob && new ApiObject(this, 'SeedCronJob', apiObjectProps(seedCronJobManifest(seed, seed.cronJob)));
  }
}
