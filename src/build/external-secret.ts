import type { ExternalSecretProps } from '../../imports/external-secrets.io';
import {
  ExternalSecretSpecSecretStoreRefKind, ExternalSecretSpecTargetCreationPolicy, ExternalSecretSpecTargetDeletionPolicy,
} from '../../imports/external-secrets.io';
import type { ResolvedExternalSecret } from '../base/model/external-secrets';

/**
 * The ExternalSecret: one Secret named like it, one key per value. `deletionPolicy: Retain` keeps a key whose
 * provider value disappeared, so a mistake in the store does not take Superset down with it.
 */
export function externalSecretProps(model: ResolvedExternalSecret): ExternalSecretProps {
  return {
    metadata: {
      name: model.name, namespace: model.namespace, labels: { ...model.labels }, annotations: model.annotations && { ...model.annotations },
    },
    spec: {
      secretStoreRef: { name: model.storeRef.name, kind: ExternalSecretSpecSecretStoreRefKind[STORE_KIND[model.storeRef.kind]] },
      refreshInterval: model.refreshInterval,
      target: {
        name: model.name,
        creationPolicy: ExternalSecretSpecTargetCreationPolicy[CREATION[model.creationPolicy]],
        deletionPolicy: ExternalSecretSpecTargetDeletionPolicy.RETAIN,
      },
      data: model.data.map((entry) => ({ secretKey: entry.secretKey, remoteRef: { ...entry.remoteRef } })),
    },
  };
}

const STORE_KIND = { SecretStore: 'SECRET_STORE', ClusterSecretStore: 'CLUSTER_SECRET_STORE' } as const;
const CREATION = { Owner: 'OWNER', Orphan: 'ORPHAN' } as const;
