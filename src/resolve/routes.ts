import type { ComponentType } from '../base/component-types';
import type { ResolvedComponent, ResolvedRoute } from '../base/model/instance';
import type { SupersetSpec } from '../spec';

/**
 * Whether Flower is reachable from outside: always when its `gatewayPath` is set; by default only outside
 * Production, where the Celery UI (which has no login) would otherwise be public.
 */
export function isFlowerPublished(spec: SupersetSpec): boolean {
  if (spec.celeryFlower === undefined) return false;
  return Boolean(spec.celeryFlower.service?.gatewayPath) || (spec.environment ?? 'Production') !== 'Production';
}

/** Most specific first, so a prefix router never sends `/ws` to the web server's `/`. */
const ROUTE_ORDER: readonly { readonly component: ComponentType; readonly path: (spec: SupersetSpec) => string | undefined }[] = [
  { component: 'websocket-server', path: (spec) => spec.websocketServer && (spec.websocketServer.service?.gatewayPath || '/ws') },
  { component: 'mcp-server', path: (spec) => spec.mcpServer && (spec.mcpServer.service?.gatewayPath || '/mcp') },
  { component: 'celery-flower', path: (spec) => (isFlowerPublished(spec) ? spec.celeryFlower!.service?.gatewayPath || '/flower' : undefined) },
  // The web server serves Superset at the root; its gatewayPath is refused by validation.
  { component: 'web-server', path: (spec) => spec.webServer && '/' },
];

/** The routes of an instance, in priority order, aimed at the components' Services. */
export function resolveRoutes(spec: SupersetSpec, components: readonly ResolvedComponent[]): ResolvedRoute[] {
  return ROUTE_ORDER.flatMap(({ component, path }) => {
    const service = components.find((c) => c.type === component)?.service;
    const routePath = path(spec);
    return service && routePath ? [{ component, path: routePath, serviceName: service.name, servicePort: service.port }] : [];
  });
}
