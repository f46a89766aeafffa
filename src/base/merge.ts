import { withoutReserved } from './labels';
import type * as k8s from '../../imports/k8s';
import type { ContainerTemplate, DeploymentTemplate, PodTemplate } from '../spec';

type StringMap = { readonly [key: string]: string };

/**
 * Concatenates lists, letting a later entry with the same key replace an earlier one in the earlier entry's
 * position. This is how the operator merges env, volumes, mounts, ports and containers.
 */
export function mergeByKey<T>(keyOf: (item: T) => string, ...lists: (readonly T[] | undefined)[]): T[] {
  const merged = new Map<string, T>();
  for (const item of lists.flatMap((list) => list ?? [])) {
    merged.set(keyOf(item), item);
  }
  return [...merged.values()];
}

/** Key-by-key merge; later maps win. Undefined when nothing is set, so empty maps stay out of the output. */
export function mergeMaps(...maps: (StringMap | undefined)[]): StringMap | undefined {
  const merged = Object.assign({}, ...maps.filter(Boolean));
  return Object.keys(merged).length > 0 ? merged : undefined;
}

function concat<T>(...lists: (readonly T[] | undefined)[]): T[] | undefined {
  const all = lists.flatMap((list) => list ?? []);
  return all.length > 0 ? all : undefined;
}

/** Undefined for an empty list, so empty lists stay out of the output. */
export function nonEmpty<T>(list: readonly T[] | undefined): T[] | undefined {
  return list && list.length > 0 ? [...list] : undefined;
}

const byName = (item: { readonly name: string }) => item.name;
// Ports are merged by name; unnamed ports can only clash on their number.
const byPortName = (port: k8s.ContainerPort) => port.name ?? `#${port.containerPort}`;
// Two mounts of one volume collapse into one, as with the operator.
const byVolumeName = (mount: k8s.VolumeMount) => mount.name;

/** The main container of a component: component settings over top-level ones. */
export function mergeContainerTemplates(top: ContainerTemplate = {}, component: ContainerTemplate = {}): ContainerTemplate {
  return {
    resources: component.resources ?? top.resources,
    securityContext: component.securityContext ?? top.securityContext,
    livenessProbe: component.livenessProbe ?? top.livenessProbe,
    readinessProbe: component.readinessProbe ?? top.readinessProbe,
    startupProbe: component.startupProbe ?? top.startupProbe,
    lifecycle: component.lifecycle ?? top.lifecycle,
    env: nonEmpty(mergeByKey(byName, top.env, component.env)),
    envFrom: concat(top.envFrom, component.envFrom),
    volumeMounts: nonEmpty(mergeByKey(byVolumeName, top.volumeMounts, component.volumeMounts)),
    ports: nonEmpty(mergeByKey(byPortName, top.ports, component.ports)),
    // A command only makes sense for the component it was written for: never inherited.
    command: component.command,
    args: component.args,
  };
}

/** A component's pod template: component settings over top-level ones, reserved labels removed. */
export function mergePodTemplates(top: PodTemplate = {}, component: PodTemplate = {}): PodTemplate {
  return {
    annotations: mergeMaps(top.annotations, component.annotations),
    labels: mergeMaps(withoutReserved(top.labels), withoutReserved(component.labels)),
    nodeSelector: mergeMaps(top.nodeSelector, component.nodeSelector),
    affinity: component.affinity ?? top.affinity,
    podSecurityContext: component.podSecurityContext ?? top.podSecurityContext,
    priorityClassName: component.priorityClassName ?? top.priorityClassName,
    terminationGracePeriodSeconds: component.terminationGracePeriodSeconds ?? top.terminationGracePeriodSeconds,
    dnsPolicy: component.dnsPolicy ?? top.dnsPolicy,
    dnsConfig: component.dnsConfig ?? top.dnsConfig,
    runtimeClassName: component.runtimeClassName ?? top.runtimeClassName,
    shareProcessNamespace: component.shareProcessNamespace ?? top.shareProcessNamespace,
    enableServiceLinks: component.enableServiceLinks ?? top.enableServiceLinks,
    resources: component.resources ?? top.resources,
    volumes: nonEmpty(mergeByKey(byName, top.volumes, component.volumes)),
    sidecars: nonEmpty(mergeByKey(byName, top.sidecars, component.sidecars)),
    initContainers: nonEmpty(mergeByKey(byName, top.initContainers, component.initContainers)),
    hostAliases: nonEmpty(mergeByKey((alias) => alias.ip ?? '', top.hostAliases, component.hostAliases)),
    tolerations: concat(top.tolerations, component.tolerations),
    topologySpreadConstraints: concat(top.topologySpreadConstraints, component.topologySpreadConstraints),
    container: mergeContainerTemplates(top.container, component.container),
  };
}

/** A component's Deployment settings: component scalars over top-level ones, maps merged by key. */
export function mergeDeploymentTemplates(top: DeploymentTemplate = {}, component: DeploymentTemplate = {}): DeploymentTemplate {
  return {
    revisionHistoryLimit: component.revisionHistoryLimit ?? top.revisionHistoryLimit,
    minReadySeconds: component.minReadySeconds ?? top.minReadySeconds,
    progressDeadlineSeconds: component.progressDeadlineSeconds ?? top.progressDeadlineSeconds,
    strategy: component.strategy ?? top.strategy,
    labels: mergeMaps(top.labels, component.labels),
    annotations: mergeMaps(top.annotations, component.annotations),
  };
}
