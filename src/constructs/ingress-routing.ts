import { Construct } from 'constructs';
import { deliveredByHelm, escapeForHelm } from './helm-delivery';
import type { ISupersetInstance } from './instance-reference';
import { KubeIngress } from '../../imports/k8s';
import { ingressManifest } from '../build/ingress';
import type { IngressSpec } from '../spec';
import { INGRESS } from '../validate/spec-schema';
import { validatePart } from '../validate/validate-part';

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
  public readonly ingress: KubeIngress;

  constructor(scope: Construct, id: string, props: IngressRoutingProps) {
    super(scope, id);
    const { instance, ...ingress } = props;
    const hasWebServer = instance.model.routes.some((route) => route.component === 'web-server');
    validatePart(`IngressRouting '${id}'`, INGRESS, ingress, hasWebServer ? [] : [{
      path: 'instance', rule: `instance '${instance.instanceName}' has no web server, and the Ingress sends / to it`, fix: 'add webServer: {}',
    }]);
    this.ingress = new KubeIngress(this, 'Ingress', ingressManifest(instance.model, ingress));
    this.node.defaultChild = this.ingress;
    // Also when used on its own, next to an instance delivered with Helm.
    if (deliveredByHelm(instance.model)) escapeForHelm(this);
  }
}
