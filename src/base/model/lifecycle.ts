import type { Labels } from '../labels';
import type { ResolvedPodSpec, ResolvedServiceAccount } from './pod';
import type { LifecycleDelivery } from '../../spec';
import { LIFECYCLE_FILES, TaskType } from '../task-types';

/** A task's ConfigMap: the lifecycle's `superset_config.py` and bootstrap script. */
export interface ResolvedTaskConfigMap {
  /**
   * Whose it is: the lifecycle's (`lifecycle`), which every task applied with the instance's objects mounts, or one
   * task's, holding every file for a hook Job.
   */
  readonly owner: TaskType | typeof LIFECYCLE_FILES;
  /** `<name>-lifecycle-overlay`, or `<name>-<task>-config`. */
  readonly name: string;
  /** The operator's labels: component `init`, instance `<name>-<owner>`. */
  readonly labels: Labels;
  /** Hook annotations with `ArgoCD` and `Helm` delivery, so that it exists before the Job. */
  readonly annotations?: Labels;
  /** The files: `superset_config.py`, and `superset_bootstrap.sh` when there is a bootstrap script. */
  readonly data: Labels;
}

/** The pod template of a task's Job. */
export interface ResolvedTaskPod {
  /** Labels of the pod (and of the Job). */
  readonly labels: Labels;
  /** The user's pod annotations under the checksum annotation. */
  readonly annotations?: Labels;
  /** The assembled pod spec. */
  readonly spec: ResolvedPodSpec;
}

/** One lifecycle Job as Kubernetes will get it, its ConfigMap, and for a scheduled seed a CronJob. */
export interface ResolvedTask {
  /** The task the Job is named after. */
  readonly type: TaskType;
  /**
   * The tasks the Job runs, in order: its own, and for the seed the enabled migrate, rotate and init after it,
   * which then have no Job of their own.
   */
  readonly runs: readonly TaskType[];
  /** The Job name: `<name>-<task>`, or `<name>-<task>-<hash>` when it is named after its content. */
  readonly name: string;
  /** The namespace, when one is set. */
  readonly namespace?: string;
  /** Labels of the Job (and its pods). */
  readonly labels: Labels;
  /** Annotations of the Job: the pod's, plus the delivery mode's hooks and ordering. */
  readonly annotations?: Labels;
  /** Retries after the first attempt: `maxRetries - 1`. */
  readonly backoffLimit: number;
  /** The Job's pod template. */
  readonly pod: ResolvedTaskPod;
  /** The ConfigMap the Job's Superset containers mount; the seed has one only when it runs other tasks. */
  readonly configMap?: ResolvedTaskConfigMap;
  /** The files the pod reads from the instance's shared ConfigMap; absent when its own ConfigMap holds them all. */
  readonly sharedFiles?: Labels;
  /** The plain variables the pod reads from the instance's shared env ConfigMap; absent when all are in `env`. */
  readonly sharedEnv?: Labels;
  /** For a scheduled seed: the CronJob `<name>-seed` that repeats the Job. */
  readonly cronJob?: { readonly name: string; readonly schedule: string };
}

/** The lifecycle of an instance, resolved. */
export interface ResolvedLifecycle {
  /** The delivery mode, defaulted. */
  readonly delivery: LifecycleDelivery;
  /** The namespace, when one is set. */
  readonly namespace?: string;
  /** The Jobs in run order: the seed (which then runs every task), else migrate, rotate and init. */
  readonly tasks: readonly ResolvedTask[];
  /**
   * The ServiceAccount `<name>-lifecycle` the Jobs run as when they are hooks (`ArgoCD`, `Helm`): a hook itself,
   * ordered before them, so that the instance's own ServiceAccount stays an ordinary object. Absent with `Plain`
   * delivery and with `serviceAccount.create: false`, where the Jobs run as the instance's ServiceAccount.
   */
  readonly serviceAccount?: ResolvedServiceAccount;
}

/** A task's Job before its delivery mode names and annotates it. */
export interface TaskJobContent {
  /** The task the Job is named after. */
  readonly type: TaskType;
  /** The tasks the Job runs, in order. */
  readonly runs: readonly TaskType[];
  /** Retries after the first attempt. */
  readonly backoffLimit: number;
  /** The pod template. */
  readonly pod: ResolvedTaskPod;
  /** The ConfigMap the pod mounts, before delivery annotations. */
  readonly configMap?: ResolvedTaskConfigMap;
  /** The files the pod reads from the instance's shared ConfigMap. */
  readonly sharedFiles?: Labels;
  /** The plain variables the pod reads from the instance's shared env ConfigMap. */
  readonly sharedEnv?: Labels;
  /** The CronJob of a scheduled seed. */
  readonly cronJob?: ResolvedTask['cronJob'];
}
