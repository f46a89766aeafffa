import type * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { podSelectorConfig } from './cdk8s-plus';
import { KubeConfigMap, KubeCronJob, KubeJob, KubeServiceAccount } from '../../imports/k8s';
import { SupersetInternalError, SupersetValidationError } from '../base/errors';
import { PARENT_LABEL } from '../base/labels';
import type { ResolvedLifecycle, ResolvedTask } from '../base/model/lifecycle';
import { lifecyclePodSelector } from '../base/task-labels';
import { LIFECYCLE_FILES, TaskType } from '../base/task-types';
import { serviceAccountManifest } from '../build/component';
import { jobManifest, seedCronJobManifest, taskConfigMapManifest } from '../build/jobs';

/** Properties of `LifecycleJobs`. */
export interface LifecycleJobsProps {
  /** The resolved lifecycle, as produced for a `SupersetInstance` (see `SupersetInstance.model.lifecycle`). */
  readonly lifecycle: ResolvedLifecycle;
}

const ID: Record<TaskType, string> = { seed: 'Seed', migrate: 'Migrate', rotate: 'Rotate', init: 'Init' };

/**
 * The lifecycle tasks of an instance: the seed Job, or the migrate, rotate and init Jobs that are enabled, the
 * ConfigMaps they mount, the CronJob of a scheduled seed and, with hook delivery, the ServiceAccount the hooks run
 * as, ordered for the chosen delivery mode (`lifecycle.delivery`). Every object is a public `ApiObject`, so it can
 * be patched as an escape hatch.
 *
 * The ServiceAccount and ConfigMaps come first, then the Jobs in run order: applied in file order, a Job never
 * waits for what it mounts.
 *
 * For cdk8s-plus-28 the lifecycle is a pod selector and a network-policy peer that selects exactly the pods of its
 * Jobs (all tasks, the scheduled seed's included), e.g. to let the migrate Job reach a metastore defined with
 * cdk8s-plus: `metastore.connections.allowFrom(instance.lifecycle)`.
 */
export class LifecycleJobs extends Construct implements kplus.IPodSelector, kplus.INetworkPolicyPeer {
  /** The resolved lifecycle these objects were built from. */
  public readonly model: ResolvedLifecycle;
  /** The ServiceAccount `<name>-lifecycle` the hook Jobs run as, with `ArgoCD` or `Helm` delivery. */
  public readonly serviceAccount?: KubeServiceAccount;
  /** The seed's ConfigMap, `<name>-lifecycle-overlay`, when the seed Job also runs migrate, rotate or init. */
  public readonly seedConfigMap?: KubeConfigMap;
  /** The seed Job (`<name>-seed-<hash>`), when `lifecycle.seed` is set; it also runs migrate, rotate and init. */
  public readonly seedJob?: KubeJob;
  /** The CronJob `<name>-seed` that repeats the seed, when `lifecycle.seed.cronSchedule` is set. */
  public readonly seedCronJob?: KubeCronJob;
  /**
   * The ConfigMap the migrate Job mounts: `<name>-lifecycle-overlay`, the one every task shares with `Plain` delivery,
   * or `<name>-migrate-config` holding every file for a hook Job; absent with a seed.
   */
  public readonly migrateConfigMap?: KubeConfigMap;
  /** The migrate Job (`superset db upgrade`); absent with a seed, whose Job runs it. */
  public readonly migrateJob?: KubeJob;
  /**
   * The ConfigMap the rotate Job mounts: `<name>-lifecycle-overlay`, the one every task shares with `Plain` delivery,
   * or `<name>-rotate-config` holding every file for a hook Job; absent with a seed.
   */
  public readonly rotateConfigMap?: KubeConfigMap;
  /** The rotate Job (`superset re-encrypt-secrets`), when `lifecycle.rotate` is set; absent with a seed. */
  public readonly rotateJob?: KubeJob;
  /**
   * The ConfigMap the init Job mounts: `<name>-lifecycle-overlay`, the one every task shares with `Plain` delivery,
   * or `<name>-init-config` holding every file for a hook Job; absent with a seed.
   */
  public readonly initConfigMap?: KubeConfigMap;
  /** The init Job (`superset init`, and in Development the admin user and example data); absent with a seed. */
  public readonly initJob?: KubeJob;

  constructor(scope: Construct, id: string, props: LifecycleJobsProps) {
    super(scope, id);
    this.model = props.lifecycle;
    const sa = props.lifecycle.serviceAccount;
    this.serviceAccount = sa && new KubeServiceAccount(this, 'ServiceAccount', serviceAccountManifest(sa, props.lifecycle.namespace));
    const tasks = new Map<TaskType, ResolvedTask>(props.lifecycle.tasks.map((task) => [task.type, task]));
    // Tasks that share a ConfigMap (the lifecycle's) get the same object, built once.
    const built = new Map<string, { readonly object: KubeConfigMap; readonly resolved: ResolvedTask['configMap'] }>();
    const configMap = (type: TaskType) => {
      const task = tasks.get(type);
      if (!task?.configMap) return undefined;
      const existing = built.get(task.configMap.name);
      if (existing) {
        if (JSON.stringify(existing.resolved) !== JSON.stringify(task.configMap)) {
          throw new SupersetInternalError(`tasks share ConfigMap '${task.configMap.name}' with different contents`);
        }
        return existing.object;
      }
      const childId = task.configMap.owner === LIFECYCLE_FILES ? 'ConfigMap' : `${ID[task.configMap.owner]}ConfigMap`;
      const object = new KubeConfigMap(this, childId, taskConfigMapManifest(task, task.configMap));
      built.set(task.configMap.name, { object, resolved: task.configMap });
      return object;
    };
    const job = (type: TaskType) => {
      const task = tasks.get(type);
      return task && new KubeJob(this, `${ID[type]}Job`, jobManifest(task));
    };
    this.seedConfigMap = configMap('seed');
    this.migrateConfigMap = configMap('migrate');
    this.rotateConfigMap = configMap('rotate');
    this.initConfigMap = configMap('init');
    this.seedJob = job('seed');
    this.migrateJob = job('migrate');
    this.rotateJob = job('rotate');
    this.initJob = job('init');
    const seed = tasks.get('seed');
    this.seedCronJob = seed?.cronJob && new KubeCronJob(this, 'SeedCronJob', seedCronJobManifest(seed, seed.cronJob));
    // The first Job to run: the seed's, else migrate's (or, with both disabled, the next task's).
    this.node.defaultChild = this.seedJob ?? this.migrateJob ?? this.rotateJob ?? this.initJob;
  }

  /** The lifecycle pods for cdk8s-plus: the labels every task's pods carry and no component pod does. */
  public toPodSelectorConfig(): kplus.PodSelectorConfig {
    // Every task pod names its instance in the parent label; the lifecycle NetworkPolicy selects by the same labels.
    const instance = this.model.tasks[0]?.pod.labels[PARENT_LABEL];
    if (instance === undefined) {
      throw new SupersetValidationError(`LifecycleJobs '${this.node.path}'`, [{
        path: 'toPodSelectorConfig()', rule: 'the lifecycle has no task, so it has no pods to select',
      }]);
    }
    return podSelectorConfig(lifecyclePodSelector(instance), this.model.namespace);
  }

  /** The lifecycle pods as a cdk8s-plus network-policy peer. */
  public toNetworkPolicyPeerConfig(): kplus.NetworkPolicyPeerConfig {
    return { podSelector: this.toPodSelectorConfig() };
  }

  /** The lifecycle itself: it selects its pods. */
  public toPodSelector(): kplus.IPodSelector {
    return this;
  }
}
