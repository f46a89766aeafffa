import type * as k8s from '../../imports/k8s';
import { type Labels, PARENT_LABEL } from '../base/labels';
import { type Manifest, objectMeta } from '../base/manifest';
import { DEFAULT_VALKEY_PORT, defaultDatabasePort } from '../base/ports';
import { DEV_CREDENTIALS, devServiceNames } from '../resolve/dev-dependencies';
import { envValue } from '../resolve/env';
import { resolveToolImage, TOOL_IMAGES } from '../resolve/image';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from '../resolve/security';
import type { ContainerImageSpec, DevDependenciesSpec } from '../spec';

/** A development dependency: PostgreSQL or Valkey. */
export type DevDependency = 'postgres' | 'valkey';

/** Labels of a development dependency's objects and its selector. */
export function devLabels(instanceName: string, dependency: DevDependency): Labels {
  return {
    'app.kubernetes.io/name': dependency,
    'app.kubernetes.io/instance': instanceName,
    'app.kubernetes.io/part-of': 'superset',
  };
}

/** What differs between the two dependencies. */
interface Profile {
  readonly image: string;
  readonly imageOverride?: ContainerImageSpec;
  readonly port: number;
  /** The user the image is built for, so files it creates belong to it. */
  readonly uid: number;
  readonly gid: number;
  readonly dataPath: string;
  readonly container: Pick<k8s.Container, 'command' | 'args' | 'env' | 'readinessProbe' | 'resources'>;
}

const READINESS = { initialDelaySeconds: 5, periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 6 };

/**
 * Starts Valkey with the password of `VALKEY_PASSWORD` as its `requirepass` setting, read from stdin (`-`) rather
 * than the command line. The value is quoted for Valkey's configuration syntax (backslashes and double quotes
 * escaped); `exec` makes the server the container's main process, so it receives the termination signal.
 */
export const VALKEY_START = [
  'exec valkey-server - --save \'\' --appendonly no <<EOF',
  'requirepass "$(printf \'%s\' "$VALKEY_PASSWORD" | sed \'s/[\\\\"]/\\\\&/g\')"',
  'EOF',
].join('\n');

function profile(dependency: DevDependency, spec: DevDependenciesSpec): Profile {
  const password = spec.password ?? DEV_CREDENTIALS.password;
  if (dependency === 'postgres') {
    const { database, username } = DEV_CREDENTIALS;
    return {
      image: TOOL_IMAGES.postgres,
      imageOverride: spec.postgresImage,
      port: defaultDatabasePort('PostgreSQL'),
      uid: 70, // postgres in the Alpine image
      gid: 70,
      dataPath: '/var/lib/postgresql/data',
      container: {
        env: [
          envValue('POSTGRES_USER', username),
          envValue('POSTGRES_PASSWORD', password),
          envValue('POSTGRES_DB', database),
          // A subfolder, so the mount point's own files (lost+found on some volumes) do not upset initdb.
          envValue('PGDATA', '/var/lib/postgresql/data/pgdata'),
        ],
        readinessProbe: { exec: { command: ['pg_isready', '-h', '127.0.0.1', '-U', username, '-d', database] }, ...READINESS },
        resources: { requests: { cpu: '100m', memory: '256Mi' }, limits: { memory: '512Mi' } },
      },
    };
  }
  return {
    image: TOOL_IMAGES.valkey,
    imageOverride: spec.valkeyImage,
    port: DEFAULT_VALKEY_PORT,
    uid: 999, // valkey in the Alpine image
    gid: 1000,
    dataPath: '/data',
    container: {
      // A cache: nothing is written to disk. The password stays out of every process's arguments, where anyone who
      // can list processes would see it: the server reads it as configuration from stdin, and the probe's client
      // from REDISCLI_AUTH (valkey-cli's variable before 9.0, and its fallback since).
      command: ['/bin/sh', '-c', VALKEY_START],
      env: [envValue('VALKEY_PASSWORD', password)],
      readinessProbe: {
        exec: { command: ['/bin/sh', '-c', 'REDISCLI_AUTH="$VALKEY_PASSWORD" valkey-cli ping | grep -q PONG'] },
        ...READINESS,
      },
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '256Mi' } },
    },
  };
}

/** The dependency's data volume: a claim for PostgreSQL with `persistence`, else an emptyDir. */
function dataVolume(instanceName: string, dependency: DevDependency, spec: DevDependenciesSpec): k8s.Volume {
  return dependency === 'postgres' && spec.persistence
    ? { name: 'data', persistentVolumeClaim: { claimName: devServiceNames(instanceName).postgres } }
    : { name: 'data', emptyDir: {} };
}

/**
 * A single-replica Deployment that meets the `restricted` Pod Security Standard as the image's own user, without a
 * Kubernetes API token. `Recreate`, so two PostgreSQL pods never share the data volume.
 */
export function devDeploymentManifest(
  instanceName: string, namespace: string | undefined, dependency: DevDependency, spec: DevDependenciesSpec,
): Manifest<k8s.Deployment> {
  const p = profile(dependency, spec);
  const labels = devLabels(instanceName, dependency);
  const image = resolveToolImage(p.image, p.imageOverride);
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(devServiceNames(instanceName)[dependency], namespace, labels),
    spec: {
      replicas: 1,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: labels },
      template: {
        metadata: { labels: { ...labels, [PARENT_LABEL]: instanceName } },
        spec: {
          automountServiceAccountToken: false,
          imagePullSecrets: p.imageOverride?.pullSecrets,
          securityContext: restrictedPodSecurityContext({ runAsUser: p.uid, runAsGroup: p.gid, fsGroup: p.gid }),
          containers: [{
            name: dependency,
            image: image.image,
            imagePullPolicy: image.pullPolicy,
            ...p.container,
            ports: [{ name: dependency, containerPort: p.port, protocol: 'TCP' }],
            volumeMounts: [{ name: 'data', mountPath: p.dataPath }],
            securityContext: restrictedContainerSecurityContext(),
          }],
          volumes: [dataVolume(instanceName, dependency, spec)],
        },
      },
    },
  };
}

/** The dependency's Service, on its standard port. */
export function devServiceManifest(instanceName: string, namespace: string | undefined, dependency: DevDependency): Manifest<k8s.Service> {
  const labels = devLabels(instanceName, dependency);
  const port = dependency === 'postgres' ? defaultDatabasePort('PostgreSQL') : DEFAULT_VALKEY_PORT;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(devServiceNames(instanceName)[dependency], namespace, labels),
    spec: {
      type: 'ClusterIP',
      selector: labels,
      ports: [{ name: dependency, port, targetPort: dependency, protocol: 'TCP' }],
    },
  };
}

/** The claim that keeps PostgreSQL's data (`persistence`). */
export function devClaimManifest(
  instanceName: string, namespace: string | undefined, persistence: NonNullable<DevDependenciesSpec['persistence']>,
): Manifest<k8s.PersistentVolumeClaim> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: objectMeta(devServiceNames(instanceName).postgres, namespace, devLabels(instanceName, 'postgres')),
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: persistence.storageClassName,
      resources: { requests: { storage: persistence.size ?? '1Gi' } },
    },
  };
}
