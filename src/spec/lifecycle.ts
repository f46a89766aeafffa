import type { SecretKeyRef } from './common';
import type { ContainerImageSpec, ImageOverrideSpec } from './image';
import type { DatabaseType } from './metastore';
import type { DeploymentTemplate, PodTemplate } from './templates';
import type { SqlaEngineOptionsSpec } from './tuning';

/** Fields every lifecycle task has. */
export interface TaskSpec {
  /**
   * Replaces the task's command (not wrapped by the bootstrap script).
   *
   * @default - the task's command
   */
  readonly command?: string[];
  /**
   * Any string; changing it runs the task again.
   *
   * @default - none
   */
  readonly trigger?: string;
  /**
   * Stop the components before the task runs.
   *
   * @default - true for seed, migrate and rotate; false for init
   */
  readonly requiresDrain?: boolean;
  /**
   * Time limit as a Go duration (`5m`, `1h30m`).
   *
   * @default '5m'
   */
  readonly timeout?: string;
  /**
   * Attempts before the task fails (at least 1).
   *
   * @default 3
   */
  readonly maxRetries?: number;
  /**
   * Skip this task.
   *
   * @default false
   */
  readonly disabled?: boolean;
}

/** What happens to finished task pods. */
export type PodRetentionPolicy = 'Delete' | 'Retain' | 'RetainOnFailure';

/** Retention of finished task pods. */
export interface PodRetentionSpec {
  /**
   * Retention policy.
   *
   * @default 'RetainOnFailure'
   */
  readonly policy?: PodRetentionPolicy;
}

/** The Superset admin user created by the init task. Development only. */
export interface AdminUserSpec {
  /**
   * User name.
   *
   * @default 'admin'
   */
  readonly username?: string;
  /**
   * Password.
   *
   * @default 'admin'
   */
  readonly password?: string;
  /**
   * First name.
   *
   * @default 'Superset'
   */
  readonly firstName?: string;
  /**
   * Last name.
   *
   * @default 'Admin'
   */
  readonly lastName?: string;
  /**
   * E-mail address.
   *
   * @default 'admin@example.com'
   */
  readonly email?: string;
}

/** The init task (`superset init`). */
export interface InitTaskSpec extends TaskSpec {
  /**
   * Create an admin user. Development only.
   *
   * @default - no admin user
   */
  readonly adminUser?: AdminUserSpec;
  /**
   * Load Superset's example data. Development only.
   *
   * @default false
   */
  readonly loadExamples?: boolean;
}

/** The database a seed copies from. */
export interface SeedSourceSpec {
  /**
   * Database engine.
   *
   * @default 'PostgreSQL'
   */
  readonly type?: DatabaseType;
  /** Source host. */
  readonly host: string;
  /**
   * Source port.
   *
   * @default - 5432 for PostgreSQL, 3306 for MySQL
   */
  readonly port?: number;
  /** Source database. */
  readonly database: string;
  /** Source user. */
  readonly username: string;
  /**
   * Password, written inline. Development only.
   *
   * @default - not set
   */
  readonly password?: string;
  /**
   * Password from a Secret.
   *
   * @default - not set
   */
  readonly passwordFrom?: SecretKeyRef;
}

/** The seed task: replaces the metastore with a copy of another database. Development and Staging only. */
export interface SeedTaskSpec extends TaskSpec {
  /** The database to copy. */
  readonly source: SeedSourceSpec;
  /**
   * Cron schedule for repeated seeding (5 to 7 fields).
   *
   * @default - seed once
   */
  readonly cronSchedule?: string;
  /**
   * Tables left out entirely.
   *
   * @default - none
   */
  readonly excludeTables?: string[];
  /**
   * Tables copied without their rows.
   *
   * @default - none
   */
  readonly excludeTableData?: string[];
  /**
   * SQL statements run on the copy afterwards.
   *
   * @default - none
   */
  readonly postSeedSQL?: string[];
  /**
   * Database tool image.
   *
   * @default - postgres:17-alpine or mysql:8-alpine
   */
  readonly image?: ContainerImageSpec;
  /**
   * Pod settings, merged over the top-level `podTemplate`.
   *
   * @default - the top-level template
   */
  readonly podTemplate?: PodTemplate;
  /**
   * Retention of finished pods.
   *
   * @default - the lifecycle's retention
   */
  readonly podRetention?: PodRetentionSpec;
}

/** A maintenance page served while the components are drained. */
export interface MaintenancePageSpec {
  /**
   * Page title.
   *
   * @default - a generic title
   */
  readonly title?: string;
  /**
   * Page message.
   *
   * @default - a generic message
   */
  readonly message?: string;
  /**
   * Extra HTML.
   *
   * @default - none
   */
  readonly body?: string;
  /**
   * Custom page image.
   *
   * @default - nginx:alpine serving the generated page
   */
  readonly image?: ContainerImageSpec;
  /**
   * Replicas.
   *
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Deployment settings.
   *
   * @default - none
   */
  readonly deploymentTemplate?: DeploymentTemplate;
  /**
   * Pod settings.
   *
   * @default - none
   */
  readonly podTemplate?: PodTemplate;
}

/** How upgrades are started. */
export type UpgradeMode = 'Automatic' | 'Supervised';

/**
 * Database migrations and one-off tasks (seed, migrate, rotate, init). An absent `lifecycle` still means enabled.
 */
export interface LifecycleSpec {
  /**
   * Turn every lifecycle task off.
   *
   * @default false
   */
  readonly disabled?: boolean;
  /**
   * Whether upgrades need approval.
   *
   * @default 'Automatic'
   */
  readonly upgradeMode?: UpgradeMode;
  /**
   * Overrides parts of the top-level image for the tasks.
   *
   * @default - the top-level image
   */
  readonly image?: ImageOverrideSpec;
  /**
   * Pod settings of the tasks, merged over the top-level `podTemplate`.
   *
   * @default - the top-level template
   */
  readonly podTemplate?: PodTemplate;
  /**
   * Retention of finished task pods.
   *
   * @default - RetainOnFailure
   */
  readonly podRetention?: PodRetentionSpec;
  /**
   * Python appended to the tasks' `superset_config.py`.
   *
   * @default - none
   */
  readonly config?: string;
  /**
   * Shell script sourced before the tasks; replaces the top-level one (empty string disables it).
   *
   * @default - the top-level `bootstrapScript`
   */
  readonly bootstrapScript?: string;
  /**
   * Engine options of the tasks (always NullPool unless `disabled`).
   *
   * @default - the top-level `sqlaEngineOptions`
   */
  readonly sqlaEngineOptions?: SqlaEngineOptionsSpec;
  /**
   * Maintenance page.
   *
   * @default - none
   */
  readonly maintenancePage?: MaintenancePageSpec;
  /**
   * Seed task.
   *
   * @default - no seeding
   */
  readonly seed?: SeedTaskSpec;
  /**
   * Migrate task (`superset db upgrade`).
   *
   * @default - enabled
   */
  readonly migrate?: TaskSpec;
  /**
   * Rotate task (`superset re-encrypt-secrets`).
   *
   * @default - no rotation
   */
  readonly rotate?: TaskSpec;
  /**
   * Init task (`superset init`).
   *
   * @default - enabled
   */
  readonly init?: InitTaskSpec;
}
