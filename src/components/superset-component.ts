import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import {
  autoscalerManifest, configMapManifest, deploymentManifest, disruptionBudgetManifest, serviceManifest,
} from '../build/component-manifests';
import { apiObjectProps } from '../build/manifest';
import type { ComponentType } from '../resolve/component-types';
import type { ResolvedComponent } from '../resolve/model';

/** Properties of every component construct. */
export interface SupersetComponentProps {
  /** The resolved component, as produced for a `SupersetInstance` (see `SupersetInstance.model`). */
  readonly component: ResolvedComponent;
}

/**
 * The Kubernetes objects of one Superset component: ConfigMap, Deployment, Service, HorizontalPodAutoscaler and
 * PodDisruptionBudget, each present when the component needs it. Every object is a public `ApiObject`, so it can
 * be patched (`addJsonPatch`) as an escape hatch; `ApiObject.of(component)` returns the Deployment.
 */
export abstract class SupersetComponent extends Construct {
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
}
