import type * as k8s from '../../imports/k8s';

/** The Gateway an HTTPRoute attaches to (a Gateway API ParentReference). */
export interface GatewayRefSpec {
  /** Gateway name. */
  readonly name: string;
  /**
   * Gateway namespace.
   *
   * @default - the instance's namespace
   */
  readonly namespace?: string;
  /**
   * Listener name on the Gateway.
   *
   * @default - every listener
   */
  readonly sectionName?: string;
  /**
   * Listener port on the Gateway.
   *
   * @default - every port
   */
  readonly port?: number;
  /**
   * API group of the parent.
   *
   * @default 'gateway.networking.k8s.io'
   */
  readonly group?: string;
  /**
   * Kind of the parent.
   *
   * @default 'Gateway'
   */
  readonly kind?: string;
}

/** Routing through the Gateway API: one HTTPRoute named after the instance. */
export interface GatewaySpec {
  /** The Gateway to attach to. */
  readonly gatewayRef: GatewayRefSpec;
  /**
   * Host names the route answers (RFC 1123, optionally with a `*.` prefix).
   *
   * @default - every host of the Gateway listener
   */
  readonly hostnames?: string[];
  /**
   * Extra HTTPRoute labels.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * HTTPRoute annotations.
   *
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

/** How an Ingress path matches. */
export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

/** An explicit Ingress path to the web server. */
export interface IngressPathSpec {
  /**
   * Path.
   *
   * @default '/'
   */
  readonly path?: string;
  /**
   * Path type.
   *
   * @default 'Prefix'
   */
  readonly pathType?: IngressPathType;
}

/** One Ingress host. */
export interface IngressHostSpec {
  /**
   * Host name.
   *
   * @default - every host
   */
  readonly host?: string;
  /**
   * Explicit paths, all to the web server.
   *
   * @default - one path per routable component
   */
  readonly paths?: IngressPathSpec[];
}

/** Routing through a legacy Ingress named after the instance. */
export interface IngressSpec {
  /**
   * IngressClass name.
   *
   * @default - the cluster's default class
   */
  readonly className?: string;
  /**
   * Single host (ignored when `hosts` is set).
   *
   * @default - none
   */
  readonly host?: string;
  /**
   * Hosts.
   *
   * @default - the single `host`
   */
  readonly hosts?: IngressHostSpec[];
  /**
   * TLS settings, passed through.
   *
   * @default - none
   */
  readonly tls?: k8s.IngressTLS[];
  /**
   * Extra Ingress labels.
   *
   * @default - none
   */
  readonly labels?: { readonly [key: string]: string };
  /**
   * Ingress annotations.
   *
   * @default - none
   */
  readonly annotations?: { readonly [key: string]: string };
}

/** How traffic reaches the instance. `gateway` and `ingress` are mutually exclusive. */
export interface NetworkingSpec {
  /**
   * Gateway API routing.
   *
   * @default - no HTTPRoute
   */
  readonly gateway?: GatewaySpec;
  /**
   * Ingress routing.
   *
   * @default - no Ingress
   */
  readonly ingress?: IngressSpec;
}

/**
 * Egress of Superset pods: `Open` allows everything (the operator's behaviour); `Restricted` allows only DNS, the
 * instance's own pods, the metastore and Valkey ports, and `extraEgress`.
 */
export type EgressPolicy = 'Open' | 'Restricted';

/**
 * Per-component NetworkPolicies. Present (even `{}`) enables them: each component's pods then accept traffic from
 * pods of the same instance on any port, and on their serving port from `externalFrom` (default: anywhere).
 */
export interface NetworkPolicySpec {
  /**
   * Egress rules. With `Restricted`, data warehouses, SMTP servers, identity providers and anything else Superset
   * calls must be added through `extraEgress`.
   *
   * @default 'Open'
   */
  readonly egress?: EgressPolicy;
  /**
   * Who may reach the serving ports (web 8088, websocket 8080, MCP 8088, published Flower 5555) and metrics ports,
   * for example the gateway's namespace.
   *
   * @default - any source
   */
  readonly externalFrom?: k8s.NetworkPolicyPeer[];
  /**
   * Ingress rules appended to every policy.
   *
   * @default - none
   */
  readonly extraIngress?: k8s.NetworkPolicyIngressRule[];
  /**
   * Egress rules appended to every policy.
   *
   * @default - none
   */
  readonly extraEgress?: k8s.NetworkPolicyEgressRule[];
}
