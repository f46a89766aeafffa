import { type HttpRouteProps, HttpRouteSpecRulesMatchesPathType } from '../../imports/gateway.networking.k8s.io';
import { parentLabels, withManaged } from '../base/labels';
import { mergeMaps, nonEmpty } from '../base/merge';
import type { ResolvedInstance } from '../base/model/instance';
import type { GatewaySpec } from '../spec';

/**
 * The instance's HTTPRoute (`gateway.networking.k8s.io/v1`): one path-prefix rule per route, most specific first.
 * Typed with the Gateway API v1.2.1 binding, so only fields every cluster from v1.2 on understands can appear.
 */
export function httpRouteProps(instance: ResolvedInstance, gateway: GatewaySpec): HttpRouteProps {
  return {
    metadata: {
      name: instance.name,
      namespace: instance.namespace,
      labels: withManaged(gateway.labels, parentLabels(instance.name)),
      annotations: mergeMaps(gateway.annotations),
    },
    spec: {
      parentRefs: [gateway.gatewayRef],
      hostnames: nonEmpty(gateway.hostnames),
      rules: instance.routes.map((route) => ({
        matches: [{ path: { type: HttpRouteSpecRulesMatchesPathType.PATH_PREFIX, value: route.path } }],
        backendRefs: [{ name: route.serviceName, port: route.servicePort }],
      })),
    },
  };
}
