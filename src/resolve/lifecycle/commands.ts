import type * as k8s from '../../../imports/k8s';
import type { AdminUserSpec, InitTaskSpec } from '../../spec';
import { envValue } from '../env';

/** The admin user's variables, read by the init command; the operator's names. */
export const ADMIN_ENV = {
  username: 'SUPERSET_OPERATOR__ADMIN_USERNAME',
  password: 'SUPERSET_OPERATOR__ADMIN_PASSWORD',
  firstName: 'SUPERSET_OPERATOR__ADMIN_FIRST_NAME',
  lastName: 'SUPERSET_OPERATOR__ADMIN_LAST_NAME',
  email: 'SUPERSET_OPERATOR__ADMIN_EMAIL',
} as const;

const ADMIN_DEFAULTS: Required<AdminUserSpec> = {
  username: 'admin',
  password: 'admin',
  firstName: 'Superset',
  lastName: 'Admin',
  email: 'admin@example.com',
};

const FIELDS = ['username', 'password', 'firstName', 'lastName', 'email'] as const;

/** The admin user as plain variables (Development only, enforced by validation), defaults filled in. */
export function adminUserEnv(admin: AdminUserSpec): k8s.EnvVar[] {
  return FIELDS.map((field) => envValue(ADMIN_ENV[field], admin[field] ?? ADMIN_DEFAULTS[field]));
}

const sh = (script: string): string[] => ['/bin/sh', '-c', script];

/** `superset db upgrade`. */
export const MIGRATE_COMMAND = sh('superset db upgrade');

/** `superset re-encrypt-secrets`: re-encrypts secrets stored in the metastore from the previous key to the current one. */
export const ROTATE_COMMAND = sh('superset re-encrypt-secrets');

/**
 * `superset init`, then, in Development, the admin user and the example data. Creating the admin tolerates an
 * existing user, so the task can run again.
 */
export function initCommand(init: InitTaskSpec): string[] {
  const steps = ['superset init'];
  if (init.adminUser) {
    const flags = [
      `--username "$${ADMIN_ENV.username}"`,
      `--password "$${ADMIN_ENV.password}"`,
      `--firstname "$${ADMIN_ENV.firstName}"`,
      `--lastname "$${ADMIN_ENV.lastName}"`,
      `--email "$${ADMIN_ENV.email}"`,
    ];
    steps.push(`(superset fab create-admin ${flags.join(' ')} || true)`);
  }
  if (init.loadExamples) steps.push('superset load-examples');
  return sh(steps.join(' && '));
}
