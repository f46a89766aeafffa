import type * as k8s from '../../imports/k8s';
import { type Manifest, objectMeta } from '../base/manifest';
import type { ResolvedDevClaim, ResolvedDevDependency } from '../base/model/dev-dependencies';

/** A development dependency's Deployment: one replica, `Recreate`, so two PostgreSQL pods never share the data volume. */
export function devDeploymentManifest(dependency: ResolvedDevDependency): Manifest<k8s.Deployment> {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(dependency.name, dependency.namespace, dependency.labels),
    spec: {
      replicas: 1,
      strategy: { type: 'Recreate' },
      selector: { matchLabels: dependency.labels },
      template: {
        metadata: { labels: dependency.podLabels },
        spec: {
          automountServiceAccountToken: false,
          imagePullSecrets: dependency.imagePullSecrets && [...dependency.imagePullSecrets],
          securityContext: dependency.podSecurityContext,
          containers: [dependency.container],
          volumes: [dependency.dataVolume],
        },
      },
    },
  };
}

/** The dependency's Service, on its standard port. */
export function devServiceManifest(dependency: ResolvedDevDependency): Manifest<k8s.Service> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(dependency.name, dependency.namespace, dependency.labels),
    spec: {
      type: 'ClusterIP',
      selector: dependency.labels,
      ports: [{ name: dependency.dependency, port: dependency.port, targetPort: dependency.dependency, protocol: 'TCP' }],
    },
  };
}

/** The claim that keeps PostgreSQL's data (`persistence`). */
export function devClaimManifest(claim: ResolvedDevClaim): Manifest<k8s.PersistentVolumeClaim> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: objectMeta(claim.name, claim.namespace, claim.labels),
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: claim.storageClassName,
      resources: { requests: { storage: claim.size } },
    },
  };
}
