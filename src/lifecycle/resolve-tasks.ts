import { adminUserEnv, initCommand, MIGRATE_COMMAND, ROTATE_COMMAND } from './commands';
import { createDatabaseScript, seedScript } from './database-scripts';
import { isHashNamed, prerequisiteAnnotations, taskAnnotations, taskJobName } from './delivery';
import { deadlineSeconds } from './duration';
import { schemaWaitApplies, schemaWaitStep } from './schema-wait';
import { lifecycleDelivery, TASK_TYPES, taskEnabled, type TaskType } from './task-types';
import type * as k8s from '../../imports/k8s';
import { contentChecksum } from '../config/checksum';
import { resolveMetastore } from '../config/metastore';
import { renderSupersetConfig } from '../config/superset-config';
import { resolveValkey } from '../config/valkey';
import { envFromSecret, envValue, mergeEnv, pythonEnv } from '../resolve/env';
import { CONFIG_MOUNT_PATH, ENV } from '../resolve/env-names';
import { initStepContainer } from '../resolve/extensions';
import { resolveImage, resolveToolImage, TOOL_IMAGES, type ResolvedImage } from '../resolve/image';
import { type Labels, PARENT_LABEL, withManaged } from '../resolve/labels';
import { mergeByKey, mergeMaps, mergePodTemplates, nonEmpty } from '../resolve/merge';
import type { ResolvedPodSpec } from '../resolve/model';
import { assemblePodSpec } from '../resolve/pod';
import { BOOTSTRAP_SCRIPT_KEY, resolveEngineOptions, wrapWithBootstrap } from '../resolve/presets';
import { CHECKSUM_ANNOTATION, type InstanceContext } from '../resolve/resolve-component';
import type {
  ContainerTemplate, DatabaseType, InitTaskSpec, LifecycleDelivery, PodTemplate, SeedTaskSpec, SupersetSpec, TaskSpec,
} from '../spec';

/** A task's ConfigMap: the lifecycle's `superset_config.py` and bootstrap script. */
export interface ResolvedTaskConfigMap {
  readonly name: string;
  readonly labels: Labels;
  /** Hook annotations with `ArgoCD` and `Helm` delivery, so that it exists before the Job. */
  readonly annotations?: Labels;
  readonly data: Labels;
}

/** One lifecycle task as Kubernetes will get it: a Job, its ConfigMap, and for a scheduled seed a CronJob. */
export interface ResolvedTask {
  readonly type: TaskType;
  /** The Job name: `<name>-<task>`, or `<name>-<task>-<hash>` when it is named after its content. */
  readonly name: string;
  readonly namespace?: string;
  /** Labels of the Job (and its pods). */
  readonly labels: Labels;
  /** Annotations of the Job: the pod's, plus the delivery mode's hooks and ordering. */
  readonly annotations?: Labels;
  /** Retries after the first attempt: `maxRetries - 1`. */
  readonly backoffLimit: number;
  readonly pod: { readonly labels: Labels; readonly annotations?: Labels; readonly spec: ResolvedPodSpec };
  /** The task's own ConfigMap (migrate, rotate, init); the seed mounts the migrate task's. */
  readonly configMap?: ResolvedTaskConfigMap;
  /** For a scheduled seed: the CronJob `<name>-seed` that repeats the Job. */
  readonly cronJob?: { readonly name: string; readonly schedule: string };
}

/** The lifecycle of an instance, resolved. */
export interface ResolvedLifecycle {
  readonly delivery: LifecycleDelivery;
  /** The enabled tasks in run order: seed, migrate, rotate, init. */
  readonly tasks: readonly ResolvedTask[];
  /**
   * Annotations for the objects the hook Jobs need and the instance shares (the ServiceAccount), when the tasks are
   * hooks: they make those objects hooks too, ordered before the Jobs.
   */
  readonly prerequisiteAnnotations?: Labels;
}

const CONFIG_VOLUME = 'superset-config';
const DEFAULT_TIMEOUT = '5m';
const DEFAULT_MAX_RETRIES = 3;
const TARGET_DB_ENV: ReadonlySet<string> = new Set([ENV.DB_HOST, ENV.DB_PORT, ENV.DB_NAME, ENV.DB_USER, ENV.DB_PASS]);

/** Job and pod labels of a task: the instance name is `<name>-<task>` and the component is `init` (operator §7.2). */
export function taskLabels(instance: string, task: TaskType): Labels {
  return {
    'app.kubernetes.io/name': 'superset',
    'app.kubernetes.io/component': 'init',
    'app.kubernetes.io/instance': `${instance}-${task}`,
    [PARENT_LABEL]: instance,
    'superset.apache.org/instance': `${instance}-${task}`,
    'superset.apache.org/init-task': task,
  };
}

