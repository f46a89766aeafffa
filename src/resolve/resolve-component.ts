import { envValue, forceReloadEnv, mergeEnv, pythonEnv } from './env';
import { type ComponentAdditions, COMPONENT_EXTENSIONS, combineAdditions, initStepContainer } from './extensions';
import type * as k8s from '../../imports/k8s';
import { contentChecksum } from '../config/checksum';
import { supersetConfigFiles } from '../config/config-files';
import { renderWebsocketConfig } from '../config/websocket-config';
import type {
  CeleryWorkerSpec, ComponentSpec, PodTemplate, RoutableSpec, ScalableSpec, SqlaEngineOptionsSpec, SupersetSpec,
  WebServerSpec, WebsocketServerSpec,
} from '../spec';
import {
  BEAT_COMMAND, FLOWER_COMMAND, MCP_SERVER_COMMAND, PROFILES, WEB_SERVER_COMMAND, WEBSOCKET_SERVER_COMMAND,
} from './component-profiles';
import { type ComponentType, SPEC_FIELD } from './component-types';
import { CONFIG_MOUNT_PATH, CONFIG_VOLUME, ENV } from './env-names';
import { resolveImage } from './image';
import { type Labels, componentLabels, podLabels, withManaged } from './labels';
import { mergeByKey, mergeDeploymentTemplates, mergeMaps, mergePodTemplates, nonEmpty } from './merge';
import type { ResolvedComponent, ResolvedService } from './model';
import { assemblePodSpec } from './pod';
import { gunicornEnv, resolveCeleryWorker, resolveEngineOptions, resolveGunicorn, wrapWithBootstrap } from './presets';

/** What every component of one instance shares. */
export interface InstanceContext {
  readonly spec: SupersetSpec;
  readonly name: string;
  readonly namespace?: string;
  readonly serviceAccountName: string;
}

/** Pod annotation that rolls a component's pods when its rendered inputs change. */
export const CHECKSUM_ANNOTATION = 'superset.apache.org/config-checksum';

const WEBSOCKET_CONFIG_VOLUME = 'websocket-config';
const WEBSOCKET_CONFIG_PATH = '/home/superset-websocket/config.json';

/** What a component runs, decided by its kind: command, managed env, mounted files and their checksum. */
interface Runtime {
  readonly defaultCommand: string[];
  readonly env: k8s.EnvVar[];
  readonly volumes: k8s.Volume[];
  readonly volumeMounts: k8s.VolumeMount[];
  readonly configData?: Labels;
  readonly checksum?: string;
}

type AnyComponentSpec = ComponentSpec & Partial<ScalableSpec & RoutableSpec> & { readonly bootstrapScript?: string; readonly config?: string };

/** The spec of one component; callers only ask for components that are present. */
function componentSpec(spec: SupersetSpec, type: ComponentType): AnyComponentSpec {
  return spec[SPEC_FIELD[type]] as AnyComponentSpec;
}

/** Flower serves under this prefix, published or not. */
export function flowerUrlPrefix(spec: SupersetSpec): string {
  return spec.celeryFlower?.service?.gatewayPath || '/flower';
}

