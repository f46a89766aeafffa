/*
 * Names of the objects the library adds beyond the operator's. (The operator's own names, `<instance>-<component>`,
 * are built where the component is resolved.)
 */

/** Service names of the development dependencies: `<name>-postgres` and `<name>-valkey`. */
export function devServiceNames(instanceName: string): { readonly postgres: string; readonly valkey: string } {
  return { postgres: `${instanceName}-postgres`, valkey: `${instanceName}-valkey` };
}

/** The time in a dump's name as the backup script writes it (`date -u +%Y%m%dT%H%M%SZ`), as a regex. */
export const DUMP_TIME_PATTERN = '[0-9]{8}T[0-9]{6}Z';

/** What the names of an instance's restore Jobs start with: `<name>-restore-`, then the dump's time in lower case. */
export function restoreJobPrefix(instanceName: string): string {
  return `${instanceName}-restore-`;
}

/** The ExternalSecret of `externalSecrets`, and the Secret it creates: `<name>-external-secrets`. */
export function externalSecretName(instanceName: string): string {
  return `${instanceName}-external-secrets`;
}
