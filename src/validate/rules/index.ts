import { AUTH_RULES } from './auth';
import { BACKUP_RULES } from './backup';
import { COMPONENT_RULES } from './components';
import { CONTROLLER_ONLY_RULES } from './controller-only';
import { DEV_DEPENDENCY_RULES } from './dev-dependencies';
import { EXTERNAL_SECRET_RULES } from './external-secrets';
import { IGNORED_INPUT_RULES } from './ignored-input';
import { LIFECYCLE_RULES } from './lifecycle';
import { METASTORE_RULES } from './metastore';
import { MONITORING_RULES } from './monitoring';
import { NAME_RULES } from './names';
import { NAMESPACE_RULES } from './namespace';
import { NETWORK_POLICY_PEER_RULES } from './network-policy-peers';
import { NETWORKING_RULES } from './networking';
import { QUEUE_SCALING_RULES } from './queue-scaling';
import { RESERVED_LABEL_RULES } from './reserved-labels';
import type { Rule } from './rule';
import { SCALING_RULES } from './scaling';
import { SECRET_RULES } from './secrets';
import { VALKEY_RULES } from './valkey';

export type { Rule } from './rule';

/** Every cross-field rule, in the order their violations are reported. */
export const RULES: readonly Rule[] = [
  ...NAME_RULES,
  ...SECRET_RULES,
  ...METASTORE_RULES,
  ...VALKEY_RULES,
  ...COMPONENT_RULES,
  ...SCALING_RULES,
  ...QUEUE_SCALING_RULES,
  ...IGNORED_INPUT_RULES,
  ...NETWORKING_RULES,
  ...MONITORING_RULES,
  ...NAMESPACE_RULES,
  ...LIFECYCLE_RULES,
  ...CONTROLLER_ONLY_RULES,
  ...DEV_DEPENDENCY_RULES,
  ...EXTERNAL_SECRET_RULES,
  ...BACKUP_RULES,
  ...RESERVED_LABEL_RULES,
  ...NETWORK_POLICY_PEER_RULES,
  ...AUTH_RULES,
];
