import { egressRules, sameInstanceIngress } from './egress';
import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../base/manifest';
import type { ResolvedInstance } from '../base/model/instance';
import { lifecyclePodSelector } from '../base/task-labels';
import type { NetworkPolicySpec } from '../spec';

/**
 * The NetworkPolicy `<instance>-lifecycle-netpol` of the lifecycle Jobs' pods. They serve nothing, so only pods of
 * the same instance may reach them (`extraIngress` is for the components' ports). Egress is the components': open,
 * or with `Restricted` DNS, the instance, the metastore and Valkey, plus the seed's source when a seed runs
 * (its port in `backendPorts`), then `extraEgress`.
 */
export function lifecycleNetworkPolicyManifest(instance: ResolvedInstance, policy: NetworkPolicySpec): Manifest<k8s.NetworkPolicy> {
  const selector = lifecyclePodSelector(instance.name);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(`${instance.name}-lifecycle-netpol`, instance.namespace, selector),
    spec: {
      podSelector: { matchLabels: selector },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [sameInstanceIngress(instance)],
      egress: egressRules(instance, policy, instance.backendPorts.seedSource !== undefined ? [instance.backendPorts.seedSource] : []),
    },
  };
}
