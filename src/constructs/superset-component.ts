import type * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { podSelectorConfig, serviceIngressBackend } from './cdk8s-plus';
import { deliveredByHelm, escapeForHelm } from './helm-delivery';
import { isPrepared, prepareInstance } from './prepared-instance';
import { KubeConfigMap, KubeDeployment, KubeHorizontalPodAutoscaler, KubePodDisruptionBudget, KubeService } from '../../imports/k8s';
import { type ComponentType, SPEC_FIELD } from '../base/component-types';
import { instanceSubject, SupersetInternalError, SupersetValidationError } from '../base/errors';
import type { ResolvedComponent, ResolvedInstance } from '../base/model/instance';
import {
  autoscalerManifest, configMapManifest, deploymentManifest, disruptionBudgetManifest, serviceManifest,
} from '../build/component';
import { withoutSignIn } from '../resolve/external-secrets';
import type { SupersetInstanceProps } from '../spec';

/** The spec fields of the six components. */
export type ComponentField = 'webServer' | 'celeryWorker' | 'celeryBeat' | 'celeryFlower' | 'mcpServer' | 'websocketServer';

/**
 * What a component shares with its instance: every setting of the instance's spec (`name`, `namespace`, `image`,
 * secret keys, `metastore`, `valkey`, `config`, templates, `lifecycle`, `monitoring`, ...), without the sections of
 * the components and the objects only a `SupersetInstance` creates (`networking`, `networkPolicy`).
 */
export interface SupersetComponentSettings extends Omit<SupersetInstanceProps, ComponentField | 'networking' | 'networkPolicy'> {}

/** What a component used on its own must not be given: it would have no effect. */
const INSTANCE_ONLY: readonly string[] = ['webServer', 'celeryWorker', 'celeryBeat', 'celeryFlower', 'mcpServer', 'websocketServer', 'networking', 'networkPolicy'];

/**
 * The Kubernetes objects of one Superset component: ConfigMap, Deployment, Service, HorizontalPodAutoscaler and
 * PodDisruptionBudget, each present when the component needs it. Every object is a public `ApiObject`, so it can
 * be patched (`addJsonPatch`) as an escape hatch; the Deployment is the default child.
 *
 * A component is built from intent, like an instance: the instance's shared settings plus its own section of the
 * spec (`webServer`, `celeryWorker`, ...), validated and resolved the same way. `SupersetInstance` builds its
 * components from its own props, resolved once. On its own, a component creates only its own objects: the
 * ServiceAccount it runs as (`serviceAccount.name`, default the instance name) and the lifecycle Jobs belong to the
 * instance; set `lifecycle: { disabled: true }` when migrations run elsewhere, or its pods wait for them.
 *
 * For cdk8s-plus-28 a component is a pod selector and a network-policy peer that selects exactly its pods (the
 * Deployment's selector labels, in the component's namespace): use it as `selector` or `peer` of a
 * `kplus.NetworkPolicy`, in `workload.connections.allowTo/allowFrom`, `service.select` or pod scheduling.
 * A component with a Service is also an Ingress backend (`toIngressBackend()`).
 */
export abstract class SupersetComponent extends Construct implements kplus.IPodSelector, kplus.INetworkPolicyPeer {
  /** The resolved component these objects were built from. */
  public readonly model: ResolvedComponent;
  /** The ConfigMap with `superset_config.py` (and the bootstrap script or websocket `config.json`). */
  public readonly configMap?: KubeConfigMap;
  /** The Deployment. */
  public readonly deployment: KubeDeployment;
  /** The Service, for components that serve traffic. */
  public readonly service?: KubeService;
  /** The HorizontalPodAutoscaler, when autoscaling is set. */
  public readonly autoscaler?: KubeHorizontalPodAutoscaler;
  /** The PodDisruptionBudget, when one is set. */
  public readonly podDisruptionBudget?: KubePodDisruptionBudget;
  /** The resolved instance the component belongs to, for what a subclass adds. */
  protected readonly instanceModel: ResolvedInstance;

