import { Construct } from 'constructs';
import { deliveredByHelm, escapeForHelm } from './helm-delivery';
import type { ISupersetInstance } from './instance-reference';
import { KubeNetworkPolicy } from '../../imports/k8s';
import type { ComponentType } from '../base/component-types';
import type { DevDependency } from '../base/model/dev-dependencies';
import { backupNetworkPolicyManifest } from '../build/backup';
import { devNetworkPolicyManifest } from '../build/dev-network-policy';
import { lifecycleNetworkPolicyManifest } from '../build/lifecycle-network-policy';
import { networkPolicyManifest } from '../build/network-policy';
import type { NetworkPolicySpec, SupersetInstanceProps } from '../spec';
import { emptyPeerLists } from '../validate/rules/network-policy-peers';
import { NETWORK_POLICY } from '../validate/spec-schema';
import { validatePart } from '../validate/validate-part';

/** Properties of `InstanceNetworkPolicy`: the operator's `networkPolicy` plus the instance it isolates. */
export interface InstanceNetworkPolicyProps extends NetworkPolicySpec {
  /** The instance whose components and lifecycle Jobs get a policy each. */
  readonly instance: ISupersetInstance;
}

/**
 * One NetworkPolicy per component of an instance, and one for its lifecycle Jobs. Pods accept traffic from pods of
 * the same instance (so two instances in one namespace are isolated from each other); the web, websocket and MCP
 * servers and a published Flower also on their serving port from `externalFrom` (unset: anywhere); `metrics`
 * ports from `metricsFrom` (unset: anywhere), and with monitoring Flower's port too (only from `metricsFrom`).
 * Egress is open, or with `egress: 'Restricted'` limited to DNS, the instance, the metastore and Valkey (and the
 * seed's source for the lifecycle Jobs, the identity provider of `auth` for the web server, the S3 endpoint's port
 * for the backup Jobs), plus `extraEgress`. The backup Jobs' pods (with `backup`) accept no ingress. With
 * `devDependencies`, the development PostgreSQL and
 * Valkey admit only the instance's pods, on their port. An empty `externalFrom` or `metricsFrom` admits no one.
 */
export class InstanceNetworkPolicy extends Construct {
  /** The policies, by component type (`web-server`, `celery-worker`, ...). */
  public readonly policies: { readonly [component in ComponentType]?: KubeNetworkPolicy };
  /** The policy of the lifecycle Jobs' pods, `<instance>-lifecycle-netpol`, when the instance runs lifecycle tasks. */
  public readonly lifecyclePolicy?: KubeNetworkPolicy;
  /** The policy of the metastore backup's pods, `<instance>-backup-netpol`, with `backup`. */
  public readonly backupPolicy?: KubeNetworkPolicy;
  /** The policies of the development PostgreSQL and Valkey (`<instance>-postgres-netpol`, `<instance>-valkey-netpol`). */
  public readonly devPolicies: { readonly [dependency in DevDependency]?: KubeNetworkPolicy };

  constructor(scope: Construct, id: string, props: InstanceNetworkPolicyProps) {
    super(scope, id);
    const { instance, ...policy } = props;
    validatePart(`InstanceNetworkPolicy '${id}'`, NETWORK_POLICY, policy,
      emptyPeerLists({ networkPolicy: policy } as SupersetInstanceProps, instance.instanceName, {}));
    const context = { monitored: instance.model.monitoring !== undefined };
    this.policies = Object.fromEntries(instance.model.components.map((component) => [
      component.type,
      new KubeNetworkPolicy(this, partId(component.type), networkPolicyManifest(instance.model, component, policy, context)),
    ]));
    this.lifecyclePolicy = instance.model.lifecycle
      && new KubeNetworkPolicy(this, 'Lifecycle', lifecycleNetworkPolicyManifest(instance.model, policy));
    const backup = instance.model.backup;
    this.backupPolicy = backup && new KubeNetworkPolicy(this, 'Backup', backupNetworkPolicyManifest(instance.model, backup, policy));
    const dev = instance.model.devDependencies;
    const dependencies = dev ? [dev.postgres, dev.valkey] : [];
    this.devPolicies = Object.fromEntries(dependencies.map((dependency) => [
      dependency.dependency, new KubeNetworkPolicy(this, partId(dependency.dependency), devNetworkPolicyManifest(instance.model, dependency)),
    ]));
    // Also when used on its own, next to an instance delivered with Helm.
    if (deliveredByHelm(instance.model)) escapeForHelm(this);
  }
}

/** The child id of a part's policy: `web-server` → `WebServer`, `postgres` → `Postgres`. */
function partId(part: string): string {
  return part.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}
