/*
 * The lifecycle tasks and the names the library gives their objects, which monitoring, network policies and the
 * lifecycle itself must agree on.
 */

/** The lifecycle tasks in the order the operator runs them. */
export const TASK_TYPES = ['seed', 'migrate', 'rotate', 'init'] as const;

/** A lifecycle task, as used in Job names (`<name>-<task>`) and the `superset.apache.org/init-task` label. */
export type TaskType = (typeof TASK_TYPES)[number];

/** Hex characters of the content hash in `Plain` Job names: `<name>-migrate-<hash>` stays within 63 characters. */
export const NAME_HASH_LENGTH = 6;

/** Name of the init container that waits for migrations. */
export const SCHEMA_WAIT_CONTAINER = 'wait-for-migrations';


/**
 * The owner of the ConfigMap `<name>-lifecycle-overlay`: the own files (`superset_config.py`, bootstrap script) that
 * every task applied with the instance's objects runs, the same for all of them, stored once.
 */
export const LIFECYCLE_FILES = 'lifecycle';