function pythonRuntime(
  ctx: InstanceContext, type: ComponentType, own: AnyComponentSpec, firstPort: number | undefined, additions: ComponentAdditions,
): Runtime {
  const spec = ctx.spec;
  const gunicorn = type === 'web-server' ? resolveGunicorn((own as WebServerSpec).gunicorn) : undefined;
  const celery = type === 'celery-worker' ? resolveCeleryWorker((own as CeleryWorkerSpec).celery) : undefined;
  // Flower has no engine options of its own; everyone else's replace the top-level ones entirely.
  const ownEngine = (own as { sqlaEngineOptions?: SqlaEngineOptionsSpec }).sqlaEngineOptions;
  const engineOptions = resolveEngineOptions(type, ownEngine ?? spec.sqlaEngineOptions, {
    gunicornWorkers: gunicorn?.workers ?? 0,
    gunicornThreads: gunicorn?.threads ?? 0,
    celeryConcurrency: celery?.concurrency ?? 0,
  });
  const bootstrap = own.bootstrapScript ?? spec.bootstrapScript;
  const configData: Labels = supersetConfigFiles(spec, {
    webServerPort: type === 'web-server' ? firstPort : undefined,
    engineOptions,
    featureConfig: additions.config,
    componentConfig: own.config,
    bootstrapScript: bootstrap,
  });
  const env = [
    ...pythonEnv(spec, ctx.name),
    ...(gunicorn ? gunicornEnv(gunicorn) : []),
    ...(type === 'celery-flower' ? [envValue(ENV.FLOWER_URL_PREFIX, flowerUrlPrefix(spec))] : []),
  ];
  const defaultCommand = {
    'web-server': WEB_SERVER_COMMAND,
    'celery-worker': celery?.command ?? [],
    'celery-beat': BEAT_COMMAND,
    'celery-flower': FLOWER_COMMAND,
    'mcp-server': MCP_SERVER_COMMAND,
    'websocket-server': WEBSOCKET_SERVER_COMMAND,
  }[type];
  return {
    defaultCommand: wrapWithBootstrap(defaultCommand, bootstrap),
    env,
    volumes: [{ name: CONFIG_VOLUME, configMap: { name: `${ctx.name}-${type}-config` } }],
    volumeMounts: [{ name: CONFIG_VOLUME, mountPath: CONFIG_MOUNT_PATH, readOnly: true }],
    configData,
    // forceReload rolls pods through its own variable; the checksum covers what the pod cannot see change.
    checksum: contentChecksum({ files: configData, env: env.filter((e) => e.name !== ENV.FORCE_RELOAD), command: defaultCommand }),
  };
}

function websocketRuntime(ctx: InstanceContext, own: WebsocketServerSpec): Runtime {
  const mount = { name: WEBSOCKET_CONFIG_VOLUME, mountPath: WEBSOCKET_CONFIG_PATH, subPath: 'config.json', readOnly: true };
  const base = { defaultCommand: WEBSOCKET_SERVER_COMMAND, env: forceReloadEnv(ctx.spec) };
  if (own.configFrom) {
    const { name, key, optional } = own.configFrom;
    return {
      ...base,
      volumes: [{ name: WEBSOCKET_CONFIG_VOLUME, secret: { secretName: name, items: [{ key, path: 'config.json' }], optional } }],
      volumeMounts: [mount],
      checksum: contentChecksum({ secret: { name, key, optional: optional ?? false } }),
    };
  }
  if (own.config) {
    const configData = { 'config.json': renderWebsocketConfig(own.config) };
    return {
      ...base,
      volumes: [{
        name: WEBSOCKET_CONFIG_VOLUME,
        configMap: { name: `${ctx.name}-websocket-server-config`, items: [{ key: 'config.json', path: 'config.json' }] },
      }],
      volumeMounts: [mount],
      configData,
      checksum: contentChecksum({ files: configData }),
    };
  }
  return { ...base, volumes: [], volumeMounts: [] };
}

/** The main `superset` container: image, command, managed env and mounts, ports, probes. */
function mainContainer(ctx: InstanceContext, type: ComponentType, own: AnyComponentSpec, template: PodTemplate, runtime: Runtime): k8s.Container {
  const container = template.container ?? {};
  const profile = PROFILES[type];
  const ports = container.ports ?? (profile.port ? [profile.port] : undefined);
  const firstPort = ports?.[0]?.containerPort;
  const probes = firstPort !== undefined ? profile.probes(firstPort, flowerUrlPrefix(ctx.spec)) : {};
  const image = resolveImage(ctx.spec.image, own.image);
  return {
    name: 'superset',
    image: image.image,
    imagePullPolicy: image.pullPolicy,
    // A user command is taken verbatim: it is never wrapped by the bootstrap script.
    command: container.command ?? runtime.defaultCommand,
    args: container.args && container.args.length > 0 ? container.args : undefined,
    env: nonEmpty(mergeEnv(container.env, runtime.env)),
    envFrom: container.envFrom,
    volumeMounts: nonEmpty(mergeByKey((m) => m.name, container.volumeMounts, runtime.volumeMounts)),
    ports,
    livenessProbe: container.livenessProbe ?? probes.livenessProbe,
    readinessProbe: container.readinessProbe ?? probes.readinessProbe,
    startupProbe: container.startupProbe ?? probes.startupProbe,
    lifecycle: container.lifecycle,
    resources: container.resources,
  };
}

