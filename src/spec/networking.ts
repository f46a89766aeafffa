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

/**
 * How Superset serves behind a TLS-terminating proxy (a gateway, an ingress controller or a load balancer). Each
 * setting is also overridable in `config`, which is rendered after them.
 */
export interface ProxySettingsSpec {
  /**
   * Trust the `X-Forwarded-*` headers of exactly one proxy hop (`ENABLE_PROXY_FIX`), build `https` URLs
   * (`PREFERRED_URL_SCHEME`) and send the session cookie only over TLS (`SESSION_COOKIE_SECURE`).
   *
   * @default - true when `gateway` or `ingress` is set
   */
  readonly enabled?: boolean;
  /**
   * The public URL that report and alert links point to (`WEBDRIVER_BASEURL_USER_FRIENDLY`), such as
   * `https://bi.example.com/`.
   *
   * @default - `https://<first host name>/` of the HTTPRoute or Ingress, when it is not a wildcard
   */
  readonly publicUrl?: string;
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
  /**
   * Settings for serving behind a TLS-terminating proxy.
   *
   * @default - enabled when `gateway` or `ingress` is set
   */
  readonly proxy?: ProxySettingsSpec;
}

/**
 * Egress of Superset pods: `Open` allows everything (the operator's behaviour); `Restricted` allows only DNS, the
 * instance's own pods, the metastore and Valkey ports, the identity provider's port (`auth`) on
 * the web server, and `extraEgress`.
 */
export type EgressPolicy = 'Open' | 'Restricted';

/**
 * Per-component NetworkPolicies, and one for the lifecycle Jobs. Present (even `{}`) enables them: each component's
 * pods then accept traffic from pods of the same instance on any port, on their serving port from `externalFrom`
 * (default: anywhere) when they face outside, and on metrics ports from `metricsFrom` (default: anywhere). An empty
 * peer list never means any source.
 */
export interface NetworkPolicySpec {
  /**
   * Egress rules. With `Restricted`, the identity provider's port of `auth` is opened for the web server; data
   * warehouses, SMTP servers and anything else Superset calls must be added through `extraEgress`.
   *
   * @default 'Open'
   */
  readonly egress?: EgressPolicy;
  /**
   * Who may reach the serving ports of the externally facing components (web 8088, websocket 8080, MCP 8088,
   * published Flower 5555), for example the gateway's namespace. Metrics ports follow `metricsFrom`. An empty list
   * admits no one (only the instance's own pods).
   *
   * @default - any source
   */
  readonly externalFrom?: k8s.NetworkPolicyPeer[];
  /**
   * Who may scrape metrics, for example Prometheus' namespace: the `metrics` ports (the StatsD exporter's, on web
   * server and Celery worker pods) and, with `monitoring.serviceMonitor`, Flower's serving port, where Flower serves
   * `/metrics`. That port also serves Flower's UI, which has no login, so it is opened to these peers only, never to
   * any source: without `metricsFrom`, an unpublished Flower is reachable only from its own instance. An empty list
   * admits no one.
   *
   * @default - any source
   */
  readonly metricsFrom?: k8s.NetworkPolicyPeer[];
  /**
   * Ingress rules appended to every component's policy (the lifecycle Jobs serve nothing and admit only their
   * instance).
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
