import type { Labels } from '../labels';
import type { ResolvedPodSpec } from './pod';

/** The metastore backup of an instance (`backup`), resolved. */
export interface ResolvedBackup {
  /** The CronJob: `<instance>-backup`; its Jobs are `<instance>-backup-<minute>`. */
  readonly name: string;
  /** The namespace, when one is set. */
  readonly namespace?: string;
  /** Labels of the CronJob, its Jobs and their pods; also the selector of their NetworkPolicy. */
  readonly labels: Labels;
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
}
