// The rendered metastore backup: the CronJob `<name>-backup` (to a claim, to S3), its NetworkPolicy, its validation,
// the Kubernetes 1.28 schema and the `restricted` Pod Security Standard.
import { SupersetValidationError } from '../../src';
import type { SupersetInstanceProps } from '../../src';
import { expectValidManifests } from '../support/k8s-schema';
import { restrictedViolations } from '../support/pss';
import { BASE, envOf, find, synth, type Manifest } from '../util';
import { problemsOf } from '../validation/helpers';

const METASTORE = {
  host: 'db.example', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'password' },
};
const PVC = { schedule: '0 3 * * *', keep: 5, persistentVolumeClaim: { claimName: 'superset-backups' } };
const S3 = {
  schedule: '30 2 * * 0',
  s3: {
    bucket: 'backups',
    prefix: 'superset/prod/',
    endpoint: 'https://minio.storage.svc:9000',
    region: 'eu-west-1',
    accessKeyIdFrom: { name: 's3', key: 'id' },
    secretAccessKeyFrom: { name: 's3', key: 'secret' },
    forcePathStyle: true,
  },
};

const cronJob = (manifests: Manifest[]) => find(manifests, 'CronJob', 'demo-backup');
const podOf = (manifests: Manifest[]) => cronJob(manifests).spec.jobTemplate.spec.template.spec;

/** The `restricted` Pod Security Standard (Kubernetes 1.28), checked field by field on a pod spec. */
function expectRestricted(pod: any) {
  expect(restrictedViolations(pod)).toEqual([]);
  expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
  expect(pod.hostNetwork ?? false).toBe(false);
  expect(pod.automountServiceAccountToken).toBe(false);
  for (const volume of pod.volumes) expect(Object.keys(volume).sort()).toEqual(expect.arrayContaining(['name']));
  expect(pod.volumes.every((v: any) => v.emptyDir || v.persistentVolumeClaim)).toBe(true);
  for (const container of [...pod.containers, ...pod.initContainers ?? []]) {
    expect(container.securityContext).toMatchObject({
      allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] }, readOnlyRootFilesystem: true,
    });
    expect(container.securityContext.privileged ?? false).toBe(false);
  }
}

describe('to a PersistentVolumeClaim', () => {
  const manifests = synth({ metastore: METASTORE, backup: PVC, networkPolicy: { egress: 'Restricted' } });

  test('a CronJob that never overlaps, with one container dumping into the claim', () => {
    const job = cronJob(manifests);
    expect(job.metadata.labels).toEqual({
      'app.kubernetes.io/name': 'superset',
      'superset.apache.org/parent': 'demo',
      'app.kubernetes.io/component': 'backup',
      'app.kubernetes.io/instance': 'demo-backup',
    });
    expect(job.spec).toMatchObject({
      schedule: '0 3 * * *',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      jobTemplate: { spec: { backoffLimit: 1, activeDeadlineSeconds: 3600 } },
    });
    const pod = podOf(manifests);
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.initContainers).toBeUndefined();
    const [container] = pod.containers;
    expect(container).toMatchObject({ name: 'backup', image: 'postgres:17.6-alpine', command: ['/bin/sh', '-c', expect.stringContaining('pg_dump -Fc')] });
    expect(pod.volumes).toEqual([{ name: 'backup', persistentVolumeClaim: { claimName: 'superset-backups' } }, { name: 'tmp', emptyDir: {} }]);
    expect(container.volumeMounts).toEqual([{ name: 'backup', mountPath: '/backup' }, { name: 'tmp', mountPath: '/tmp' }]);
    expect(envOf(container)).toEqual({
      BACKUP_DIR: '/backup',
      BACKUP_NAME: 'demo',
      BACKUP_KEEP: '5',
      SUPERSET_OPERATOR__DB_HOST: 'db.example',
      SUPERSET_OPERATOR__DB_PORT: '5432',
      SUPERSET_OPERATOR__DB_USER: 'superset',
      SUPERSET_OPERATOR__DB_NAME: 'superset',
      SUPERSET_OPERATOR__DB_PASS: { secretKeyRef: { name: 'db', key: 'password' } },
    });
  });

  test('the restricted profile, and no secret in the command', () => {
    const pod = podOf(manifests);
    expectRestricted(pod);
    expect(JSON.stringify(pod.containers[0].command)).not.toMatch(/db\.example|superset-backups|password/);
  });

  test('valid against the Kubernetes 1.28 schema', () => {
    expectValidManifests([cronJob(manifests), find(manifests, 'NetworkPolicy', 'demo-backup-netpol')]);
  });

  test('its own NetworkPolicy: no ingress, restricted egress to DNS, the instance and the metastore', () => {
    const policy = find(manifests, 'NetworkPolicy', 'demo-backup-netpol');
    // The backup and restore pods, and no other: no component or lifecycle pod has component `backup`.
    expect(policy.spec.podSelector).toEqual({
      matchLabels: {
        'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo', 'app.kubernetes.io/component': 'backup',
      },
    });
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.egress).toEqual([
      { ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }, { protocol: 'TCP', port: 5432 }] },
      { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo' } } }] },
    ]);
  });

  test('MySQL: the MySQL image and mysqldump', () => {
    const [container] = podOf(synth({ metastore: { ...METASTORE, type: 'MySQL' }, backup: PVC })).containers;
    expect(container.image).toBe('mysql:8.4.6');
    expect(container.command[2]).toContain('mysqldump --single-transaction --routines --triggers --events');
  });
});

