import type { ExternalSecretRemoteRef } from '../../spec';
import type { Labels } from '../labels';

/** One key of the created Secret and where its value comes from. */
export interface ResolvedExternalSecretEntry {
  /** The key in the created Secret (what the `*From` reference names). */
  readonly secretKey: string;
  readonly remoteRef: ExternalSecretRemoteRef;
}

/** The ExternalSecret of `externalSecrets`, every default applied. */
export interface ResolvedExternalSecret {
  /** `<instance>-external-secrets`: the ExternalSecret and the Secret it creates. */
  readonly name: string;
  readonly namespace?: string;
  readonly labels: Labels;
  /** The hook annotations that order it before the lifecycle hooks, with hook delivery. */
  readonly annotations?: Labels;
  readonly storeRef: { readonly name: string; readonly kind: 'SecretStore' | 'ClusterSecretStore' };
  readonly refreshInterval: string;
  /**
   * `Owner` (the Secret goes with the ExternalSecret), or `Orphan` when the ExternalSecret is a hook that is deleted
   * and recreated on every sync: the Secret then stays, so running pods never lose it.
   */
  readonly creationPolicy: 'Owner' | 'Orphan';
  readonly data: readonly ResolvedExternalSecretEntry[];
}
