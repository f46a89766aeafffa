/*
 * Names of the objects the library adds beyond the operator's. (The operator's own names, `<instance>-<component>`,
 * are built where the component is resolved.)
 */

/** Service names of the development dependencies: `<name>-postgres` and `<name>-valkey`. */
export function devServiceNames(instanceName: string): { readonly postgres: string; readonly valkey: string } {
  return { postgres: `${instanceName}-postgres`, valkey: `${instanceName}-valkey` };
}

/** The ExternalSecret of `externalSecrets`, and the Secret it creates: `<name>-external-secrets`. */
export function externalSecretName(instanceName: string): string {
  return `${instanceName}-external-secrets`;
}
