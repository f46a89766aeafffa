import { sameInstanceIngress, tcp } from './egress';
import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../base/manifest';
import type { ResolvedDevDependency } from '../base/model/dev-dependencies';
import type { ResolvedInstance } from '../base/model/instance';

/**
 * The NetworkPolicy `<instance>-<dependency>-netpol` of a development PostgreSQL or Valkey: only the pods of its own
 * instance (components and lifecycle Jobs) reach it, on its port only; it calls nothing, so it gets no egress. Without
 * it, any pod of the namespace (another instance's included) would reach the dependency on every port.
 */
export function devNetworkPolicyManifest(instance: ResolvedInstance, dependency: ResolvedDevDependency): Manifest<k8s.NetworkPolicy> {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(`${dependency.name}-netpol`, instance.namespace, dependency.labels),
    spec: {
      podSelector: { matchLabels: dependency.labels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ ...sameInstanceIngress(instance), ports: [tcp(dependency.port)] }],
      egress: [],
    },
  };
}
