import { envValue } from './env';
import { resolveToolImage, TOOL_IMAGES } from './image';
import { restrictedContainerSecurityContext, restrictedPodSecurityContext } from './security';
import type * as k8s from '../../imports/k8s';
import { devLabels, PARENT_LABEL } from '../base/labels';
import type { DevDependency, ResolvedDevDependencies, ResolvedDevDependency } from '../base/model/dev-dependencies';
import { devServiceNames } from '../base/names';
import { DEFAULT_VALKEY_PORT, defaultDatabasePort } from '../base/ports';
import type { ContainerImageSpec, DevDependenciesSpec, MetastoreSpec, SupersetInstanceProps, ValkeySpec } from '../spec';

/** Database, user and default password of the development PostgreSQL (and Valkey's default password). */
export const DEV_CREDENTIALS = { database: 'superset', username: 'superset', password: 'superset' } as const;

/** How Superset reaches the development dependencies of an instance. */
export interface DevConnections {
  /** The development PostgreSQL, as a structured metastore. */
  readonly metastore: MetastoreSpec;
  /** The development Valkey. */
  readonly valkey: ValkeySpec;
}

/** The `metastore` and `valkey` specs that point at an instance's development dependencies. */
export function devConnections(instanceName: string, spec: DevDependenciesSpec = {}): DevConnections {
  const password = spec.password ?? DEV_CREDENTIALS.password;
  const names = devServiceNames(instanceName);
  return {
    metastore: {
      host: names.postgres,
      port: defaultDatabasePort('PostgreSQL'),
      database: DEV_CREDENTIALS.database,
      username: DEV_CREDENTIALS.username,
      password,
    },
    valkey: { host: names.valkey, port: DEFAULT_VALKEY_PORT, password },
  };
}

/**
 * The props with `metastore` and `valkey` wired to the development dependencies, when `devDependencies` is set.
 * Validation has already refused setting either next to `devDependencies`.
 */
export function withDevDependencies(props: SupersetInstanceProps, instanceName: string): SupersetInstanceProps {
  return props.devDependencies ? { ...props, ...devConnections(instanceName, props.devDependencies) } : props;
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

/**
 * One dependency: a single-replica server that meets the `restricted` Pod Security Standard as the image's own user,
 * on its standard port, keeping its data in a claim (PostgreSQL with `persistence`) or an emptyDir.
 */
function resolveDependency(
  instanceName: string, namespace: string | undefined, dependency: DevDependency, spec: DevDependenciesSpec,
): ResolvedDevDependency {
  const p = profile(dependency, spec);
  const labels = devLabels(instanceName, dependency);
  const name = devServiceNames(instanceName)[dependency];
  const image = resolveToolImage(p.image, p.imageOverride);
  const podSecurityContext = restrictedPodSecurityContext({ runAsUser: p.uid, runAsGroup: p.gid, fsGroup: p.gid });
  return {
    dependency,
    name,
    namespace,
    labels,
    podLabels: Object.assign({}, labels, { [PARENT_LABEL]: instanceName }),
    port: p.port,
    podSecurityContext,
    imagePullSecrets: p.imageOverride?.pullSecrets,
    container: {
      name: dependency,
      image: image.image,
      imagePullPolicy: image.pullPolicy,
      ...p.container,
      ports: [{ name: dependency, containerPort: p.port, protocol: 'TCP' }],
      volumeMounts: [{ name: 'data', mountPath: p.dataPath }],
      securityContext: restrictedContainerSecurityContext({}, podSecurityContext),
    },
    dataVolume: dependency === 'postgres' && spec.persistence
      ? { name: 'data', persistentVolumeClaim: { claimName: name } }
      : { name: 'data', emptyDir: {} },
  };
}

/** The throw-away PostgreSQL and Valkey of an instance, and PostgreSQL's claim with `persistence`. */
export function resolveDevDependencies(
  instanceName: string, namespace: string | undefined, spec: DevDependenciesSpec,
): ResolvedDevDependencies {
  const postgres = resolveDependency(instanceName, namespace, 'postgres', spec);
  const claim = spec.persistence && {
    name: postgres.name,
    namespace,
    labels: postgres.labels,
    size: spec.persistence.size ?? '1Gi',
    storageClassName: spec.persistence.storageClassName,
  };
  return { postgres, valkey: resolveDependency(instanceName, namespace, 'valkey', spec), claim };
}
