import type * as k8s from '../../imports/k8s';
import { parentLabels } from '../base/labels';
import type { ResolvedInstance } from '../base/model/instance';
import type { NetworkPolicySpec } from '../spec';

/** A TCP port of a NetworkPolicy rule. */
export function tcp(port: number): k8s.NetworkPolicyPort {
  return { protocol: 'TCP', port };
}

/** Ingress from the pods of the same instance, on any port; other instances in the namespace get nothing. */
export function sameInstanceIngress(instance: ResolvedInstance): k8s.NetworkPolicyIngressRule {
  return { from: [{ podSelector: { matchLabels: parentLabels(instance.name) } }] };
}

/**
 * The egress rules of a policy, `extraEgress` last. `Open` allows everything; `Restricted` allows the instance's own
 * pods, and to any destination DNS over UDP and TCP, the metastore and Valkey ports (their hosts may be outside the
 * cluster) and `extraPorts` (other databases the pods must reach, such as a seed's source): one rule of ports, as
 * rules of one port each would allow the same.
 */
export function egressRules(
  instance: ResolvedInstance, policy: NetworkPolicySpec, extraPorts: readonly number[] = [],
): k8s.NetworkPolicyEgressRule[] {
  const { metastore, valkey } = instance.backendPorts;
  const backends = [...new Set([metastore, valkey, ...extraPorts].filter((port): port is number => port !== undefined))];
  const restricted: k8s.NetworkPolicyEgressRule[] = [
    { ports: [{ protocol: 'UDP', port: 53 }, tcp(53), ...backends.filter((port) => port !== 53).map(tcp)] },
    { to: [{ podSelector: { matchLabels: parentLabels(instance.name) } }] },
  ];
  return [...(policy.egress === 'Restricted' ? restricted : [{}]), ...policy.extraEgress ?? []];
}
