import { hardenContainer, restrictedContainerSecurityContext, restrictedPodSecurityContext } from './security';
import type * as k8s from '../../imports/k8s';
import { mergeByKey, nonEmpty } from '../base/merge';
import type { ResolvedPodSpec } from '../base/model/pod';
import type { PodTemplate } from '../spec';

/** What the library adds to a pod beyond the user's merged template. */
export interface PodAdditions {
  /** The main container, without security context (the template's is applied). */
  readonly main: k8s.Container;
  readonly serviceAccountName: string;
  readonly imagePullSecrets?: readonly k8s.LocalObjectReference[];
  /** Volumes the library mounts; they replace user volumes of the same name. */
  readonly volumes?: readonly k8s.Volume[];
  /** Init containers the library runs first. */
  readonly initContainers?: readonly k8s.Container[];
  /** Sidecars the library adds after the user's. */
  readonly sidecars?: readonly k8s.Container[];
  readonly restartPolicy?: string;
}

/** The library's init containers run first; a user init container of the same name is replaced by them. */
function initContainers(managed: readonly k8s.Container[] = [], user: readonly k8s.Container[] = []): k8s.Container[] {
  const managedNames = new Set(managed.map((container) => container.name));
  return [...managed, ...user.filter((container) => !managedNames.has(container.name))];
}

/**
 * Assembles a pod spec from a merged template and the library's additions, hardened to the `restricted` Pod
 * Security Standard where the user did not set a field, and without a Kubernetes API token.
 */
export function assemblePodSpec(template: PodTemplate, additions: PodAdditions): ResolvedPodSpec {
  const securityContext = restrictedPodSecurityContext(template.podSecurityContext);
  const harden = (container: k8s.Container) => hardenContainer(container, securityContext);
  const main: k8s.Container = Object.assign({}, additions.main, {
    securityContext: restrictedContainerSecurityContext(template.container?.securityContext, securityContext),
  });
  const byName = (item: { readonly name: string }) => item.name;
  return {
    serviceAccountName: additions.serviceAccountName,
    // Superset never calls the Kubernetes API, so no pod gets a token to it.
    automountServiceAccountToken: false,
    restartPolicy: additions.restartPolicy,
    imagePullSecrets: additions.imagePullSecrets && nonEmpty([...additions.imagePullSecrets]),
    securityContext,
    containers: [main, ...[...template.sidecars ?? [], ...additions.sidecars ?? []].map(harden)],
    initContainers: nonEmpty(initContainers(additions.initContainers, template.initContainers).map(harden)),
    volumes: nonEmpty(mergeByKey(byName, template.volumes, additions.volumes)),
    affinity: template.affinity,
    tolerations: template.tolerations,
    nodeSelector: template.nodeSelector,
    topologySpreadConstraints: template.topologySpreadConstraints,
    hostAliases: template.hostAliases,
    priorityClassName: template.priorityClassName,
    terminationGracePeriodSeconds: template.terminationGracePeriodSeconds,
    dnsPolicy: template.dnsPolicy,
    dnsConfig: template.dnsConfig,
    runtimeClassName: template.runtimeClassName,
    shareProcessNamespace: template.shareProcessNamespace,
    enableServiceLinks: template.enableServiceLinks,
    resources: template.resources,
  };
}
