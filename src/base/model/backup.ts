import type { Labels } from '../labels';
import type { ResolvedPodSpec } from './pod';

/** The metastore backup of an instance (`backup`), resolved. */
export interface ResolvedBackup {
  /** The CronJob: `<instance>-backup`; its Jobs are `<instance>-backup-<minute>`. */
  readonly name: string;
  /** The namespace, when one is set. */
  readonly namespace?: string;
  /** Labels of the CronJob, its Jobs and their pods. */
  readonly labels: Labels;
  /** What the backup and restore pods carry and no other pod does: the selector of their NetworkPolicy. */
  readonly selector: Labels;
  /** The cron schedule, as written. */
  readonly schedule: string;
  /** The longest time between two scheduled runs, in seconds. */
  readonly intervalSeconds: number;
  /** Time limit of one run in seconds; undefined for none. */
  readonly deadline?: number;
  /** The pod: a dump container (and with S3 an upload container after it). */
  readonly pod: ResolvedPodSpec;
  /** The TCP port of the S3 endpoint, for restricted egress; absent with a claim. */
  readonly objectStorePort?: number;
  /** The restore Job, with `restore.replaceMetastore: true`. */
  readonly restore?: ResolvedRestore;
}

/** A one-off restore of one backup over the metastore. */
export interface ResolvedRestore {
  /** `<instance>-restore-<dump time, lower case>`: another dump, another Job. */
  readonly name: string;
  /** Labels of the Job and its pod. */
  readonly labels: Labels;
  /** Time limit in seconds; undefined for none. */
  readonly deadline?: number;
  /** The pod: the restore container (with S3 after a download init container). */
  readonly pod: ResolvedPodSpec;
}
