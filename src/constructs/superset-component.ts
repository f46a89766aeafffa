import { ApiObject } from 'cdk8s';
import type * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { podSelectorConfig, serviceIngressBackend } from './cdk8s-plus';
import type { ComponentType } from '../base/component-types';
import { apiObjectProps } from '../base/manifest';
import type { ResolvedComponent } from '../base/model/instance';
import {
  autoscalerManifest, configMapManifest, deploymentManifest, disruptionBudgetManifest, serviceManifest,
} from '../build/component';

/** Properties of every component construct. */
export interface SupersetComponentProps {
  /** The resolved component, as produced for a `SupersetInstance` (see `SupersetInstance.model`). */
  readonly component: ResolvedComponent;
}

/**
 * The Kubernetes objects of one Superset component: ConfigMap, Deployment, Service, HorizontalPodAutoscaler and
 * PodDisruptionBudget, each present when the component needs it. Every object is a public `ApiObject`, so it can
 * be patched (`addJsonPatch`) as an escape hatch; `ApiObject.of(component)` returns the Deployment.
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
  public readonly configMap?: ApiObject;
  /** The Deployment. */
  public readonly deployment: ApiObject;
  /** The Service, for components that serve traffic. */
  public readonly service?: ApiObject;
  /** The HorizontalPodAutoscaler, when autoscaling is set. */
  public readonly autoscaler?: ApiObject;
  /** The PodDisruptionBudget, when one is set. */
  public readonly podDisruptionBudget?: ApiObject;

  protected constructor(scope: Construct, id: string, expectedType: ComponentType, props: SupersetComponentProps) {
    super(scope, id);
    const c = props.component;
    if (c.type !== expectedType) {
      throw new Error(`${this.constructor.name} '${id}' needs a resolved '${expectedType}' component, got '${c.type}'`);
    }
    this.model = c;
    // Children are created in reading order: config, workload, then what points at the workload.
    this.configMap = c.configMap && new ApiObject(this, 'ConfigMap', apiObjectProps(configMapManifest(c, c.configMap)));
    this.deployment = new ApiObject(this, 'Deployment', apiObjectProps(deploymentManifest(c)));
    this.service = c.service && new ApiObject(this, 'Service', apiObjectProps(serviceManifest(c, c.service)));
    this.autoscaler = c.autoscaling && new ApiObject(this, 'Autoscaler', apiObjectProps(autoscalerManifest(c, c.autoscaling)));
    this.podDisruptionBudget = c.podDisruptionBudget
      && new ApiObject(this, 'PodDisruptionBudget', apiObjectProps(disruptionBudgetManifest(c, c.podDisruptionBudget)));
    this.node.defaultChild = this.deployment;
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
      throw new Error(`${this.node.path}: the ${this.model.type} component has no Service, so it cannot be an Ingress backend`);
    }
    return serviceIngressBackend(this.model.service);
  }
}
