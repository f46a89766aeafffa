import { egressRules, sameInstanceIngress, tcp } from './egress';
import type * as k8s from '../../imports/k8s';
import { componentLabels, parentComponentLabels } from '../base/labels';
import { type Manifest, objectMeta } from '../base/manifest';
import type { ResolvedComponent, ResolvedInstance } from '../base/model/instance';
import { METRICS_PORT_NAME } from '../base/monitoring-names';
import type { NetworkPolicySpec } from '../spec';

/** What a component's policy depends on besides the spec's `networkPolicy`. */
export interface ComponentPolicyContext {
  /** Whether Prometheus scrapes the instance (`monitoring.serviceMonitor`), Flower's `/metrics` included. */
  readonly monitored: boolean;
}

/** The first port of the main container, where the component serves; follows port overrides. */
function servingPort(component: ResolvedComponent): number | undefined {
  return component.pod.spec.containers[0].ports?.[0]?.containerPort;
}

/** Ports named `metrics` on any container of the pod (exporter sidecars), which Prometheus scrapes. */
function metricsPorts(component: ResolvedComponent): number[] {
  return component.pod.spec.containers.flatMap((c) => (c.ports ?? []).filter((p) => p.name === METRICS_PORT_NAME).map((p) => p.containerPort));
}

/**
 * An ingress rule opening `ports` to `peers`: to any source when `peers` is unset, and to no one at all when it is
 * an empty list. A rule without `from` admits every source, so an empty list must not become one.
 */
function openTo(ports: readonly number[], peers: readonly k8s.NetworkPolicyPeer[] | undefined): k8s.NetworkPolicyIngressRule[] {
  if (ports.length === 0 || peers?.length === 0) return [];
  return [{ ports: ports.map(tcp), from: peers && [...peers] }];
}

/**
 * The ports Prometheus scrapes: the exporter's `metrics` ports, open to `metricsFrom` (unset: anywhere), and with
 * monitoring, Flower's serving port, where it serves `/metrics`. That port also serves Flower's UI, which has no
 * login, so it is opened only to `metricsFrom` peers, never to any source.
 */
function scrapeRules(component: ResolvedComponent, policy: NetworkPolicySpec, context: ComponentPolicyContext): k8s.NetworkPolicyIngressRule[] {
  const from = policy.metricsFrom;
  const flowerPort = component.type === 'celery-flower' && context.monitored && from ? servingPort(component) : undefined;
  return openTo([...metricsPorts(component), ...(flowerPort !== undefined ? [flowerPort] : [])], from);
}

function ingressRules(
  instance: ResolvedInstance, component: ResolvedComponent, policy: NetworkPolicySpec, context: ComponentPolicyContext,
): k8s.NetworkPolicyIngressRule[] {
  const port = servingPort(component);
  // Public components are exactly the routed ones: web, websocket, MCP and a published Flower.
  const isPublic = instance.routes.some((route) => route.component === component.type);
  const external = isPublic && port !== undefined ? openTo([port], policy.externalFrom) : [];
  return [
    sameInstanceIngress(instance),
    ...external,
    ...scrapeRules(component, policy, context),
    ...policy.extraIngress ?? [],
  ];
}

/**
 * The NetworkPolicy of one component, `<component name>-netpol`, selecting exactly that component's pods.
 */
export function networkPolicyManifest(
  instance: ResolvedInstance, component: ResolvedComponent, policy: NetworkPolicySpec, context: ComponentPolicyContext,
): Manifest<k8s.NetworkPolicy> {
  const { identityProvider } = instance.backendPorts;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(`${component.name}-netpol`, component.namespace, parentComponentLabels(component.type, instance.name)),
    spec: {
      podSelector: { matchLabels: componentLabels(component.type, instance.name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: ingressRules(instance, component, policy, context),
      // Only the web server signs users in, so only it reaches the identity provider.
      egress: egressRules(instance, policy, component.type === 'web-server' && identityProvider !== undefined ? [identityProvider] : []),
    },
  };
}
