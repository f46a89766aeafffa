import type { SecretKeyRef } from './common';
import type { ContainerImageSpec } from './image';
import type * as k8s from '../../imports/k8s';

/** Keeps the backups in an existing PersistentVolumeClaim. */
export interface BackupVolumeSpec {
  /** Name of the claim, in the instance's namespace; the library does not create it. */
  readonly claimName: string;
}

/** Keeps the backups in an S3-compatible object store. */
export interface BackupS3Spec {
  /** The bucket. It must exist. */
  readonly bucket: string;
  /**
   * Written before every object key, e.g. `superset/`; the objects are `<prefix><instance>-<UTC time>.dump`.
   *
   * @default - none: the keys start with the instance name
   */
  readonly prefix?: string;
  /**
   * Endpoint URL of an S3-compatible store, `https://host[:port]` (`http://` too), without path.
   *
   * @default - Amazon S3
   */
  readonly endpoint?: string;
  /**
   * Region of the bucket.
   *
   * @default 'us-east-1'
   */
  readonly region?: string;
  /** Access key id, from a Secret. */
  readonly accessKeyIdFrom: SecretKeyRef;
  /** Secret access key, from a Secret. */
  readonly secretAccessKeyFrom: SecretKeyRef;
  /**
   * Address the bucket in the path (`https://host/bucket/key`), as MinIO and many S3-compatible stores need.
   *
   * @default false
   */
  readonly forcePathStyle?: boolean;
  /**
   * Image of the AWS CLI that uploads and prunes.
   *
   * @default - amazon/aws-cli:2.27.0
   */
  readonly image?: ContainerImageSpec;
}

/**
 * A one-off Job that restores one backup over the metastore. Rendered only with `replaceMetastore: true`, as a plain
 * Job (never a hook): apply it once, on purpose, after stopping the components (see the README's restore steps),
 * then remove it from the spec.
 */
export interface BackupRestoreSpec {
  /** The backup to restore, as the backup job named it: `<instance>-<YYYYMMDDTHHMMSSZ>.dump` (`.sql` for MySQL). */
  readonly dump: string;
  /**
   * Must be `true`: the restore replaces the metastore's tables with the dump's. Without it `restore` is refused.
   *
   * @default false
   */
  readonly replaceMetastore?: boolean;
}

/**
 * Scheduled backups of the metastore: a CronJob `<name>-backup` that dumps the metadata database (`pg_dump -Fc`,
 * restorable selectively with `pg_restore`; or `mysqldump --single-transaction --routines --triggers --events`),
 * verifies the dump, stores it in a PersistentVolumeClaim or an S3-compatible bucket and keeps the last `keep`.
 * Runs never overlap. Not part of the operator's spec. Set exactly one of `persistentVolumeClaim` and `s3`.
 */
export interface BackupSpec {
  /**
   * When to back up: a cron schedule of 5 fields (minute hour day-of-month month day-of-week), in the time zone of
   * the cluster's controller manager (usually UTC). The alerts allow twice the longest gap between two runs.
   */
  readonly schedule: string;
  /**
   * How many backups to keep; older ones are deleted by the job after a new one is stored.
   *
   * @default 7
   */
  readonly keep?: number;
  /**
   * Store the backups in this claim.
   *
   * @default - not set
   */
  readonly persistentVolumeClaim?: BackupVolumeSpec;
  /**
   * Store the backups in this bucket.
   *
   * @default - not set
   */
  readonly s3?: BackupS3Spec;
  /**
   * Image of the database tools; its major version must be at least the server's.
   *
   * @default - postgres:17.6-alpine or mysql:8.4.6, by the metastore's type
   */
  readonly image?: ContainerImageSpec;
  /**
   * Resources of every backup and restore container (the dump, the upload, the download, the restore).
   *
   * @default - none
   */
  readonly resources?: k8s.ResourceRequirements;
  /**
   * Time limit of one run (a Go duration); a run that exceeds it fails and alerts.
   *
   * @default '1h'
   */
  readonly timeout?: string;
  /**
   * Render a Job `<name>-restore-<dump time>` that restores one of the backups. Only with an explicit
   * `replaceMetastore: true`.
   *
   * @default - no restore Job
   */
  readonly restore?: BackupRestoreSpec;
}
