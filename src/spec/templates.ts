import type * as k8s from '../../imports/k8s';

/**
 * Deployment-level settings. A component's template is merged over the top-level one: scalars are replaced
 * when the component sets them, `labels` and `annotations` are merged key by key.
 */
export interface DeploymentTemplate {
  /**
   * Old ReplicaSets kept for rollback.
   *
   * @default - Kubernetes' default (10)
   */
  readonly revisionHistoryLimit?: number;
  /**
   * Seconds a new pod must be ready before it counts as available.
   *
   * @default - Kubernetes' default (0)
   */
  readonly minReadySeconds?: number;
  /**
   * Seconds before a stalled rollout is reported as failed.
   *
   * @default - Kubernetes' default (600)
   */
  readonly progressDeadlineSeconds?: number;
  /**
   * Rollout strategy. Celery beat always uses `Recreate`, so two schedulers never run at once.
   *
   * @default - RollingUpdate with Kubernetes' defaults; Recreate for Celery beat
   */
  readonly strategy?: k8s.DeploymentStrategy;
  /**
   * Labels on the Deployment object (not its pods). Managed labels win.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Annotations on the Deployment object (not its pods).
   *
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

/**
 * Settings of the main `superset` container. Merged over the top-level template: `env` by name, `ports` by
 * name, `volumeMounts` by volume name, `envFrom` concatenated; other fields replaced when the component sets
 * them. `command` and `args` are never inherited from the top level.
 */
export interface ContainerTemplate {
  /**
   * Compute resources.
   *
   * @default - none
   */
  readonly resources?: k8s.ResourceRequirements;
  /**
   * Extra environment variables. Variables the library manages (`SUPERSET_OPERATOR__*`, gunicorn settings)
   * keep their managed value.
   *
   * @default - none
   */
  readonly env?: k8s.EnvVar[];
  /**
   * Environment variables from ConfigMaps or Secrets.
   *
   * @default - none
   */
  readonly envFrom?: k8s.EnvFromSource[];
  /**
   * Extra volume mounts.
   *
   * @default - none
   */
  readonly volumeMounts?: k8s.VolumeMount[];
  /**
   * Container ports. When set, they replace the component's default port and default probes follow the first one.
   *
   * @default - the component's default port
   */
  readonly ports?: k8s.ContainerPort[];
  /**
   * Container security context, merged field by field over the restricted-profile defaults. Non-root and the
   * seccomp profile come from the pod security context, which every container inherits unless it sets its own.
   *
   * @default - no privilege escalation, all capabilities dropped
   */
  readonly securityContext?: k8s.SecurityContext;
  /**
   * Replaces the component's command (and is not wrapped by the bootstrap script).
   *
   * @default - the component's command
   */
  readonly command?: string[];
  /**
   * Container arguments.
   *
   * @default - none
   */
  readonly args?: string[];
  /**
   * Liveness probe.
   *
   * @default - the component's probe
   */
  readonly livenessProbe?: k8s.Probe;
  /**
   * Readiness probe.
   *
   * @default - the component's probe
   */
  readonly readinessProbe?: k8s.Probe;
  /**
   * Startup probe.
   *
   * @default - the component's probe
   */
  readonly startupProbe?: k8s.Probe;
  /**
   * Container lifecycle hooks.
   *
   * @default - none
   */
  readonly lifecycle?: k8s.Lifecycle;
}

/** A pod's DNS policy. */
export type DnsPolicy = 'ClusterFirst' | 'ClusterFirstWithHostNet' | 'Default' | 'None';

/**
 * Pod-level settings. A component's template is merged over the top-level one: maps by key, `volumes`,
 * `sidecars` and `initContainers` by name, `hostAliases` by IP, `tolerations` and `topologySpreadConstraints`
 * concatenated, everything else replaced when the component sets it.
 */
export interface PodTemplate {
  /**
   * Pod annotations.
   *
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * Pod labels. Keys under `superset.apache.org/` are reserved and refused; managed labels win.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Affinity rules.
   *
   * @default - none
   */
  readonly affinity?: k8s.Affinity;
  /**
   * Tolerations.
   *
   * @default - none
   */
  readonly tolerations?: k8s.Toleration[];
  /**
   * Node selector.
   *
   * @default - none
   */
  readonly nodeSelector?: { readonly [key: string]: string };
  /**
   * Topology spread constraints.
   *
   * @default - none
   */
  readonly topologySpreadConstraints?: k8s.TopologySpreadConstraint[];
  /**
   * Extra `/etc/hosts` entries.
   *
   * @default - none
   */
  readonly hostAliases?: k8s.HostAlias[];
  /**
   * Pod security context, merged field by field over the restricted-profile defaults.
   *
   * @default - runAsNonRoot, runAsUser/runAsGroup/fsGroup 1000, RuntimeDefault seccomp
   */
  readonly podSecurityContext?: k8s.PodSecurityContext;
  /**
   * Priority class.
   *
   * @default - none
   */
  readonly priorityClassName?: string;
  /**
   * Extra volumes.
   *
   * @default - none
   */
  readonly volumes?: k8s.Volume[];
  /**
   * Containers that run next to `superset`.
   *
   * @default - none
   */
  readonly sidecars?: k8s.Container[];
  /**
   * Init containers.
   *
   * @default - none
   */
  readonly initContainers?: k8s.Container[];
  /**
   * Grace period for pod shutdown, in seconds.
   *
   * @default - Kubernetes' default (30)
   */
  readonly terminationGracePeriodSeconds?: number;
  /**
   * DNS policy.
   *
   * @default - Kubernetes' default (ClusterFirst)
   */
  readonly dnsPolicy?: DnsPolicy;
  /**
   * DNS settings.
   *
   * @default - none
   */
  readonly dnsConfig?: k8s.PodDNSConfig;
  /**
   * Runtime class.
   *
   * @default - none
   */
  readonly runtimeClassName?: string;
  /**
   * Share one process namespace between containers.
   *
   * @default false
   */
  readonly shareProcessNamespace?: boolean;
  /**
   * Inject Service environment variables.
   *
   * @default true
   */
  readonly enableServiceLinks?: boolean;
  /**
   * Pod-level resources. Written to `spec.resources` of the pod, which needs Kubernetes 1.34 or newer.
   *
   * @default - none
   */
  readonly resources?: k8s.ResourceRequirements;
  /**
   * Settings of the main `superset` container.
   *
   * @default - none
   */
  readonly container?: ContainerTemplate;
}
