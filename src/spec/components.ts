import type { SecretKeyRef } from './common';
import type { ImageOverrideSpec } from './image';
import type { QueueScalingSpec } from './queue-scaling';
import type { AutoscalingSpec, PodDisruptionBudgetSpec } from './scaling';
import type { ComponentServiceSpec } from './service';
import type { DeploymentTemplate, PodTemplate } from './templates';
import type { CeleryWorkerProcessSpec, GunicornSpec, SqlaEngineOptionsSpec } from './tuning';

/** Fields every component has. */
export interface ComponentSpec {
  /**
   * Overrides parts of the top-level image.
   *
   * @default - the top-level image
   */
  readonly image?: ImageOverrideSpec;
  /**
   * Deployment settings, merged over the top-level `deploymentTemplate`.
   *
   * @default - the top-level template
   */
  readonly deploymentTemplate?: DeploymentTemplate;
  /**
   * Pod settings, merged over the top-level `podTemplate`.
   *
   * @default - the top-level template
   */
  readonly podTemplate?: PodTemplate;
}

/** Fields of components that run Superset's Python code. */
export interface PythonComponentSpec extends ComponentSpec {
  /**
   * Python appended to this component's `superset_config.py`, after the top-level `config`.
   *
   * @default - none
   */
  readonly config?: string;
  /**
   * Shell script sourced before the component starts; replaces the top-level one (empty string disables it).
   *
   * @default - the top-level `bootstrapScript`
   */
  readonly bootstrapScript?: string;
}

/** Fields of components that can run several replicas. */
export interface ScalableSpec {
  /**
   * Replicas, when not autoscaled.
   *
   * @default - the top-level `replicas`, else 1
   */
  readonly replicas?: number;
  /**
   * Autoscaling; replaces the top-level `autoscaling`.
   *
   * @default - the top-level `autoscaling`, else none
   */
  readonly autoscaling?: AutoscalingSpec;
  /**
   * Disruption budget; replaces the top-level `podDisruptionBudget`.
   *
   * @default - the top-level `podDisruptionBudget`, else none
   */
  readonly podDisruptionBudget?: PodDisruptionBudgetSpec;
}

/** Fields of components that are reached through a Service. */
export interface RoutableSpec {
  /**
   * The component's Service.
   *
   * @default - a ClusterIP Service on the component's default port
   */
  readonly service?: ComponentServiceSpec;
}

/** The Superset web server (gunicorn). */
export interface WebServerSpec extends PythonComponentSpec, ScalableSpec, RoutableSpec {
  /**
   * Gunicorn settings.
   *
   * @default - the balanced preset
   */
  readonly gunicorn?: GunicornSpec;
  /**
   * Engine options; replace the top-level `sqlaEngineOptions`.
   *
   * @default - the top-level `sqlaEngineOptions`
   */
  readonly sqlaEngineOptions?: SqlaEngineOptionsSpec;
}

/** Celery workers that run asynchronous queries, reports and thumbnails. */
export interface CeleryWorkerSpec extends PythonComponentSpec, ScalableSpec {
  /**
   * Worker process settings.
   *
   * @default - the balanced preset
   */
  readonly celery?: CeleryWorkerProcessSpec;
  /**
   * Engine options; replace the top-level `sqlaEngineOptions`.
   *
   * @default - the top-level `sqlaEngineOptions`
   */
  readonly sqlaEngineOptions?: SqlaEngineOptionsSpec;
  /**
   * Scale on the length of this instance's Celery queue with KEDA, instead of `autoscaling`. Not part of the
   * operator's spec.
   *
   * @default - no queue-based scaling
   */
  readonly queueScaling?: QueueScalingSpec;
}

/** The Celery beat scheduler: exactly one pod (none with top-level `replicas: 0`), replaced with `Recreate`. */
export interface CeleryBeatSpec extends PythonComponentSpec {
  /**
   * Engine options; beat always uses NullPool unless the preset is `disabled`.
   *
   * @default - the top-level `sqlaEngineOptions`
   */
  readonly sqlaEngineOptions?: SqlaEngineOptionsSpec;
}

/** Celery Flower, the Celery monitoring UI, served under its URL prefix. */
export interface CeleryFlowerSpec extends PythonComponentSpec, ScalableSpec, RoutableSpec {}

/**
 * The Node.js websocket server for asynchronous queries (experimental). Its image must be set: the Superset image
 * does not contain it.
 */
export interface WebsocketServerSpec extends ComponentSpec, ScalableSpec, RoutableSpec {
  /**
   * `config.json` written inline into a ConfigMap. Development only.
   *
   * @default - none
   */
  readonly config?: { readonly [key: string]: unknown };
  /**
   * `config.json` from a Secret.
   *
   * @default - none
   */
  readonly configFrom?: SecretKeyRef;
}

/** The MCP server, which exposes Superset to AI assistants. */
export interface McpServerSpec extends PythonComponentSpec, ScalableSpec, RoutableSpec {
  /**
   * Engine options; replace the top-level `sqlaEngineOptions`.
   *
   * @default - the top-level `sqlaEngineOptions`
   */
  readonly sqlaEngineOptions?: SqlaEngineOptionsSpec;
}
