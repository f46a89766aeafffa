import type { ResolvedBackup } from './backup';
import type { ResolvedDevDependencies } from './dev-dependencies';
import type { ResolvedExternalSecret } from './external-secrets';
import type { MonitoringModel } from './monitoring';
import type { ResolvedQueueScaling } from './queue-scaling';
import type * as k8s from '../../../imports/k8s';
import type { AutoscalingSpec, PodDisruptionBudgetSpec, ServiceType, LifecycleDelivery } from '../../spec';
import type { ComponentType } from '../component-types';
import type { Labels } from '../labels';
import type { ResolvedLifecycle } from './lifecycle';
import type { ResolvedPodSpec, ResolvedServiceAccount } from './pod';

/** A ConfigMap of the instance. */
export interface ResolvedConfigMap {
  /** The ConfigMap name. */
  readonly name: string;
  /** Its labels. */
  readonly labels: Labels;
  /** Its data: file names or variable names to text. */
  readonly data: Labels;
}

/** A component's Service, fully defaulted. */
export interface ResolvedService {
  /** `<instance>-<component>`. */
  readonly name: string;
  /** Service type. */
  readonly type: ServiceType;
  /** The Service's `http` port. */
  readonly port: number;
  /** The first container port of the component. */
  readonly targetPort: number;
  /** Node port, for NodePort and LoadBalancer Services. */
  readonly nodePort?: number;
  /** Ports besides `http` that features add (metrics, ...). */
  readonly extraPorts?: readonly k8s.ServicePort[];
  /** The component labels under the user's. */
  readonly labels: Labels;
  /** The user's annotations. */
  readonly annotations?: Labels;
  /** The component's selector labels. */
  readonly selector: Labels;
}

/**
 * One component as Kubernetes will get it: every default applied, templates merged, config rendered.
 * Builders read only this.
 */
export interface ResolvedComponent {
  /** The component type. */
  readonly type: ComponentType;
  /** `<instance>-<component>`: the Deployment, Service, HPA and PDB name. */
  readonly name: string;
  /** The namespace, when one is set. */
  readonly namespace?: string;
  /** Labels of the component's objects and its selector. */
  readonly labels: Labels;
  /** Deployment metadata and spec settings. */
  readonly deployment: {
    readonly labels: Labels;
    readonly annotations?: Labels;
    /** Undefined when an autoscaler owns the replica count. */
    readonly replicas?: number;
    readonly revisionHistoryLimit?: number;
    readonly minReadySeconds?: number;
    readonly progressDeadlineSeconds?: number;
    readonly strategy?: k8s.DeploymentStrategy;
  };
  /** The pod template: labels, annotations (checksum included) and the assembled pod spec. */
  readonly pod: {
    readonly labels: Labels;
    readonly annotations?: Labels;
    readonly spec: ResolvedPodSpec;
  };
  /**
   * The component's ConfigMap, when it has files to mount: `<name>-overlay` with the instance's shared ConfigMap,
   * `<name>-config` (the whole config, as the operator's) for a component built on its own or the websocket server.
   */
  readonly configMap?: { readonly name: string; readonly data: Labels };
  /** The files its pods read from the instance's shared ConfigMap; absent when its own ConfigMap holds them all. */
  readonly sharedFiles?: Labels;
  /** The plain variables its pods read from the instance's shared env ConfigMap; absent when all are in `env`. */
  readonly sharedEnv?: Labels;
  /** The path prefix Flower serves everything under (`/flower` by default); other components have none. */
  readonly urlPrefix?: string;
  /** Content hash of the component's rendered inputs; rolls the pods when it changes. */
  readonly checksum?: string;
  /** The Service, for routable components. */
  readonly service?: ResolvedService;
  /** The effective autoscaling (the component's, else the top-level one). */
  readonly autoscaling?: AutoscalingSpec;
  /** The effective disruption budget (the component's, else the top-level one). */
  readonly podDisruptionBudget?: PodDisruptionBudgetSpec;
}

/** One path of the instance's public surface, shared by the HTTPRoute and the Ingress. */
export interface ResolvedRoute {
  readonly component: ComponentType;
  /** Path prefix. */
  readonly path: string;
  /** Backend Service name. */
  readonly serviceName: string;
  /** Backend Service port (not the container port). */
  readonly servicePort: number;
}

/** A whole instance, resolved. */
export interface ResolvedInstance {
  readonly name: string;
  readonly namespace?: string;
  readonly serviceAccount: ResolvedServiceAccount;
  /** Present components in the operator's processing order. */
  readonly components: readonly ResolvedComponent[];
  /** The lifecycle tasks, unless none runs. */
  readonly lifecycle?: ResolvedLifecycle;
  /** The public paths, most specific first, for the HTTPRoute or Ingress. */
  readonly routes: readonly ResolvedRoute[];
  /** Ports of the services Superset connects to, for restricted egress. */
  readonly backendPorts: {
    readonly metastore?: number;
    readonly valkey?: number;
    /** The seed's source database, when a seed runs. */
    readonly seedSource?: number;
    /** The identity provider of `auth` (OIDC discovery host or LDAP server), which the web server calls. */
    readonly identityProvider?: number;
  };
  /**
   * How the manifests are delivered (`lifecycle.delivery`): with `Helm`, every string the objects hold is escaped so
   * that Helm's template engine gives it back unchanged.
   */
  readonly delivery: LifecycleDelivery;
  /** What Prometheus scrapes and what the alerts and dashboard cover, with `monitoring.serviceMonitor`. */
  readonly monitoring?: MonitoringModel;
  /** The development PostgreSQL and Valkey, with `devDependencies`. */
  readonly devDependencies?: ResolvedDevDependencies;
  /** The ExternalSecret that creates the referenced Secrets, with `externalSecrets`. */
  readonly externalSecret?: ResolvedExternalSecret;
  /** The KEDA ScaledObject (and TriggerAuthentication) of the workers, with `celeryWorker.queueScaling`. */
  readonly queueScaling?: ResolvedQueueScaling;
  /** The metastore backup CronJob, with `backup`. */
  readonly backup?: ResolvedBackup;
  /**
   * The ConfigMap `<name>-shared-config` of the files the Python pods share (`superset_shared.py`, the top-level
   * `config`, the schema-wait program, ...), stored once; absent when no pod reads it.
   */
  readonly sharedConfigMap?: ResolvedConfigMap;
  /** The ConfigMap `<name>-shared-env` of the plain variables every Python pod reads; absent when no pod reads it. */
  readonly sharedEnv?: ResolvedConfigMap;
}
