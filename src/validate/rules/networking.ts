import { isSet } from './rule';
import type { Rule } from './rule';
import { violation } from '../violations';

/** CEL: the Ingress sends `/` to the web server, so there must be one. */
export const ingressRequiresWebServer: Rule = (props) =>
  isSet(props.networking?.ingress) && !isSet(props.webServer)
    ? [violation('networking.ingress', 'spec.networking.ingress requires spec.webServer to be set '
      + '(it provides the catch-all \'/\' route; other components are routed by path)', props.networking?.ingress,
    'add webServer: {} or remove networking.ingress')]
    : [];

/** CEL: an HTTPRoute needs at least one backend. */
export const gatewayRequiresRoutableComponent: Rule = (props) => {
  if (!isSet(props.networking?.gateway)) return [];
  const routable = [props.webServer, props.websocketServer, props.mcpServer, props.celeryFlower].some(isSet);
  return routable ? [] : [violation('networking.gateway', 'spec.networking.gateway requires at least one component '
    + 'with a routable service (webServer, websocketServer, mcpServer, or celeryFlower)', props.networking?.gateway,
  'enable one of them or remove networking.gateway')];
};

/** CEL: one routing mechanism per instance. */
export const gatewayIngressExclusive: Rule = (props) =>
  isSet(props.networking?.gateway) && isSet(props.networking?.ingress)
    ? [violation('networking', 'gateway and ingress are mutually exclusive', props.networking,
      'remove networking.gateway or networking.ingress')]
    : [];


/** Beyond the operator, which ignores it: the web server is always routed at `/`. */
export const webServerGatewayPathIgnored: Rule = (props) =>
  isSet(props.webServer?.service?.gatewayPath)
    ? [violation('webServer.service.gatewayPath', 'has no effect: the web server is always routed at /',
      props.webServer?.service?.gatewayPath, 'remove it')]
    : [];

/** Beyond the operator, which ignores `host` when `hosts` is set. */
export const ingressHostWithHosts: Rule = (props) => {
  const ingress = props.networking?.ingress;
  return isSet(ingress?.host) && Array.isArray(ingress?.hosts) && ingress!.hosts.length > 0
    ? [violation('networking.ingress.host', 'has no effect when networking.ingress.hosts is set', ingress?.host,
      'move it into hosts or remove it')]
    : [];
};

export const NETWORKING_RULES: readonly Rule[] = [
  ingressRequiresWebServer, gatewayRequiresRoutableComponent, gatewayIngressExclusive, webServerGatewayPathIgnored,
  ingressHostWithHosts,
];
