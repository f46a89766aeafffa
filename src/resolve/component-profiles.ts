import type * as k8s from '../../imports/k8s';
import type { ComponentType } from '../base/component-types';

/** What a component runs and exposes when the spec does not say otherwise (operator-behaviour §2.2–§2.7). */
export interface ComponentProfile {
  /** The container port, for components that serve traffic. */
  readonly port?: k8s.ContainerPort;
  /** The Service port when `service.port` is unset, for routable components. */
  readonly servicePort?: number;
  /** Probes aimed at the first resolved container port. */
  readonly probes: (port: number, urlPrefix: string) => Pick<k8s.Container, 'livenessProbe' | 'readinessProbe' | 'startupProbe'>;
}

const CELERY_APP = '--app=superset.tasks.celery_app:app';

/** Celery beat keeps its pidfile and schedule in /tmp, which is writable under the restricted profile. */
export const BEAT_COMMAND = ['celery', CELERY_APP, 'beat', '--pidfile', '/tmp/celerybeat.pid', '--schedule', '/tmp/celerybeat-schedule'];
export const WEB_SERVER_COMMAND = ['/usr/bin/run-server.sh'];
/** Flower reads its URL prefix from the environment, so one command serves every prefix. */
export const FLOWER_COMMAND = ['/bin/sh', '-c', `exec celery ${CELERY_APP} flower --url_prefix="$SUPERSET_OPERATOR__FLOWER_URL_PREFIX"`];
/** The MCP server's port is fixed in its command, as with the operator; container port overrides do not move it. */
export const MCP_SERVER_COMMAND = ['superset', 'mcp', 'run', '--host', '0.0.0.0', '--port', '8088'];
export const WEBSOCKET_SERVER_COMMAND = ['node', 'websocket_server.js'];

/** Every managed probe shares these timings. */
const TIMING = { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 };

function httpProbe(path: string, port: number, initialDelaySeconds: number): k8s.Probe {
  return { httpGet: { path, port }, initialDelaySeconds, ...TIMING };
}

function tcpProbe(port: number, initialDelaySeconds: number): k8s.Probe {
  return { tcpSocket: { port }, initialDelaySeconds, ...TIMING };
}

/** A path under Flower's URL prefix; `/flower/` and `/flower` give the same path. */
export function underPrefix(prefix: string, path: string): string {
  return `${prefix.replace(/\/+$/, '')}${path}`;
}

const NO_PROBES = () => ({});

export const PROFILES: Record<ComponentType, ComponentProfile> = {
  'web-server': {
    port: { name: 'http', containerPort: 8088, protocol: 'TCP' },
    servicePort: 8088,
    probes: (port) => ({
      livenessProbe: httpProbe('/health', port, 15),
      readinessProbe: httpProbe('/health', port, 5),
      startupProbe: httpProbe('/health', port, 15),
    }),
  },
  'celery-worker': { probes: NO_PROBES },
  'celery-beat': { probes: NO_PROBES },
  'celery-flower': {
    port: { name: 'http', containerPort: 5555, protocol: 'TCP' },
    servicePort: 5555,
    probes: (port, urlPrefix) => ({
      livenessProbe: httpProbe(underPrefix(urlPrefix, '/healthcheck'), port, 15),
      readinessProbe: httpProbe(underPrefix(urlPrefix, '/healthcheck'), port, 5),
    }),
  },
  'mcp-server': {
    port: { name: 'mcp', containerPort: 8088, protocol: 'TCP' },
    servicePort: 8088,
    probes: (port) => ({ livenessProbe: tcpProbe(port, 15), readinessProbe: tcpProbe(port, 5) }),
  },
  'websocket-server': {
    port: { name: 'ws', containerPort: 8080, protocol: 'TCP' },
    servicePort: 8080,
    probes: (port) => ({
      livenessProbe: httpProbe('/health', port, 15),
      readinessProbe: httpProbe('/health', port, 5),
    }),
  },
};
