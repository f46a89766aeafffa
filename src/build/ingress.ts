import type * as k8s from '../../imports/k8s';
import { parentLabels, withManaged } from '../base/labels';
import { type Manifest, objectMeta } from '../base/manifest';
import { mergeMaps, nonEmpty } from '../base/merge';
import type { ResolvedInstance, ResolvedRoute } from '../base/model/instance';
import type { IngressHostSpec, IngressSpec } from '../spec';

function backend(serviceName: string, port: number): k8s.IngressBackend {
  return { service: { name: serviceName, port: { number: port } } };
}

/** A host without explicit paths gets the whole route table, with the same paths as the HTTPRoute. */
function routeTablePaths(routes: readonly ResolvedRoute[]): k8s.HTTPIngressPath[] {
  return routes.map((route) => ({ path: route.path, pathType: 'Prefix', backend: backend(route.serviceName, route.servicePort) }));
}

/** Explicit paths all go to the web server. */
function explicitPaths(host: IngressHostSpec, web: ResolvedRoute): k8s.HTTPIngressPath[] {
  return (host.paths ?? []).map((p) => ({ path: p.path ?? '/', pathType: p.pathType ?? 'Prefix', backend: backend(web.serviceName, web.servicePort) }));
}

function rule(host: IngressHostSpec, routes: readonly ResolvedRoute[]): k8s.IngressRule {
  const web = routes.find((r) => r.component === 'web-server')!;
  const paths = host.paths && host.paths.length > 0 ? explicitPaths(host, web) : routeTablePaths(routes);
  return { host: host.host || undefined, http: { paths } };
}

/**
 * The instance's Ingress (`networking.k8s.io/v1`). `hosts` wins over `host`; with neither, one rule answers every
 * host (the operator would emit an Ingress without rules, which routes nothing).
 */
export function ingressManifest(instance: ResolvedInstance, ingress: IngressSpec): Manifest<k8s.Ingress> {
  const hosts: IngressHostSpec[] = ingress.hosts && ingress.hosts.length > 0 ? ingress.hosts : [{ host: ingress.host }];
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(instance.name, instance.namespace, withManaged(ingress.labels, parentLabels(instance.name)), mergeMaps(ingress.annotations)),
    spec: {
      ingressClassName: ingress.className,
      tls: nonEmpty(ingress.tls),
      rules: hosts.map((host) => rule(host, instance.routes)),
    },
  };
}
