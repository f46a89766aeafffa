import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { apiObjectProps } from '../build/manifest';
import type { ComponentType } from '../resolve/component-types';
import type { NetworkPolicySpec } from '../spec';
import type { ISupersetInstance } from '../superset-instance';
import { networkPolicyManifest } from './network-policy';

/** Properties of `InstanceNetworkPolicy`: the operator's `networkPolicy` plus the instance it isolates. */
export interface InstanceNetworkPolicyProps extends NetworkPolicySpec {
  /** The instance whose components get a policy each. */
  readonly instance: ISupersetInstance;
}

/**
 * One NetworkPolicy per component of an instance. Pods accept traffic from pods of the same instance (so two
 * instances in one namespace are isolated from each other), on their serving port from `externalFrom` (default:
 * anywhere) for the web, websocket and MCP servers and a published Flower, and on `metrics` ports. Egress is open,
 * or with `egress: 'Restricted'` limited to DNS, the instance, the metastore and Valkey, plus `extraEgress`.
 */
export class InstanceNetworkPolicy extends Construct {
  /** The policies, by component type (`web-server`, `celery-worker`, ...). */
  public readonly policies: { readonly [component in ComponentType]?: ApiObject };

  constructor(scope: Construct, id: string, props: InstanceNetworkPolicyProps) {
    super(scope, id);
    const { instance, ...policy } = props;
    this.policies = Object.fromEntries(instance.model.components.map((component) => [
      component.type,
      new ApiObject(this, component.type, apiObjectProps(networkPolicyManifest(instance.model, component, policy))),
    ]));
  }
}