  protected constructor(scope: Construct, id: string, type: ComponentType, props: SupersetComponentSettings) {
    super(scope, id);
    const { component: c, instance } = componentModel(this, type, props);
    this.model = c;
    this.instanceModel = instance;
    // Children are created in reading order: config, workload, then what points at the workload.
    this.configMap = c.configMap && new KubeConfigMap(this, 'ConfigMap', configMapManifest(c, c.configMap));
    this.deployment = new KubeDeployment(this, 'Deployment', deploymentManifest(c));
    this.service = c.service && new KubeService(this, 'Service', serviceManifest(c, c.service));
    this.autoscaler = c.autoscaling
      && new KubeHorizontalPodAutoscaler(this, 'HorizontalPodAutoscaler', autoscalerManifest(c, c.autoscaling));
    this.podDisruptionBudget = c.podDisruptionBudget
      && new KubePodDisruptionBudget(this, 'PodDisruptionBudget', disruptionBudgetManifest(c, c.podDisruptionBudget));
    this.node.defaultChild = this.deployment;
    if (deliveredByHelm(instance)) escapeForHelm(this);
  }

  /** The component's pods for cdk8s-plus: the Deployment's selector labels, in the component's namespace. */
  public toPodSelectorConfig(): kplus.PodSelectorConfig {
    return podSelectorConfig(this.model.labels, this.model.namespace);
  }

  /** The component's pods as a cdk8s-plus network-policy peer. */
  public toNetworkPolicyPeerConfig(): kplus.NetworkPolicyPeerConfig {
    return { podSelector: this.toPodSelectorConfig() };
  }

  /** The component itself: it selects its pods. */
  public toPodSelector(): kplus.IPodSelector {
    return this;
  }

  /**
   * The component's Service, on its `http` port, as a backend of a cdk8s-plus `Ingress`
   * (`ingress.addRule('/', instance.webServer.toIngressBackend())`). The Ingress must be in the Service's namespace.
   *
   * @throws when the component has no Service (Celery beat, and the Celery worker without monitoring).
   */
  public toIngressBackend(): kplus.IngressBackend {
    if (!this.model.service) {
      throw new SupersetValidationError(`${this.constructor.name} '${this.node.path}'`, [{
        path: 'toIngressBackend()', rule: `the ${this.model.type} component has no Service, so it cannot be an Ingress backend`,
      }]);
    }
    return serviceIngressBackend(this.model.service);
  }
}

/**
 * The resolved component: from the instance that built the component (its props are prepared already), or, on its
 * own, by preparing an instance of just this component (an absent section counts as `{}`).
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function componentModel(
  scope: Construct, type: ComponentType, props: SupersetComponentSettings,
): { readonly component: ResolvedComponent; readonly instance: ResolvedInstance } {
  const name = (props as { name?: unknown } | null | undefined)?.name;
  const instanceName = typeof name === 'string' ? name : scope.node.id;
  const field = SPEC_FIELD[type];
  const given = props as SupersetInstanceProps;
  let prepared;
  if (isPrepared(scope, instanceName, props)) {
    prepared = prepareInstance(scope, instanceName, given);
  } else {
    const extra = INSTANCE_ONLY.filter((key) => key !== field && typeof props === 'object' && props !== null && (props as Record<string, unknown>)[key] !== undefined);
    if (extra.length > 0) {
      throw new SupersetValidationError(instanceSubject(instanceName), extra.map((key) => ({
        path: key, rule: `has no effect on a ${type} built on its own`, fix: 'remove it, or build a SupersetInstance',
      })));
    }
    // The shared settings may carry `auth` for the web server built next to this component; only the web server
    // signs users in, so any other component is prepared without it, as it is inside an instance.
    const own = type !== 'web-server' && isRecord(given) && given.auth !== undefined ? withoutSignIn(given) : given;
    // Nothing else creates the instance's shared ConfigMap: the component's own holds every file it reads.
    prepared = prepareInstance(scope, instanceName, own?.[field] === undefined ? { ...own, [field]: {} } : own, { shareConfig: false });
  }
  const component = prepared.model.components.find((c) => c.type === type);
  if (!component) throw new SupersetInternalError(`the resolved instance '${instanceName}' has no ${type}`);
  return { component, instance: prepared.model };
}
