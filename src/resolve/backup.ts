import { envFromSecret, envValue } from './env';
import { resolveToolImage } from './image';
import type { InstanceContext } from './instance-context';
import { databaseType, targetDatabaseEnv, toolImage } from './lifecycle/task-containers';
import { assemblePodSpec } from './pod';
import type * as k8s from '../../imports/k8s';
import { longestCronGapSeconds, parseCron } from '../base/cron';
import { deadlineSeconds } from '../base/duration';
import { SupersetInternalError } from '../base/errors';
import { type Labels, parentComponentLabels } from '../base/labels';
import { mergeByKey, nonEmpty } from '../base/merge';
import type { ResolvedBackup, ResolvedRestore } from '../base/model/backup';
import { restoreJobPrefix } from '../base/names';
import { backupDumpScript, backupUploadScript, restoreDownloadScript, restoreScript } from '../render/backup-scripts';
import type { BackupS3Spec, BackupSpec, DatabaseType } from '../spec';

/*
 * The metastore backup: a CronJob whose pod dumps the metastore with the database tools image. To a claim, one
 * container dumps into it and prunes; to S3, an init container dumps into an emptyDir and the AWS CLI uploads and
 * prunes (no official image has both a database client and an S3 client). Root file systems are read-only: the
 * tools write only to /tmp and the dump volume.
 */

/** The AWS CLI image the S3 upload runs in, pinned. */
export const AWS_CLI_IMAGE = 'amazon/aws-cli:2.27.0';
const DEFAULT_KEEP = 7;
const DEFAULT_TIMEOUT = '1h';
const DUMP_DIR = '/backup';
const VOLUME = 'backup';
const TMP = 'tmp';
const READ_ONLY_ROOT: k8s.SecurityContext = { readOnlyRootFilesystem: true };

/** What every backup and restore pod of an instance carries: component `backup`. */
export function backupSelector(instance: string): Labels {
  return parentComponentLabels('backup', instance);
}

/** Labels of the backup's CronJob, Jobs and pods (`<instance>-backup`), or of the restore Job (`<instance>-restore`). */
export function backupLabels(instance: string, part: 'backup' | 'restore' = 'backup'): Labels {
  return Object.assign({}, backupSelector(instance), { 'app.kubernetes.io/instance': `${instance}-${part}` });
}

/** The TCP port of an S3 endpoint URL (validated): its own, else the scheme's; Amazon S3 is HTTPS. */
export function objectStorePort(endpoint: string | undefined): number {
  if (endpoint === undefined) return 443;
  const url = new URL(endpoint);
  return Number(url.port) || (url.protocol === 'http:' ? 80 : 443);
}

function mounts(): k8s.VolumeMount[] {
  return [{ name: VOLUME, mountPath: DUMP_DIR }, { name: TMP, mountPath: '/tmp' }];
}

function commonEnv(instance: string, backup: BackupSpec): k8s.EnvVar[] {
  return [
    envValue('BACKUP_DIR', DUMP_DIR),
    envValue('BACKUP_NAME', instance),
    envValue('BACKUP_KEEP', String(backup.keep ?? DEFAULT_KEEP)),
  ];
}

function s3Env(instance: string, backup: BackupSpec, s3: BackupS3Spec): k8s.EnvVar[] {
  const region = s3.region ?? 'us-east-1';
  return [
    ...commonEnv(instance, backup),
    envValue('BACKUP_BUCKET', s3.bucket),
    envValue('BACKUP_PREFIX', s3.prefix ?? ''),
    ...s3.forcePathStyle === true ? [envValue('BACKUP_PATH_STYLE', 'true')] : [],
    envValue('HOME', '/tmp'),
    envValue('AWS_REGION', region),
    envValue('AWS_DEFAULT_REGION', region),
    ...s3.endpoint !== undefined ? [envValue('AWS_ENDPOINT_URL_S3', s3.endpoint)] : [],
    // Checksums only where S3 requires them: many S3-compatible stores refuse the CLI's default ones.
    envValue('AWS_REQUEST_CHECKSUM_CALCULATION', 'when_required'),
    envValue('AWS_RESPONSE_CHECKSUM_VALIDATION', 'when_required'),
    envFromSecret('AWS_ACCESS_KEY_ID', s3.accessKeyIdFrom),
    envFromSecret('AWS_SECRET_ACCESS_KEY', s3.secretAccessKeyFrom),
  ];
}

function dumpContainer(ctx: InstanceContext, backup: BackupSpec, type: DatabaseType, name: string): k8s.Container {
  const image = resolveToolImage(toolImage(type), backup.image);
  return {
    name,
    image: image.image,
    imagePullPolicy: image.pullPolicy,
    command: ['/bin/sh', '-c', backupDumpScript(type, backup.s3 === undefined)],
    env: [...commonEnv(ctx.name, backup), ...targetDatabaseEnv(ctx.spec, ctx.name)],
    volumeMounts: mounts(),
  };
}

