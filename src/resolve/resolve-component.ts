import { combineAdditions, initStepContainer } from './extensions';
import type * as k8s from '../../imports/k8s';
import type { CeleryWorkerSpec, PodTemplate, WebsocketServerSpec } from '../spec';
import { PROFILES } from './component-profiles';
import { type AnyComponentSpec, componentSpec, flowerUrlPrefix, pythonRuntime, type Runtime, websocketRuntime } from './component-runtime';
import { mergeEnv } from './env';
import { resolveImage } from './image';
import { CHECKSUM_ANNOTATION, type InstanceContext } from './instance-context';
import { assemblePodSpec } from './pod';
import type { ComponentType } from '../base/component-types';
import { componentLabels, podLabels, withManaged } from '../base/labels';
import { mergeByKey, mergeDeploymentTemplates, mergeMaps, mergePodTemplates, nonEmpty } from '../base/merge';
import type { ResolvedComponent, ResolvedService } from '../base/model/instance';

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
    args: nonEmpty(container.args),
    env: nonEmpty(mergeEnv(container.env, runtime.env, runtime.sharedEnv)),
    envFrom: nonEmpty([...container.envFrom ?? [], ...runtime.envFrom ?? []]),
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
    extraPorts: nonEmpty(extraPorts),
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
  const additions = combineAdditions(ctx.extensions.map((extend) => extend(type, spec, ctx.name)));
  const runtime = type === 'websocket-server'
    ? websocketRuntime(ctx, own as WebsocketServerSpec)
    : pythonRuntime(ctx, type, own, firstPort, additions);
  const main = mainContainer(ctx, type, own, template, runtime);
  const labels = componentLabels(type, ctx.name);
  const isBeat = type === 'celery-beat';
  // Beat is a singleton: never scaled, never disrupted by budget, never two at once during a rollout.
  // KEDA owns the replicas of workers scaled on their queue: no HorizontalPodAutoscaler of ours, no replica count.
  const queueScaled = type === 'celery-worker' && (own as CeleryWorkerSpec).queueScaling !== undefined;
  const autoscaling = isBeat || queueScaled ? undefined : own.autoscaling ?? spec.autoscaling;
  const podDisruptionBudget = isBeat ? undefined : own.podDisruptionBudget ?? spec.podDisruptionBudget;
  // Beat runs exactly one pod, or none when everything is scaled to zero (for example before a major upgrade).
  const replicas = isBeat ? (spec.replicas === 0 ? 0 : 1) : autoscaling || queueScaled ? undefined : own.replicas ?? spec.replicas ?? 1;
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
    configMap: runtime.configMap,
    sharedFiles: runtime.sharedFiles,
    sharedEnv: runtime.sharedEnv,
    urlPrefix: type === 'celery-flower' ? flowerUrlPrefix(spec) : undefined,
    checksum: runtime.checksum,
    service: firstPort !== undefined && profile.servicePort !== undefined
      ? resolveService(ctx, type, own, firstPort, additions.servicePorts)
      : undefined,
    autoscaling,
    podDisruptionBudget,
  };
}
