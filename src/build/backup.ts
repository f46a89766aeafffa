import { egressRules } from './egress';
import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../base/manifest';
import type { ResolvedBackup } from '../base/model/backup';
import type { ResolvedInstance } from '../base/model/instance';
import type { NetworkPolicySpec } from '../spec';

/**
 * The CronJob `<instance>-backup`. A run is skipped while the previous one is active (`Forbid`), and when it could
 * not start within 5 minutes of its time (so a long controller outage does not pile up missed runs); one retry.
 */
export function backupCronJobManifest(backup: ResolvedBackup): Manifest<k8s.CronJob> {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: objectMeta(backup.name, backup.namespace, backup.labels),
    spec: {
      schedule: backup.schedule,
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { labels: backup.labels },
        spec: {
          backoffLimit: 1,
          activeDeadlineSeconds: backup.deadline,
          template: { metadata: { labels: backup.labels }, spec: backup.pod },
        },
      },
    },
  };
}

/**
 * The restore Job: a plain Job (never a hook), applied once on purpose; no retry, since a failed restore needs a
 * look before another attempt.
 */
export function restoreJobManifest(backup: ResolvedBackup, restore: NonNullable<ResolvedBackup['restore']>): Manifest<k8s.Job> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: objectMeta(restore.name, backup.namespace, restore.labels),
    spec: {
      backoffLimit: 0,
      activeDeadlineSeconds: restore.deadline,
      template: { metadata: { labels: restore.labels }, spec: restore.pod },
    },
  };
}

/**
 * The NetworkPolicy `<instance>-backup-netpol` of the backup pods (and of the restore Job's). They serve nothing: no ingress. Egress is the
 * components' (open, or with `Restricted` DNS, the instance, the metastore and Valkey) plus the S3 endpoint's port,
 * then `extraEgress`.
 */
export function backupNetworkPolicyManifest(
  instance: ResolvedInstance, backup: ResolvedBackup, policy: NetworkPolicySpec,
): Manifest<k8s.NetworkPolicy> {
  const extra = backup.objectStorePort !== undefined ? [backup.objectStorePort] : [];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(`${backup.name}-netpol`, backup.namespace, backup.labels),
    spec: {
      podSelector: { matchLabels: backup.selector },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [],
      egress: egressRules(instance, policy, extra),
    },
  };
}