describe('to S3', () => {
  const manifests = synth({ metastore: METASTORE, backup: S3, networkPolicy: { egress: 'Restricted' } });

  test('dumps in an init container into an emptyDir, uploads with the AWS CLI; credentials by reference', () => {
    const pod = podOf(manifests);
    expect(pod.initContainers.map((c: any) => [c.name, c.image])).toEqual([['dump', 'postgres:17.6-alpine']]);
    expect(pod.containers.map((c: any) => [c.name, c.image])).toEqual([['upload', 'amazon/aws-cli:2.27.0']]);
    expect(pod.volumes).toEqual([{ name: 'backup', emptyDir: {} }, { name: 'tmp', emptyDir: {} }]);
    expect(envOf(pod.containers[0])).toEqual({
      BACKUP_DIR: '/backup',
      BACKUP_NAME: 'demo',
      BACKUP_KEEP: '7',
      BACKUP_BUCKET: 'backups',
      BACKUP_PREFIX: 'superset/prod/',
      BACKUP_PATH_STYLE: 'true',
      HOME: '/tmp',
      AWS_REGION: 'eu-west-1',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_S3: 'https://minio.storage.svc:9000',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'when_required',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'when_required',
      AWS_ACCESS_KEY_ID: { secretKeyRef: { name: 's3', key: 'id' } },
      AWS_SECRET_ACCESS_KEY: { secretKeyRef: { name: 's3', key: 'secret' } },
    });
    // The dump keeps everything for the upload to prune.
    expect(pod.initContainers[0].command[2]).not.toContain('rm -f "$1"');
    expectRestricted(pod);
    expectValidManifests([cronJob(manifests)]);
  });

  test('restricted egress adds the endpoint\'s port (443 for Amazon S3)', () => {
    const egress = find(manifests, 'NetworkPolicy', 'demo-backup-netpol').spec.egress;
    expect(egress[0].ports.slice(2)).toEqual([{ protocol: 'TCP', port: 5432 }, { protocol: 'TCP', port: 9000 }]);
    const { endpoint, ...aws } = S3.s3;
    const policy = find(synth({ metastore: METASTORE, backup: { ...S3, s3: aws }, networkPolicy: { egress: 'Restricted' } }),
      'NetworkPolicy', 'demo-backup-netpol');
    expect(policy.spec.egress[0].ports.slice(-1)).toEqual([{ protocol: 'TCP', port: 443 }]);
    expect(endpoint).toBeDefined();
  });
});

