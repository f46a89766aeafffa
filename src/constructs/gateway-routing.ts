import { Construct } from 'constructs';
import { deliveredByHelm, escapeForHelm } from './helm-delivery';
import type { ISupersetInstance } from './instance-reference';
import { HttpRoute } from '../../imports/gateway.networking.k8s.io';
import { httpRouteProps } from '../build/http-route';
import type { GatewaySpec } from '../spec';
import { GATEWAY } from '../validate/spec-schema';
import { validatePart } from '../validate/validate-part';

/** Properties of `GatewayRouting`: the operator's `networking.gateway` plus the instance to route to. */
export interface GatewayRoutingProps extends GatewaySpec {
  /** The instance whose components are routed. */
  readonly instance: ISupersetInstance;
}

/**
 * Routes an instance through the Gateway API: one HTTPRoute named after the instance with path-prefix rules,
 * most specific first: `/ws` (websocket server), `/mcp` (MCP server), `/flower` (Flower, when published), `/`
 * (web server). Paths follow each component's `service.gatewayPath`; backends are the components' Services.
 *
 * `SupersetInstance` creates one for `networking.gateway`; it can also be used on its own.
 */
export class GatewayRouting extends Construct {
  /** The HTTPRoute. */
  public readonly route: HttpRoute;

  constructor(scope: Construct, id: string, props: GatewayRoutingProps) {
    super(scope, id);
    const { instance, ...gateway } = props;
    validatePart(`GatewayRouting '${id}'`, GATEWAY, gateway, instance.model.routes.length > 0 ? [] : [{
      path: 'instance',
      rule: `instance '${instance.instanceName}' has no routable component`,
      fix: 'enable webServer, websocketServer, mcpServer or a published celeryFlower',
    }]);
    this.route = new HttpRoute(this, 'HttpRoute', httpRouteProps(instance.model, gateway));
    this.node.defaultChild = this.route;
    // Also when used on its own, next to an instance delivered with Helm.
    if (deliveredByHelm(instance.model)) escapeForHelm(this);
  }
}