/** The backup of an instance, or undefined without `backup`. Validation has checked the schedule and destination. */
export function resolveBackup(ctx: InstanceContext): ResolvedBackup | undefined {
  const backup = ctx.spec.backup;
  if (!backup) return undefined;
  const type = databaseType(ctx.spec.metastore?.type);
  const cron = parseCron(backup.schedule);
  const intervalSeconds = cron && longestCronGapSeconds(cron);
  if (intervalSeconds === undefined) throw new SupersetInternalError(`backup.schedule '${backup.schedule}' passed validation`);
  const s3 = backup.s3;
  const dumpVolume: k8s.Volume = s3
    ? { name: VOLUME, emptyDir: {} }
    : { name: VOLUME, persistentVolumeClaim: { claimName: backup.persistentVolumeClaim!.claimName } };
  const upload = s3 && resolveToolImage(AWS_CLI_IMAGE, s3.image);
  const main: k8s.Container = upload
    ? {
      name: 'upload',
      image: upload.image,
      imagePullPolicy: upload.pullPolicy,
      command: ['/bin/sh', '-c', backupUploadScript(type)],
      env: s3Env(ctx.name, backup, s3!),
      volumeMounts: mounts(),
    }
    : dumpContainer(ctx, backup, type, 'backup');
  const dump = s3 ? dumpContainer(ctx, backup, type, 'dump') : undefined;
  const pod = backupPod(ctx, backup, dumpVolume, main, dump);
  const deadline = deadlineSeconds(backup.timeout ?? DEFAULT_TIMEOUT);
  return {
    name: `${ctx.name}-backup`,
    namespace: ctx.namespace,
    labels: backupLabels(ctx.name),
    selector: backupSelector(ctx.name),
    schedule: backup.schedule,
    intervalSeconds,
    deadline,
    pod,
    objectStorePort: s3 && objectStorePort(s3.endpoint),
    restore: backup.restore?.replaceMetastore === true ? resolveRestore(ctx, backup, type, dumpVolume, deadline) : undefined,
  };
}

/** A pod of the backup or the restore: restricted, read-only root, the dump volume and /tmp, no retries in place. */
function backupPod(
  ctx: InstanceContext, backup: BackupSpec, dumpVolume: k8s.Volume, main: k8s.Container, init: k8s.Container | undefined,
) {
  const pullSecrets = [...backup.image?.pullSecrets ?? [], ...backup.s3?.image?.pullSecrets ?? []];
  const resources = backup.resources;
  return assemblePodSpec({ container: { securityContext: READ_ONLY_ROOT } }, {
    main: Object.assign({}, main, { resources }),
    serviceAccountName: ctx.serviceAccountName,
    imagePullSecrets: nonEmpty(mergeByKey((secret) => secret.name ?? '', pullSecrets)),
    volumes: [dumpVolume, { name: TMP, emptyDir: {} }],
    initContainers: init ? [Object.assign({}, init, { resources, securityContext: READ_ONLY_ROOT })] : [],
    restartPolicy: 'Never',
  });
}

/**
 * The restore Job's pod: the database tools restore the named dump from the claim (mounted read-only), or from an
 * emptyDir the AWS CLI downloaded it into first.
 */
function resolveRestore(
  ctx: InstanceContext, backup: BackupSpec, type: DatabaseType, dumpVolume: k8s.Volume, deadline: number | undefined,
): ResolvedRestore {
  const dumpName = backup.restore!.dump;
  const s3 = backup.s3;
  const dumpEnv = envValue('RESTORE_DUMP', dumpName);
  const image = resolveToolImage(toolImage(type), backup.image);
  const restoreMounts = s3 ? mounts() : [{ name: VOLUME, mountPath: DUMP_DIR, readOnly: true }, { name: TMP, mountPath: '/tmp' }];
  const main: k8s.Container = {
    name: 'restore',
    image: image.image,
    imagePullPolicy: image.pullPolicy,
    command: ['/bin/sh', '-c', restoreScript(type)],
    env: [envValue('BACKUP_DIR', DUMP_DIR), dumpEnv, ...targetDatabaseEnv(ctx.spec, ctx.name)],
    volumeMounts: restoreMounts,
  };
  const download = s3 && resolveToolImage(AWS_CLI_IMAGE, s3.image);
  const init: k8s.Container | undefined = download && {
    name: 'download',
    image: download.image,
    imagePullPolicy: download.pullPolicy,
    command: ['/bin/sh', '-c', restoreDownloadScript()],
    env: [dumpEnv, ...s3Env(ctx.name, backup, s3!)],
    volumeMounts: mounts(),
  };
  // The dump's time, as the backup named it: `demo-20260101T021500Z.dump` → `demo-restore-20260101t021500z`.
  const stamp = dumpName.slice(ctx.name.length + 1).replace(/\..*$/, '').toLowerCase();
  return {
    name: `${restoreJobPrefix(ctx.name)}${stamp}`,
    labels: backupLabels(ctx.name, 'restore'),
    deadline,
    pod: backupPod(ctx, backup, dumpVolume, main, init),
  };
}
