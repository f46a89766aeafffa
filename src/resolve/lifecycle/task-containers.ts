import type * as k8s from '../../../imports/k8s';
import { ENV } from '../../base/env-names';
import { mergeByKey, nonEmpty } from '../../base/merge';
import { defaultDatabasePort } from '../../base/ports';
import { createDatabaseScript } from '../../render/database-scripts';
import type { ContainerTemplate, DatabaseType, SeedTaskSpec, SupersetSpec } from '../../spec';
import { envFromSecret, envValue, mergeEnv, type PlacedEnv, pythonEnv } from '../env';
import { TOOL_IMAGES, type ResolvedImage } from '../image';

/*
 * The containers of the lifecycle pods: a task's container from its template, the database tools' containers
 * (create-database, the seed) and the variables they read.
 */

const TARGET_DB_ENV: ReadonlySet<string> = new Set([ENV.DB_HOST, ENV.DB_PORT, ENV.DB_NAME, ENV.DB_USER, ENV.DB_PASS]);

/**
 * A container from a template's container settings and the library's managed parts. It has no security context:
 * the pod assembly applies the template's, hardened.
 */
export function taskContainer(
  template: ContainerTemplate | undefined, name: string, image: ResolvedImage, command: readonly string[],
  env: PlacedEnv, mounts: readonly k8s.VolumeMount[] = [],
): k8s.Container {
  const own = template ?? {};
  return {
    name,
    image: image.image,
    imagePullPolicy: image.pullPolicy,
    command: [...command],
    args: nonEmpty(own.args),
    env: nonEmpty(mergeEnv(own.env, env.env, env.shared)),
    envFrom: nonEmpty([...own.envFrom ?? [], ...env.envFrom ?? []]),
    volumeMounts: nonEmpty(mergeByKey((m) => m.name, own.volumeMounts, mounts)),
    resources: own.resources,
  };
}

/** The metastore's engine, defaulted. */
export function databaseType(type: DatabaseType | undefined): DatabaseType {
  return type ?? 'PostgreSQL';
}

/** The database tools image of an engine. */
export function toolImage(type: DatabaseType): string {
  return type === 'MySQL' ? TOOL_IMAGES.mysql : TOOL_IMAGES.postgres;
}

/** The metastore variables a database client needs (create-database, the seed's target). */
export function targetDatabaseEnv(spec: SupersetSpec, instance: string): k8s.EnvVar[] {
  return pythonEnv(spec, instance).filter((env) => TARGET_DB_ENV.has(env.name));
}

/** Creates the metastore database before migrating (`metastore.createDatabase`), with the lifecycle's limits. */
export function createDatabaseContainer(spec: SupersetSpec, instance: string, template: ContainerTemplate | undefined): k8s.Container {
  const type = databaseType(spec.metastore?.type);
  return {
    name: 'create-database',
    image: toolImage(type),
    command: ['/bin/sh', '-c', createDatabaseScript(type)],
    env: targetDatabaseEnv(spec, instance),
    resources: template?.resources,
    securityContext: template?.securityContext,
  };
}

/** The seed's variables: the source (operator names `…_SEED_SRC_*`), then the target metastore. */
export function seedEnv(spec: SupersetSpec, instance: string, seed: SeedTaskSpec): k8s.EnvVar[] {
  const source = seed.source;
  return [
    envValue('SUPERSET_OPERATOR__SEED_SRC_HOST', source.host),
    envValue('SUPERSET_OPERATOR__SEED_SRC_PORT', String(source.port ?? defaultDatabasePort(source.type))),
    envValue('SUPERSET_OPERATOR__SEED_SRC_DB', source.database),
    envValue('SUPERSET_OPERATOR__SEED_SRC_USER', source.username),
    ...(source.password !== undefined ? [envValue('SUPERSET_OPERATOR__SEED_SRC_PASS', source.password)] : []),
    ...(source.passwordFrom ? [envFromSecret('SUPERSET_OPERATOR__SEED_SRC_PASS', source.passwordFrom)] : []),
    ...targetDatabaseEnv(spec, instance),
  ];
}