test('devDependencies: the backup dumps the development PostgreSQL, which admits it', () => {
  const manifests = synth({ environment: 'Development', lifecycle: undefined, devDependencies: {}, backup: PVC, networkPolicy: {} });
  expect(envOf(podOf(manifests).containers[0]).SUPERSET_OPERATOR__DB_HOST).toBe('demo-postgres');
  const admitted = find(manifests, 'NetworkPolicy', 'demo-postgres-netpol').spec.ingress[0].from[0].podSelector.matchLabels;
  const labels = cronJob(manifests).spec.jobTemplate.spec.template.metadata.labels;
  expect(Object.entries(admitted).every(([k, v]) => labels[k] === v)).toBe(true);
});

test('nothing without backup', () => {
  expect(synth({ metastore: METASTORE, networkPolicy: {} }).filter((m) => m.metadata.name.includes('backup'))).toEqual([]);
});

describe('validation', () => {
  const props = (backup: unknown, extra: Partial<SupersetInstanceProps> = {}) =>
    ({ ...BASE, metastore: METASTORE, backup, ...extra });

  test('every problem at once, naming the field', () => {
    expect(problemsOf(props({ schedule: '0 3 * *', keep: 0, s3: { ...S3.s3, bucket: 'Bad_Bucket', endpoint: 'https://u:p@h/x' }, persistentVolumeClaim: PVC.persistentVolumeClaim }))).toEqual([
      expect.stringMatching(/^backup\.keep: /),
      expect.stringMatching(/^backup\.s3\.bucket: must match/),
      expect.stringMatching(/^backup\.schedule: must be a cron schedule of 5 fields.*got "0 3 \* \*"/),
      expect.stringMatching(/^backup: must set exactly one destination, persistentVolumeClaim or s3; got both/),
      expect.stringMatching(/^backup\.s3\.endpoint: must not hold credentials/),
    ]);
    // The credentials in it are not repeated.
    expect(problemsOf(props({ ...S3, s3: { ...S3.s3, endpoint: 'https://u:secret@h' } })).join('\n')).not.toContain('secret@');
  });

  test('no destination, a date that never comes, a path in the endpoint, a URI-only metastore', () => {
    expect(problemsOf(props({ schedule: '0 0 30 2 *' }, { metastore: { uriFrom: { name: 'db', key: 'uri' } } }))).toEqual([
      expect.stringMatching(/^backup\.schedule: never runs/),
      expect.stringMatching(/^backup: must set exactly one destination.*got none/),
      expect.stringMatching(/^backup: needs the metastore's host/),
    ]);
    expect(problemsOf(props({ ...S3, s3: { ...S3.s3, endpoint: 'https://h:9000/bucket' } }))).toEqual([
      expect.stringMatching(/^backup\.s3\.endpoint: must have no path/),
    ]);
    expect(problemsOf(props({ ...S3, s3: { ...S3.s3, endpoint: 'https://h:9000/' } }))).toHaveLength(1);
    expect(problemsOf(props({ ...S3, s3: { ...S3.s3, prefix: 'a\nb' } }))).toEqual([expect.stringMatching(/^backup\.s3\.prefix: /)]);
  });

  test('the CronJob name must fit in 52 characters', () => {
    expect(problemsOf(props(PVC), 'a'.repeat(46))).toEqual([expect.stringMatching(/at most 45.*'\{name\}-backup'/)]);
    expect(problemsOf(props(PVC), 'a'.repeat(45))).toEqual([]);
  });

  test('thrown as SupersetValidationError', () => {
    expect(() => synth({ metastore: METASTORE, backup: { schedule: 'bad' } as never })).toThrow(SupersetValidationError);
  });
});

describe('restore Job', () => {
  const restore = { dump: 'demo-20260101T021500Z.dump', replaceMetastore: true };

  test('not rendered without the explicit flag, which is refused when missing or false', () => {
    for (const flag of [undefined, false]) {
      expect(problemsOf({ ...BASE, metastore: METASTORE, backup: { ...PVC, restore: { dump: restore.dump, replaceMetastore: flag } } }, 'demo'))
        .toEqual([expect.stringMatching(/^backup\.restore\.replaceMetastore: must be true to render the restore Job/)]);
    }
    expect(synth({ metastore: METASTORE, backup: PVC }).filter((m) => m.kind === 'Job')).toEqual([]);
  });

  test('from a claim: a plain Job (no hook), the claim read-only, no retry, the restricted profile', () => {
    const manifests = synth({ metastore: METASTORE, backup: { ...PVC, restore }, networkPolicy: {} });
    const job = find(manifests, 'Job', 'demo-restore-20260101t021500z');
    expect(job.metadata.annotations).toBeUndefined();
    expect(job.metadata.labels?.['app.kubernetes.io/component']).toBe('backup');
    expect(job.spec).toMatchObject({ backoffLimit: 0, activeDeadlineSeconds: 3600 });
    const pod = job.spec.template.spec;
    const [container] = pod.containers;
    expect(container.command[2]).toContain('pg_restore --clean --if-exists --no-owner --single-transaction --exit-on-error');
    expect(envOf(container)).toMatchObject({ BACKUP_DIR: '/backup', RESTORE_DUMP: 'demo-20260101T021500Z.dump' });
    expect(container.volumeMounts[0]).toEqual({ name: 'backup', mountPath: '/backup', readOnly: true });
    expectRestricted(pod);
    expectValidManifests([job]);
    // The backup NetworkPolicy selects the restore pod too.
    const selector = find(manifests, 'NetworkPolicy', 'demo-backup-netpol').spec.podSelector.matchLabels;
    expect(Object.entries(selector).every(([k, v]) => job.spec.template.metadata.labels[k] === v)).toBe(true);
  });

  test('from S3: downloaded by the AWS CLI into an emptyDir first', () => {
    const job = find(synth({ metastore: METASTORE, backup: { ...S3, restore } }), 'Job', 'demo-restore-20260101t021500z');
    const pod = job.spec.template.spec;
    expect(pod.initContainers.map((c: any) => c.name)).toEqual(['download']);
    expect(pod.initContainers[0].command[2]).toContain('aws s3 cp --only-show-errors "s3://$BACKUP_BUCKET/$BACKUP_PREFIX$RESTORE_DUMP"');
    expect(envOf(pod.initContainers[0])).toMatchObject({ RESTORE_DUMP: restore.dump, AWS_ACCESS_KEY_ID: { secretKeyRef: { name: 's3', key: 'id' } } });
    expectRestricted(pod);
    expectValidManifests([job]);
  });

  test('only a dump of this instance with its engine\'s extension', () => {
    const dumpProblem = (dump: string, metastore: object = METASTORE) =>
      problemsOf({ ...BASE, metastore, backup: { ...PVC, restore: { dump, replaceMetastore: true } } }, 'demo');
    expect(dumpProblem('other-20260101T021500Z.dump')).toEqual([expect.stringMatching(/^backup\.restore\.dump: must name one of this instance's PostgreSQL backups, demo-YYYYMMDDTHHMMSSZ\.dump/)]);
    expect(dumpProblem('demo-20260101T021500Z.dump; rm -rf /')).toHaveLength(1);
    expect(dumpProblem('../demo-20260101T021500Z.dump')).toHaveLength(1);
    expect(dumpProblem('demo-20260101T021500Z.dump', { ...METASTORE, type: 'MySQL' })).toEqual([expect.stringMatching(/MySQL backups, demo-YYYYMMDDTHHMMSSZ\.sql/)]);
    expect(dumpProblem('demo-20260101T021500Z.sql', { ...METASTORE, type: 'MySQL' })).toEqual([]);
  });
});

test('resources apply to every backup and restore container', () => {
  const resources = { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '1Gi' } };
  const manifests = synth({
    metastore: METASTORE, backup: { ...S3, resources, restore: { dump: 'demo-20260101T021500Z.dump', replaceMetastore: true } },
  });
  const pods = [podOf(manifests), find(manifests, 'Job', 'demo-restore-20260101t021500z').spec.template.spec];
  const containers = pods.flatMap((pod) => [...pod.containers, ...pod.initContainers]);
  expect(containers.map((c) => c.name)).toEqual(['upload', 'dump', 'restore', 'download']);
  for (const container of containers) expect(container.resources).toEqual(resources);
  expect(problemsOf({ ...BASE, metastore: METASTORE, backup: { ...PVC, resources: { limits: { memory: 'lots' } } } }, 'demo'))
    .toEqual([expect.stringMatching(/^backup\.resources\.limits\["memory"\]: must be a Kubernetes quantity/)]);
});
