import { identityProviderPort } from './auth';
import { resolveBackup } from './backup';
import { instanceConfigFiles } from './config-files';
import { resolveDevDependencies } from './dev-dependencies';
import { pythonEnv } from './env';
import type { ComponentExtension } from './extensions';
import { resolveExternalSecret } from './external-secrets';
import type { InstanceContext } from './instance-context';
import { resolveLifecycle } from './lifecycle/resolve-tasks';
import { lifecycleDelivery } from './lifecycle/task-types';
import { resolveMonitoring } from './monitoring';
import { resolveQueueScaling } from './queue-scaling';
import { resolveComponent } from './resolve-component';
import { resolveRoutes } from './routes';
import { COMPONENT_TYPES, SPEC_FIELD } from '../base/component-types';
import { sharedConfigMaps } from '../base/config-files';
import { SupersetInternalError } from '../base/errors';
import { type Labels, parentLabels } from '../base/labels';
import { mergeMaps } from '../base/merge';
import type { ResolvedConfigMap, ResolvedInstance } from '../base/model/instance';
import type { ResolvedServiceAccount } from '../base/model/pod';
import { DEFAULT_VALKEY_PORT, defaultDatabasePort } from '../base/ports';
import type { MetastoreSpec, SupersetInstanceProps } from '../spec';

function resolveServiceAccount(props: SupersetInstanceProps, name: string): ResolvedServiceAccount {
  const sa = props.serviceAccount ?? {};
  return {
    name: sa.name || name,
    create: sa.create !== false,
    labels: parentLabels(name),
    annotations: mergeMaps(sa.annotations),
  };
}

/** The metastore's port: from the structured fields, an inline URI, else the engine's default. */
function metastorePort(metastore: MetastoreSpec): number {
  const byType = defaultDatabasePort(metastore.type);
  if (metastore.port !== undefined) return metastore.port;
  if (metastore.uri === undefined) return byType;
  try {
    return Number(new URL(metastore.uri).port) || byType;
  } catch {
    return byType;
  }
}

/**
 * A shared ConfigMap of the instance: every entry a pod reads from it, once. Readers render a shared entry from the
 * same spec, so two readers never disagree on it.
 */
function sharedConfigMap(instance: string, name: string | undefined, read: readonly (Labels | undefined)[]): ResolvedConfigMap | undefined {
  const data: Record<string, string> = {};
  for (const [key, value] of read.flatMap((entries) => Object.entries(entries ?? {}))) {
    if (data[key] !== undefined && data[key] !== value) throw new SupersetInternalError(`two pods of '${instance}' read different ${key}`);
    data[key] = value;
  }
  return name !== undefined && Object.keys(data).length > 0 ? { name, labels: parentLabels(instance), data } : undefined;
}

/** How an instance is resolved. */
export interface ResolveOptions {
  /**
   * Whether the instance stores the files its Python pods share in one ConfigMap. False for a component built on
   * its own: nothing else would create that ConfigMap, so its own holds every file.
   * @default true
   */
  readonly shareConfig?: boolean;
}

/**
 * Resolves validated props into the model the builders read: defaults applied, templates merged, presets
 * computed and `superset_config.py` rendered, one entry per present component.
 */
export function resolveInstance(
  props: SupersetInstanceProps, name: string, namespace: string | undefined, extensions: readonly ComponentExtension[] = [],
  options: ResolveOptions = {},
): ResolvedInstance {
  const serviceAccount = resolveServiceAccount(props, name);
  const ctx: InstanceContext = {
    spec: props,
    name,
    namespace,
    serviceAccountName: serviceAccount.name,
    extensions,
    shared: options.shareConfig === false ? undefined : sharedConfigMaps(name),
    files: instanceConfigFiles(props),
    pythonEnv: pythonEnv(props, name),
  };
  const components = COMPONENT_TYPES.filter((type) => props[SPEC_FIELD[type]] !== undefined).map((type) => resolveComponent(ctx, type));
  const lifecycle = resolveLifecycle(ctx);
  const backup = resolveBackup(ctx);
  const seedSource = lifecycle?.tasks.some((task) => task.type === 'seed') ? props.lifecycle?.seed?.source : undefined;
  const readers = [...components, ...lifecycle?.tasks ?? []];
  const { serviceMonitor, prometheusRule } = props.monitoring ?? {};
  const worker = components.find((c) => c.type === 'celery-worker');
  // Validation requires Valkey and a namespace with queue scaling.
  const queueSpec = props.celeryWorker?.queueScaling;
  const queueScaling = queueSpec && worker && props.valkey && namespace !== undefined
    ? resolveQueueScaling(queueSpec, props.valkey, worker, name, namespace)
    : undefined;
  return {
    name,
    namespace,
    // An ordinary object in every delivery mode: hook Jobs run as a ServiceAccount of their own.
    serviceAccount,
    components,
    lifecycle,
    routes: resolveRoutes(props, components),
    backendPorts: {
      metastore: props.metastore && metastorePort(props.metastore),
      valkey: props.valkey && (props.valkey.port ?? DEFAULT_VALKEY_PORT),
      seedSource: seedSource && (seedSource.port ?? defaultDatabasePort(seedSource.type)),
      identityProvider: props.webServer ? identityProviderPort(props.auth) : undefined,
    },
    delivery: lifecycleDelivery(props),
    // Validation requires a namespace with monitoring.
    monitoring: serviceMonitor && namespace !== undefined
      ? resolveMonitoring({ name, components, lifecycle, queueScaling, backup }, namespace, { serviceMonitor, prometheusRule })
      : undefined,
    devDependencies: props.devDependencies && resolveDevDependencies(name, namespace, props.devDependencies),
    queueScaling,
    externalSecret: props.externalSecrets
      && resolveExternalSecret(props.externalSecrets, name, namespace, lifecycleDelivery(props), lifecycle !== undefined),
    backup,
    sharedConfigMap: sharedConfigMap(name, ctx.shared?.config, readers.map((reader) => reader.sharedFiles)),
    sharedEnv: sharedConfigMap(name, ctx.shared?.env, readers.map((reader) => reader.sharedEnv)),
  };
}