function resolveService(
  ctx: InstanceContext, type: ComponentType, own: AnyComponentSpec, targetPort: number, extraPorts: readonly k8s.ServicePort[] | undefined,
): ResolvedService {
  const service = own.service ?? {};
  const labels = componentLabels(type, ctx.name);
  return {
    name: `${ctx.name}-${type}`,
    type: service.type ?? 'ClusterIP',
    // The operator treats port 0 as unset for the Service.
    port: service.port || PROFILES[type].servicePort!,
    targetPort,
    nodePort: service.nodePort,
    extraPorts: extraPorts && extraPorts.length > 0 ? extraPorts : undefined,
    labels: withManaged(service.labels, labels),
    annotations: mergeMaps(service.annotations),
    selector: labels,
  };
}

/** Resolves one present component of an instance. */
export function resolveComponent(ctx: InstanceContext, type: ComponentType): ResolvedComponent {
  const spec = ctx.spec;
  const own = componentSpec(spec, type);
  const template = mergePodTemplates(spec.podTemplate, own.podTemplate);
  const deploymentTemplate = mergeDeploymentTemplates(spec.deploymentTemplate, own.deploymentTemplate);
  const profile = PROFILES[type];
  const firstPort = (template.container?.ports ?? (profile.port ? [profile.port] : []))[0]?.containerPort;
  const additions = combineAdditions(COMPONENT_EXTENSIONS.map((extend) => extend(type, spec, ctx.name)));
  const runtime = type === 'websocket-server'
    ? websocketRuntime(ctx, own as WebsocketServerSpec)
    : pythonRuntime(ctx, type, own, firstPort, additions);
  const main = mainContainer(ctx, type, own, template, runtime);
  const labels = componentLabels(type, ctx.name);
  const isBeat = type === 'celery-beat';
  // Beat is a singleton: never scaled, never disrupted by budget, never two at once during a rollout.
  const autoscaling = isBeat ? undefined : own.autoscaling ?? spec.autoscaling;
  const podDisruptionBudget = isBeat ? undefined : own.podDisruptionBudget ?? spec.podDisruptionBudget;
  // Beat runs exactly one pod, or none when everything is scaled to zero (for example before a major upgrade).
  const replicas = isBeat ? (spec.replicas === 0 ? 0 : 1) : autoscaling ? undefined : own.replicas ?? spec.replicas ?? 1;
  return {
    type,
    name: `${ctx.name}-${type}`,
    namespace: ctx.namespace,
    labels,
    deployment: {
      labels: withManaged(deploymentTemplate.labels, labels),
      annotations: deploymentTemplate.annotations,
      replicas,
      revisionHistoryLimit: deploymentTemplate.revisionHistoryLimit,
      minReadySeconds: deploymentTemplate.minReadySeconds,
      progressDeadlineSeconds: deploymentTemplate.progressDeadlineSeconds,
      strategy: isBeat ? { type: 'Recreate' } : deploymentTemplate.strategy,
    },
    pod: {
      labels: withManaged(template.labels, podLabels(type, ctx.name)),
      // User annotations come last, as with the operator.
      annotations: mergeMaps(runtime.checksum ? { [CHECKSUM_ANNOTATION]: runtime.checksum } : undefined, template.annotations),
      spec: assemblePodSpec(template, {
        main,
        serviceAccountName: ctx.serviceAccountName,
        imagePullSecrets: spec.image.pullSecrets,
        volumes: [...runtime.volumes, ...additions.volumes ?? []],
        initContainers: [
          ...additions.initContainers ?? [],
          ...(additions.initSteps ?? []).map((step) => initStepContainer(main, step, template.container?.securityContext)),
        ],
        sidecars: additions.sidecars,
      }),
    },
    configMap: runtime.configData && { name: `${ctx.name}-${type}-config`, data: runtime.configData },
    checksum: runtime.checksum,
    service: firstPort !== undefined && profile.servicePort !== undefined
      ? resolveService(ctx, type, own, firstPort, additions.servicePorts)
      : undefined,
    autoscaling,
    podDisruptionBudget,
  };
}