function configMapLabels(instance: string, task: TaskType): Labels {
  return {
    'app.kubernetes.io/name': 'superset',
    'app.kubernetes.io/component': 'init',
    'app.kubernetes.io/instance': `${instance}-${task}`,
  };
}

/** What migrate, rotate and init share: pod settings, rendered files, bootstrap script and image. */
interface LifecycleInputs {
  readonly template: PodTemplate;
  readonly files: Labels;
  readonly bootstrap?: string;
  readonly image: ResolvedImage;
}

function lifecycleInputs(spec: SupersetSpec): LifecycleInputs {
  const lifecycle = spec.lifecycle ?? {};
  const noSizing = { gunicornWorkers: 0, gunicornThreads: 0, celeryConcurrency: 0 };
  const config = renderSupersetConfig({
    previousSecretKey: spec.previousSecretKey !== undefined || spec.previousSecretKeyFrom !== undefined,
    metastore: resolveMetastore(spec.metastore),
    engineOptions: resolveEngineOptions('lifecycle', lifecycle.sqlaEngineOptions ?? spec.sqlaEngineOptions, noSizing),
    featureFlags: spec.featureFlags ?? {},
    valkey: spec.valkey && resolveValkey(spec.valkey),
    baseConfig: spec.config,
    componentConfig: lifecycle.config,
  });
  const bootstrap = lifecycle.bootstrapScript ?? spec.bootstrapScript;
  return {
    template: mergePodTemplates(spec.podTemplate, lifecycle.podTemplate),
    files: bootstrap ? { 'superset_config.py': config, [BOOTSTRAP_SCRIPT_KEY]: bootstrap } : { 'superset_config.py': config },
    bootstrap: bootstrap || undefined,
    image: resolveImage(spec.image, lifecycle.image),
  };
}

/** A container from a template's container settings and the library's managed parts. */
function taskContainer(
  template: ContainerTemplate | undefined, name: string, image: ResolvedImage, command: readonly string[],
  env: readonly k8s.EnvVar[], mounts: readonly k8s.VolumeMount[] = [],
): k8s.Container {
  const own = template ?? {};
  return {
    name,
    image: image.image,
    imagePullPolicy: image.pullPolicy,
    command: [...command],
    args: own.args && own.args.length > 0 ? own.args : undefined,
    env: nonEmpty(mergeEnv(own.env, env)),
    envFrom: own.envFrom,
    volumeMounts: nonEmpty(mergeByKey((m) => m.name, own.volumeMounts, mounts)),
    resources: own.resources,
  };
}

/** The metastore variables a database client needs (create-database, the seed's target). */
function targetDatabaseEnv(spec: SupersetSpec, instance: string): k8s.EnvVar[] {
  return pythonEnv(spec, instance).filter((env) => TARGET_DB_ENV.has(env.name));
}

function databaseType(type: DatabaseType | undefined): DatabaseType {
  return type ?? 'PostgreSQL';
}

function toolImage(type: DatabaseType): string {
  return type === 'MySQL' ? TOOL_IMAGES.mysql : TOOL_IMAGES.postgres;
}

