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
 * The egress rules of a policy, `extraEgress` last. `Open` allows everything; `Restricted` allows DNS over UDP and
 * TCP, the instance's own pods, and the metastore and Valkey ports (their hosts may be outside the cluster), plus
 * `extraPorts` (other databases the pods must reach, such as a seed's source).
 */
export function egressRules(
  instance: ResolvedInstance, policy: NetworkPolicySpec, extraPorts: readonly number[] = [],
): k8s.NetworkPolicyEgressRule[] {
  const { metastore, valkey } = instance.backendPorts;
  const restricted: k8s.NetworkPolicyEgressRule[] = [
    { ports: [{ protocol: 'UDP', port: 53 }, tcp(53)] },
    { to: [{ podSelector: { matchLabels: parentLabels(instance.name) } }] },
    ...[metastore, valkey, ...extraPorts].flatMap((port) => (port !== undefined ? [{ ports: [tcp(port)] }] : [])),
  ];
  return [...(policy.egress === 'Restricted' ? restricted : [{}]), ...policy.extraEgress ?? []];
}
