import { egressRules, sameInstanceIngress } from './egress';
import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../build/manifest';
import { defaultDatabasePort } from '../resolve/default-ports';
import { type Labels, PARENT_LABEL } from '../resolve/labels';
import type { ResolvedInstance } from '../resolve/model';
import type { NetworkPolicySpec, SeedSourceSpec } from '../spec';

/** The component label of the lifecycle tasks' pods (the operator's), which no component pod carries. */
const LIFECYCLE_COMPONENT = 'init';

/**
 * The pods of an instance's lifecycle Jobs (seed, migrate, rotate, init, and the Jobs of a scheduled seed): the
 * labels every one of them carries. Component pods carry their own component label instead.
 */
export function lifecyclePodSelector(instanceName: string): Labels {
  return {
    'app.kubernetes.io/name': 'superset',
    'app.kubernetes.io/component': LIFECYCLE_COMPONENT,
    [PARENT_LABEL]: instanceName,
  };
}

/** The port the seed reads its source on: the one given, else the engine's default. */
export function seedSourcePort(source: SeedSourceSpec): number {
  return source.port ?? defaultDatabasePort(source.type);
}

/**
 * The NetworkPolicy `<instance>-lifecycle-netpol` of the lifecycle Jobs' pods. They serve nothing, so only pods of
 * the same instance may reach them (`extraIngress` is for the components' ports). Egress is the components': open,
 * or with `Restricted` DNS, the instance, the metastore and Valkey, plus the seed's source when a seed runs
 * (`seedSource`), then `extraEgress`.
 */
export function lifecycleNetworkPolicyManifest(
  instance: ResolvedInstance, policy: NetworkPolicySpec, seedSource?: SeedSourceSpec,
): Manifest<k8s.NetworkPolicy> {
  const selector = lifecyclePodSelector(instance.name);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(`${instance.name}-lifecycle-netpol`, instance.namespace, selector),
    spec: {
      podSelector: { matchLabels: selector },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [sameInstanceIngress(instance)],
      egress: egressRules(instance, policy, seedSource ? [seedSourcePort(seedSource)] : []),
    },
  };
}
