import type { Rule } from './rule';
import type { Violation } from '../../base/errors';
import type { SupersetInstanceProps } from '../../spec';
import { violation } from '../violations';

/**
 * Kubernetes reads a NetworkPolicy rule whose `from` (ingress) or `to` (egress) is an empty list as "any peer", the
 * opposite of what an empty list says. Such rules in `extraIngress` / `extraEgress` are refused rather than passed
 * on: leaving the field out says "any peer" plainly.
 */
export const emptyPeerLists: Rule = (props: SupersetInstanceProps): Violation[] => {
  const policy = props.networkPolicy;
  const check = (rules: unknown, field: string, peers: 'from' | 'to'): Violation[] => (Array.isArray(rules) ? rules : [])
    .flatMap((rule: unknown, i) => {
      const list = typeof rule === 'object' && rule !== null ? (rule as Record<string, unknown>)[peers] : undefined;
      return Array.isArray(list) && list.length === 0
        ? [violation(`networkPolicy.${field}[${i}].${peers}`,
          `an empty ${peers} list admits any peer in Kubernetes, so it is refused`, list,
          `list the peers, or remove ${peers} to mean any peer`)]
        : [];
    });
  return [...check(policy?.extraIngress, 'extraIngress', 'from'), ...check(policy?.extraEgress, 'extraEgress', 'to')];
};

export const NETWORK_POLICY_PEER_RULES: readonly Rule[] = [emptyPeerLists];
