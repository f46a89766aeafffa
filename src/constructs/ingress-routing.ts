import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { deliveredByHelm, escapeForHelm } from './helm-delivery';
import type { ISupersetInstance } from './instance-reference';
import { apiObjectProps } from '../base/manifest';
import { ingressManifest } from '../build/ingress';
import type { IngressSpec } from '../spec';
import { assertHostnames } from '../validate/host-names';

/** Properties of `IngressRouting`: the operator's `networking.ingress` plus the instance to route to. */
export interface IngressRoutingProps extends IngressSpec {
  /** The instance whose components are routed. */
  readonly instance: ISupersetInstance;
}

/**
 * Routes an instance through a legacy Ingress named after the instance. A host without explicit `paths` gets one
 * path per routable component (the same table as `GatewayRouting`); a host with `paths` routes them all to the web
 * server. Legacy controllers that read `kubernetes.io/ingress.class` take it from `annotations`, as given.
 */
export class IngressRouting extends Construct {
  /** The Ingress. */
  public readonly ingress: ApiObject;

  constructor(scope: Construct, id: string, props: IngressRoutingProps) {
    super(scope, id);
    const { instance, ...ingress } = props;
    if (!instance.model.routes.some((route) => route.component === 'web-server')) {
      throw new Error(`IngressRouting '${id}': instance '${instance.instanceName}' has no web server; `
        + 'the Ingress sends / to it, so add webServer: {}');
    }
    assertHostnames(`IngressRouting '${id}'`, 'hosts', [ingress.host, ...(ingress.hosts ?? []).map((h) => h.host)]);
    this.ingress = new ApiObject(this, 'Ingress', apiObjectProps(ingressManifest(instance.model, ingress)));
    this.node.defaultChild = this.ingress;
    // Also when used on its own, next to an instance delivered with Helm.
    if (deliveredByHelm(instance.model)) escapeForHelm(this);
  }
}
