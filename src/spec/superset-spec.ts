import type { AuthSpec } from './auth';
import type { BackupSpec } from './backup';
import type { Environment, SecretKeyRef } from './common';
import type {
  CeleryBeatSpec, CeleryFlowerSpec, CeleryWorkerSpec, McpServerSpec, WebServerSpec, WebsocketServerSpec,
} from './components';
import type { DevDependenciesSpec } from './dev-dependencies';
import type { ExternalSecretsSpec } from './external-secrets';
import type { ImageSpec } from './image';
import type { LifecycleSpec } from './lifecycle';
import type { MetastoreSpec } from './metastore';
import type { MonitoringSpec } from './monitoring';
import type { NetworkingSpec, NetworkPolicySpec } from './networking';
import type { AutoscalingSpec, PodDisruptionBudgetSpec } from './scaling';
import type { ServiceAccountSpec } from './service-account';
import type { DeploymentTemplate, PodTemplate } from './templates';
import type { SqlaEngineOptionsSpec } from './tuning';
import type { ValkeySpec } from './valkey';

/**
 * The `spec` of the Apache Superset Kubernetes Operator's `Superset` resource (`superset.apache.org/v1alpha1`,
 * operator v0.2.0), field for field. A component is enabled by its presence: `webServer: {}` runs a web server.
 */
export interface SupersetSpec {
  /** The Superset image. */
  readonly image: ImageSpec;
  /**
   * Where this installation runs.
   *
   * @default 'Production'
   */
  readonly environment?: Environment;
  /**
   * Flask `SECRET_KEY`, written inline. Development only; set exactly one of `secretKey` and `secretKeyFrom`.
   *
   * @default - not set
   */
  readonly secretKey?: string;
  /**
   * Flask `SECRET_KEY` from a Secret.
   *
   * @default - not set
   */
  readonly secretKeyFrom?: SecretKeyRef;
  /**
   * The previous `SECRET_KEY`, written inline, for key rotation. Development only.
   *
   * @default - not set
   */
  readonly previousSecretKey?: string;
  /**
   * The previous `SECRET_KEY` from a Secret, for key rotation.
   *
   * @default - not set
   */
  readonly previousSecretKeyFrom?: SecretKeyRef;
  /**
   * The metadata database.
   *
   * @default - no database settings are rendered (set them in `config`)
   */
  readonly metastore?: MetastoreSpec;
  /**
   * Valkey for caches, Celery and SQL Lab results.
   *
   * @default - no cache or Celery settings are rendered
   */
  readonly valkey?: ValkeySpec;
  /**
   * Python appended to every component's `superset_config.py`.
   *
   * @default - none
   */
  readonly config?: string;
  /**
   * Shell script sourced before every Python component and task starts.
   *
   * @default - none
   */
  readonly bootstrapScript?: string;
  /**
   * Superset feature flags (`FEATURE_FLAGS`).
   *
   * @default - none
   */
  readonly featureFlags?: { readonly [flag: string]: boolean };
  /**
   * SQLAlchemy engine options for every component.
   *
   * @default - the balanced preset
   */
  readonly sqlaEngineOptions?: SqlaEngineOptionsSpec;
  /**
   * Deployment settings for every component.
   *
   * @default - none
   */
  readonly deploymentTemplate?: DeploymentTemplate;
  /**
   * Pod settings for every component and lifecycle task.
   *
   * @default - none
   */
  readonly podTemplate?: PodTemplate;
  /**
   * Replicas of every scalable component. Celery beat runs one, or none when this is 0.
   *
   * @default 1
   */
  readonly replicas?: number;
  /**
   * Autoscaling of every scalable component that sets none of its own.
   *
   * @default - none
   */
  readonly autoscaling?: AutoscalingSpec;
  /**
   * Disruption budget of every scalable component that sets none of its own.
   *
   * @default - none
   */
  readonly podDisruptionBudget?: PodDisruptionBudgetSpec;
  /**
   * The web server.
   *
   * @default - no web server
   */
  readonly webServer?: WebServerSpec;
  /**
   * Celery workers.
   *
   * @default - no workers
   */
  readonly celeryWorker?: CeleryWorkerSpec;
  /**
   * Celery beat.
   *
   * @default - no scheduler
   */
  readonly celeryBeat?: CeleryBeatSpec;
  /**
   * Celery Flower.
   *
   * @default - no Flower
   */
  readonly celeryFlower?: CeleryFlowerSpec;
  /**
   * The websocket server.
   *
   * @default - no websocket server
   */
  readonly websocketServer?: WebsocketServerSpec;
  /**
   * The MCP server.
   *
   * @default - no MCP server
   */
  readonly mcpServer?: McpServerSpec;
  /**
   * Migrations and one-off tasks.
   *
   * @default - migrate and init enabled
   */
  readonly lifecycle?: LifecycleSpec;
  /**
   * A throw-away PostgreSQL and Valkey wired to `metastore` and `valkey`. Development only; not part of the
   * operator's spec.
   *
   * @default - none: bring your own database and Valkey
   */
  readonly devDependencies?: DevDependenciesSpec;
  /**
   * How users sign in (OIDC or LDAP). Not part of the operator's spec.
   *
   * @default - Superset's own user database
   */
  readonly auth?: AuthSpec;
  /**
   * The secret key, metastore and Valkey credentials from an external store, through ExternalSecrets. Not part of the
   * operator's spec.
   *
   * @default - none: the Secrets the `*From` fields name are yours to create
   */
  readonly externalSecrets?: ExternalSecretsSpec;
  /**
   * Scheduled backups of the metastore to a PersistentVolumeClaim or an S3-compatible bucket. Not part of the
   * operator's spec.
   *
   * @default - no backups
   */
  readonly backup?: BackupSpec;
  /**
   * Gateway API or Ingress routing.
   *
   * @default - no routing objects
   */
  readonly networking?: NetworkingSpec;
  /**
   * Monitoring objects.
   *
   * @default - none
   */
  readonly monitoring?: MonitoringSpec;
  /**
   * Per-component NetworkPolicies, enabled by presence.
   *
   * @default - no NetworkPolicies
   */
  readonly networkPolicy?: NetworkPolicySpec;
  /**
   * The pods' ServiceAccount.
   *
   * @default - a ServiceAccount named after the instance
   */
  readonly serviceAccount?: ServiceAccountSpec;
  /**
   * Accepted for compatibility with the operator; has no effect at build time.
   *
   * @default false
   */
  readonly suspend?: boolean;
  /**
   * Any string; changing it restarts every component (for example after a Secret's content changed).
   *
   * @default - not set
   */
  readonly forceReload?: string;
}

/**
 * Properties of a `SupersetInstance`: the operator's `Superset` spec plus the instance name and namespace.
 * A `Superset` resource maps to props as `{ name: metadata.name, ...spec }`.
 */
export interface SupersetInstanceProps extends SupersetSpec {
  /**
   * Instance name: the prefix of every object name and the `app.kubernetes.io/instance` label.
   *
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Namespace of every object.
   *
   * @default - the chart's namespace
   */
  readonly namespace?: string;
}
