import { devLabels, type DevDependency } from './dev-dependencies';
import { sameInstanceIngress, tcp } from './egress';
import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../base/manifest';
import type { ResolvedInstance } from '../base/model/instance';
import { DEFAULT_VALKEY_PORT, defaultDatabasePort } from '../base/ports';
import { devServiceNames } from '../resolve/dev-dependencies';

/** The port each development dependency serves on. */
const DEV_PORTS: { readonly [dependency in DevDependency]: number } = {
  postgres: defaultDatabasePort('PostgreSQL'),
  valkey: DEFAULT_VALKEY_PORT,
};

/**
 * The NetworkPolicy `<instance>-<dependency>-netpol` of a development PostgreSQL or Valkey: only the pods of its own
 * instance (components and lifecycle Jobs) reach it, on its port only; it calls nothing, so it gets no egress. Without
 * it, any pod of the namespace (another instance's included) would reach the dependency on every port.
 */
export function devNetworkPolicyManifest(instance: ResolvedInstance, dependency: DevDependency): Manifest<k8s.NetworkPolicy> {
  const labels = devLabels(instance.name, dependency);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: objectMeta(`${devServiceNames(instance.name)[dependency]}-netpol`, instance.namespace, labels),
    spec: {
      podSelector: { matchLabels: labels },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ ...sameInstanceIngress(instance), ports: [tcp(DEV_PORTS[dependency])] }],
      egress: [],
    },
  };
}
