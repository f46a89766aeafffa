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
   * Any string; changing it runs the task again (with `Plain` delivery it changes the Job's name).
   *
   * @default - none
   */
  readonly trigger?: string;
  /**
   * Stop the components before the task runs. Accepted for compatibility with the operator, which drains at run
   * time; manifests cannot, so it has no effect here (see `LifecycleDelivery` for what orders the tasks instead).
   *
   * @default - true for seed, migrate and rotate; false for init
   */
  readonly requiresDrain?: boolean;
  /**
   * Time limit of each attempt as a Go duration (`5m`, `1h30m`): the pod's `activeDeadlineSeconds`. `0` sets no
   * limit. With `Plain` delivery, rotate and init first wait in their pod for the migration, so their pods may take
   * their own timeout plus migrate's (no limit when either is `0`); a long migration does not use up theirs. With a
   * seed, its pod runs every task and may take the sum of their timeouts.
   *
   * @default '5m'
   */
  readonly timeout?: string;
  /**
   * Attempts before the task fails (at least 1): the Job's `backoffLimit` is one less.
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
  /** Source host: a DNS name, an IPv4 address or an IPv6 address without brackets. */
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

/**
 * The seed task: replaces the metastore with a copy of another database. Development and Staging only, and only
 * with `Plain` delivery.
 *
 * Seeding drops the metastore, so it is never a hook that runs on every sync: it is a Job named after a hash of its
 * content (`<name>-seed-<hash>`) that runs once per change. The same pod then runs the enabled migrate, rotate and
 * init tasks, in that order, which have no Job of their own: nothing runs against the metastore while it is
 * replaced, the copy ends at the image's head revision, and init runs on the copy. Any change to what the pod runs
 * (the seed's inputs, the image, the lifecycle config, a task's command or `trigger`) therefore seeds again;
 * disable the seed to keep the copy and go back to separate Jobs.
 */
export interface SeedTaskSpec extends TaskSpec {
  /** The database to copy. */
  readonly source: SeedSourceSpec;
  /**
   * Cron schedule for repeated seeding (5 to 7 fields): adds a CronJob `<name>-seed` that repeats the seed Job.
   *
   * @default - seed once per change of the seed's inputs
   */
  readonly cronSchedule?: string;
  /**
   * Tables left out entirely: each entry is one table name, matched exactly (case included, no patterns).
   *
   * @default - none
   */
  readonly excludeTables?: string[];
  /**
   * Tables copied without their rows: each entry is one table name, matched exactly (case included, no patterns).
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
   * Database tool image (it needs `psql`, `pg_dump` and `createdb`, or `mysql` and `mysqldump`).
   *
   * @default - postgres:17.6-alpine or mysql:8.4.6
   */
  readonly image?: ContainerImageSpec;
  /**
   * Pod settings of the seed's pod, merged over the top-level `podTemplate` (not `lifecycle.podTemplate`), as with
   * the operator. Its `container` settings apply to the seed container; the migrate, rotate and init containers
   * that follow keep the lifecycle's, and the pod also gets the volumes of `lifecycle.podTemplate`, which they may
   * mount.
   *
   * @default - the top-level pod settings
   */
  readonly podTemplate?: PodTemplate;
  /**
   * Accepted for compatibility: the seed Job is never a hook and is always kept, so that applying the same YAML
   * never seeds again.
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
 * How the lifecycle Jobs are delivered and ordered before the components, without a controller:
 *
 * - `Plain`: works with any tool that applies YAML (`kubectl apply`, Flux, Argo CD). Each Job is named
 *   `<name>-<task>-<hash>` after a content hash of its spec, so re-applying the same YAML changes nothing and a
 *   changed image, config or command creates a new Job that runs once. Nothing orders objects, so every Python
 *   component pod, and the rotate and init Jobs, wait in an init container until the metastore is at the image's
 *   head revision (components do not wait for init). Finished Jobs are kept (they record that the task ran);
 *   superseded ones disappear from the YAML and are pruned by the tool.
 * - `ArgoCD`: `PreSync` hooks with sync waves in task order and `BeforeHookCreation`; the task ConfigMaps and a
 *   ServiceAccount `<name>-lifecycle` for the Jobs are `PreSync` hooks too, so they exist with current content
 *   before the Jobs run. Migrate, rotate and init run on every sync (they are idempotent); components are only
 *   updated after they succeed.
 * - `Helm`: `pre-install,pre-upgrade` hooks with weights in task order, for a chart made with
 *   `cdk8s synth --format helm`. Like Argo CD, every upgrade runs the tasks before any other object changes. Every
 *   `{{` the instance emits (your `config` and scripts included) is escaped, so Helm renders it back as written.
 *
 * A seed needs `Plain` delivery: it must run before the other tasks, and cannot be a hook that runs on every sync.
 */
export type LifecycleDelivery = 'Plain' | 'ArgoCD' | 'Helm';

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
   * How the Jobs are delivered and ordered before the components (see `LifecycleDelivery`). Not part of the
   * operator's spec: the operator sequences the tasks itself.
   *
   * @default 'Plain'
   */
  readonly delivery?: LifecycleDelivery;
  /**
   * Whether upgrades need approval. Only `Automatic` can be rendered: approve upgrades in your delivery tool
   * (a manual sync, a pull request) instead of `Supervised`.
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
   * Pod settings of the tasks, merged over the top-level `podTemplate`. In the seed's pod only its `container`
   * settings and volumes apply, to the migrate, rotate and init containers (see `seed.podTemplate`).
   *
   * @default - the top-level template
   */
  readonly podTemplate?: PodTemplate;
  /**
   * Retention of finished task Jobs: with `ArgoCD` and `Helm` delivery it chooses the hook delete policy. With
   * `Plain` delivery finished Jobs are always kept, since deleting one would run it again on the next apply.
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
   * Maintenance page. It needs a controller to switch the web Service during a drain, so it is refused.
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
