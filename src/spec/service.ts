/** Type of a component's Service. */
export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer';

/**
 * The Service of a routable component (web server, Flower, websocket server, MCP server).
 *
 * `loadBalancerIP` is deliberately not offered: it is deprecated in Kubernetes. Use your provider's
 * annotations instead (for example `service.beta.kubernetes.io/aws-load-balancer-internal: "true"`).
 */
export interface ComponentServiceSpec {
  /**
   * Service type.
   *
   * @default 'ClusterIP'
   */
  readonly type?: ServiceType;
  /**
   * Service port.
   *
   * @default - 8088 for the web and MCP servers, 5555 for Flower, 8080 for the websocket server
   */
  readonly port?: number;
  /**
   * Node port (30000 to 32767), only with `NodePort` or `LoadBalancer`.
   *
   * @default - assigned by Kubernetes
   */
  readonly nodePort?: number;
  /**
   * Extra Service labels. Managed labels win.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Service annotations.
   *
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
  /**
   * Path prefix of this component in the Gateway and Ingress routes. Ignored for the web server (always `/`).
   * For Flower in Production, setting it also publishes Flower.
   *
   * @default - '/ws', '/mcp' or '/flower'
   */
  readonly gatewayPath?: string;
}
