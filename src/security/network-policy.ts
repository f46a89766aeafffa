import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../build/manifest';
import { componentLabels, PARENT_LABEL, parentLabels } from '../resolve/labels';
import type { ResolvedComponent, ResolvedInstance } from '../resolve/model';
import type { NetworkPolicySpec } from '../spec';

/** The first port of the main container, where the component serves; follows port overrides. */
function servingPort(component: ResolvedComponent): number | undefined {
  return component.pod.spec.containers[0].ports?.[0]?.containerPort;
}

/** Ports named `metrics` on any container of the pod (exporter sidecars), which Prometheus scrapes. */
function metricsPorts(component: ResolvedComponent): number[] {
  return component.pod.spec.containers.flatMap((c) => (c.ports ?? []).filter((p) => p.name === 'metrics').map((p) => p.containerPort));
}

function tcp(port: number): k8s.NetworkPolicyPort {
  return { protocol: 'TCP', port };
}

function ingressRules(instance: ResolvedInstance, component: ResolvedComponent, policy: NetworkPolicySpec): k8s.NetworkPolicyIngressRule[] {
  const port = servingPort(component);
  // Public components are exactly the routed ones: web, websocket, MCP and a published Flower.
  const isPublic = instance.routes.some((route) => route.component === component.type);
  const external = isPublic && port !== undefined
    ? [{ ports: [tcp(port)], from: policy.externalFrom && policy.externalFrom.length > 0 ? policy.externalFrom : undefined }]
    : [];
  const metrics = metricsPorts(component);
  return [
    // Pods of the same instance talk to each other on any port; other instances in the namespace cannot.
    { from: [{ podSelector: { matchLabels: parentLabels(instance.name) } }] },
    ...external,
    ...(metrics.length > 0 ? [{ ports: metrics.map(tcp) }] : []),
    ...policy.extraIngress ?? [],
  ];
}

/** DNS over UDP and TCP, the instance's own pods, and the metastore and Valkey ports (their hosts may be outside). */
function restrictedEgress(instance: ResolvedInstance): k8s.NetworkPolicyEgressRule[] {
  const { metastore, valkey } = instance.backendPorts;
  return [
    { ports: [{ protocol: 'UDP', port: 53 }, tcp(53)] },
    { to: [{ podSelector: { matchLabels: parentLabels(instance.name) } }] },
    ...(metastore !== undefined ? [{ ports: [tcp(metastore)] }] : []),
    ...(valkey !== undefined ? [{ ports: [tcp(valkey)] }] : []),
  ];
}

/**
 * The NetworkPolicy of one component, `<component name>-netpol`, selecting exactly that component's pods.
 */
export function networkPolicyManifest(
  instance: ResolvedInstance, component: ResolvedComponent, policy: NetworkPolicySpec,
): Manifest<k8s.NetworkPolicy> {
  const egress = policy.egress === 'Restricted' ? restrictedEgress(instance) : [{}];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(`${component.name}-netpol`, component.namespace, {
      'app.kubernetes.io/name': 'superset',
      'app.kubernetes.io/component': component.type,
      [PARENT_LABEL]: instance.name,
    }),
    spec: {
      podSelector: { matchLabels: componentLabels(component.type, instance.name) },
      policyTypes: ['Ingress', 'Egress'],
      ingress: ingressRules(instance, component, policy),
      egress: [...egress, ...policy.extraEgress ?? []],
    },
  };
}