/** Creates the metastore database before migrating (`metastore.createDatabase`), with the lifecycle's limits. */
function createDatabaseContainer(spec: SupersetSpec, instance: string, template: ContainerTemplate | undefined): k8s.Container {
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

/** A task's spec in the lifecycle, empty when absent. */
function taskSpec(spec: SupersetSpec, type: TaskType): TaskSpec {
  return spec.lifecycle?.[type] ?? {};
}

function hasCommand(task: TaskSpec): task is TaskSpec & { readonly command: string[] } {
  return task.command !== undefined && task.command.length > 0;
}

/** A task's Job before it is named and annotated for its delivery mode. */
interface TaskContent {
  readonly type: TaskType;
  readonly backoffLimit: number;
  readonly pod: ResolvedTask['pod'];
  readonly configMap?: ResolvedTaskConfigMap;
  readonly cronJob?: ResolvedTask['cronJob'];
}

/** Parts of a standard task's pod that the seed pod reuses. */
interface StandardParts {
  readonly main: k8s.Container;
  readonly volumes: readonly k8s.Volume[];
  readonly deadline?: number;
}

function standardTask(ctx: InstanceContext, inputs: LifecycleInputs, type: Exclude<TaskType, 'seed'>): TaskContent & StandardParts {
  const spec = ctx.spec;
  const own = taskSpec(spec, type);
  // Not `forceReload`: it restarts the components, and must not re-run the tasks (let alone re-seed), just as the
  // operator leaves it out of task checksums. With Plain delivery any change to a Job's pod renames the Job.
  const env = [
    ...pythonEnv(spec, ctx.name).filter((e) => e.name !== ENV.FORCE_RELOAD),
    ...(type === 'init' && (own as InitTaskSpec).adminUser ? adminUserEnv((own as InitTaskSpec).adminUser!) : []),
  ];
  const defaultCommand = { migrate: MIGRATE_COMMAND, rotate: ROTATE_COMMAND, init: initCommand(own as InitTaskSpec) }[type];
  // A user command is taken verbatim: it is never wrapped by the bootstrap script.
  const command = hasCommand(own) ? own.command : wrapWithBootstrap(defaultCommand, inputs.bootstrap);
  const configMapName = `${ctx.name}-${type}-config`;
  const mount = { name: CONFIG_VOLUME, mountPath: CONFIG_MOUNT_PATH, readOnly: true };
  const main = taskContainer(inputs.template.container, 'superset', inputs.image, command, env, [mount]);
  const metastore = spec.metastore;
  const initContainers = [
    ...(type === 'migrate' && metastore?.createDatabase === true && metastore.host !== undefined
      ? [createDatabaseContainer(spec, ctx.name, inputs.template.container)] : []),
    // With Plain delivery nothing runs migrate first: rotate and init wait for it like the components do.
    ...(type !== 'migrate' && schemaWaitApplies(spec)
      ? [initStepContainer(main, schemaWaitStep(inputs.bootstrap), inputs.template.container?.securityContext)] : []),
  ];
  const volumes = [{ name: CONFIG_VOLUME, configMap: { name: configMapName } }];
  const deadline = deadlineSeconds(own.timeout ?? DEFAULT_TIMEOUT);
  const checksum = contentChecksum({ files: inputs.files, env, command, trigger: own.trigger });
  const podSpec = assemblePodSpec(inputs.template, {
    main,
    serviceAccountName: ctx.serviceAccountName,
    imagePullSecrets: spec.image.pullSecrets,
    volumes,
    initContainers,
    restartPolicy: 'Never',
  });
  return {
    type,
    main,
    volumes,
    deadline,
    backoffLimit: (own.maxRetries ?? DEFAULT_MAX_RETRIES) - 1,
    pod: {
      labels: withManaged(inputs.template.labels, taskLabels(ctx.name, type)),
      annotations: mergeMaps({ [CHECKSUM_ANNOTATION]: checksum }, inputs.template.annotations),
      spec: { ...podSpec, activeDeadlineSeconds: deadline },
    },
    configMap: { name: configMapName, labels: configMapLabels(ctx.name, type), data: inputs.files },
  };
}

/** The seed's variables: the source (operator names `…_SEED_SRC_*`), then the target metastore. */
function seedEnv(spec: SupersetSpec, instance: string, seed: SeedTaskSpec): k8s.EnvVar[] {
  const source = seed.source;
  const type = databaseType(source.type);
  return [
    envValue('SUPERSET_OPERATOR__SEED_SRC_HOST', source.host),
    envValue('SUPERSET_OPERATOR__SEED_SRC_PORT', String(source.port ?? (type === 'MySQL' ? 3306 : 5432))),
    envValue('SUPERSET_OPERATOR__SEED_SRC_DB', source.database),
    envValue('SUPERSET_OPERATOR__SEED_SRC_USER', source.username),
    ...(source.password !== undefined ? [envValue('SUPERSET_OPERATOR__SEED_SRC_PASS', source.password)] : []),
    ...(source.passwordFrom ? [envFromSecret('SUPERSET_OPERATOR__SEED_SRC_PASS', source.passwordFrom)] : []),
    ...targetDatabaseEnv(spec, instance),
  ];
}

/** The sum of two deadlines; no limit when either has none. */
function addDeadlines(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a + b;
}

/**
 * The seed: a `seed` container with the database tools copies the source into the metastore. When migrate is
 * enabled, the migrate task's container runs next in the same pod, so the copy ends at the image's head revision
 * whatever version the source was at.
 */
function seedTask(ctx: InstanceContext, inputs: LifecycleInputs, migrate: (TaskContent & StandardParts) | undefined): TaskContent {
  const spec = ctx.spec;
  const seed = spec.lifecycle!.seed!;
  const type = databaseType(seed.source.type);
  const seedTemplate = mergePodTemplates(spec.podTemplate, seed.podTemplate);
  const command = hasCommand(seed) ? seed.command : ['/bin/sh', '-c', seedScript(type, seed)];
  const image = resolveToolImage(toolImage(type), seed.image);
  const env = seedEnv(spec, ctx.name, seed);
  const container = (name: string) => taskContainer(seedTemplate.container, name, image, command, env);
  const deadline = deadlineSeconds(seed.timeout ?? DEFAULT_TIMEOUT);
  const checksum = contentChecksum({ env, command, trigger: seed.trigger });
  const seedPullSecrets = seed.image?.pullSecrets ?? [];
  const base = { serviceAccountName: ctx.serviceAccountName, restartPolicy: 'Never' };
  // Pod settings: the seed's over the lifecycle's (when the migrate container runs too) or over the top-level ones.
  const template: PodTemplate = migrate
    ? { ...mergePodTemplates(inputs.template, seed.podTemplate), container: inputs.template.container }
    : seedTemplate;
  const podSpec = migrate
    ? assemblePodSpec(template, {
      ...base,
      main: migrate.main,
      imagePullSecrets: [...spec.image.pullSecrets ?? [], ...seedPullSecrets],
      volumes: migrate.volumes,
      initContainers: [{ ...container('seed'), securityContext: seedTemplate.container?.securityContext }],
    })
    : assemblePodSpec(template, { ...base, main: container('seed'), imagePullSecrets: seedPullSecrets });
  return {
    type: 'seed',
    backoffLimit: (seed.maxRetries ?? DEFAULT_MAX_RETRIES) - 1,
    pod: {
      labels: withManaged(template.labels, taskLabels(ctx.name, 'seed')),
      annotations: mergeMaps({ [CHECKSUM_ANNOTATION]: checksum }, template.annotations),
      spec: { ...podSpec, activeDeadlineSeconds: migrate ? addDeadlines(deadline, migrate.deadline) : deadline },
    },
    cronJob: seed.cronSchedule === undefined ? undefined : { name: `${ctx.name}-seed`, schedule: seed.cronSchedule },
  };
}

/** Names a task and adds its delivery mode's annotations. */
function deliver(ctx: InstanceContext, delivery: LifecycleDelivery, content: TaskContent): ResolvedTask {
  const { type, backoffLimit, pod, configMap, cronJob } = content;
  const retention = ctx.spec.lifecycle?.podRetention?.policy ?? 'RetainOnFailure';
  const annotations = mergeMaps(pod.annotations, taskAnnotations(delivery, type, retention));
  const labels = pod.labels;
  // Hook Jobs mount their ConfigMap before the main phase of the sync, so it is a hook too.
  const hook = !isHashNamed(delivery, type);
  return {
    type,
    // The content hash covers the whole Job: its pod template, and through the checksum annotation, its files.
    name: taskJobName(delivery, ctx.name, type, { labels, annotations, backoffLimit, pod }),
    namespace: ctx.namespace,
    labels,
    annotations,
    backoffLimit,
    pod,
    configMap: configMap && { ...configMap, annotations: hook ? prerequisiteAnnotations(delivery) : undefined },
    cronJob,
  };
}

/**
 * Resolves the lifecycle tasks of an instance, in run order, with their delivery mode applied. Undefined when no
 * task runs (`lifecycle.disabled`, or every task disabled).
 */
export function resolveLifecycle(ctx: InstanceContext): ResolvedLifecycle | undefined {
  const spec = ctx.spec;
  const enabled = TASK_TYPES.filter((type) => taskEnabled(spec, type));
  if (enabled.length === 0) return undefined;
  const delivery = lifecycleDelivery(spec);
  const inputs = lifecycleInputs(spec);
  const standard = (type: Exclude<TaskType, 'seed'>) => standardTask(ctx, inputs, type);
  const migrate = enabled.includes('migrate') ? standard('migrate') : undefined;
  const contents = enabled.map((type) => (type === 'seed' ? seedTask(ctx, inputs, migrate) : type === 'migrate' ? migrate! : standard(type)));
  const tasks = contents.map((content) => deliver(ctx, delivery, content));
  const hooks = tasks.some((task) => task.configMap?.annotations !== undefined);
  return { delivery, tasks, prerequisiteAnnotations: hooks ? prerequisiteAnnotations(delivery) : undefined };
}
