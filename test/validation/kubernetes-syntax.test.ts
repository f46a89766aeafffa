import { expectProblem, withMinimal } from './helpers';

/*
 * Kubernetes, Gateway API and Prometheus syntax the operator's CRD cannot express (or expresses as a pattern),
 * checked wherever it occurs in the props.
 */

const WS = { repository: 'ws' };
const DEV_STRUCTURED_METASTORE = { host: 'db', database: 'd', username: 'u', passwordFrom: { name: 's', key: 'k' } };
const SEED = { source: { host: 'h', database: 'd', username: 'u', passwordFrom: { name: 's', key: 'k' } } };

/** A pod template whose container has one port. */
function badPort(containerPort: number): object {
  return { container: { ports: [{ name: 'http', containerPort }] } };
}

describe('ports must be in 1-65535', () => {
  test.each([
    ['webServer.service.port', { webServer: { service: { port: 70000 } } }, 70000],
    ['celeryFlower.service.port', { celeryFlower: { service: { port: 0 } } }, 0],
    ['websocketServer.service.port', { websocketServer: { image: WS, service: { port: 65536 } } }, 65536],
    ['mcpServer.service.port', { mcpServer: { service: { port: -1 } } }, -1],
    ['metastore.port', { metastore: { host: 'db', database: 'd', username: 'u', port: 0 } }, 0],
    ['valkey.port', { valkey: { host: 'v', port: 99999 } }, 99999],
    ['networking.gateway.gatewayRef.port',
      { webServer: {}, networking: { gateway: { gatewayRef: { name: 'gw', port: 0 } } } }, 0],
    ['lifecycle.seed.source.port', {
      environment: 'Staging',
      metastore: DEV_STRUCTURED_METASTORE,
      lifecycle: { seed: { source: { ...SEED.source, port: 70000 } } },
    }, 70000],
    ['podTemplate.container.ports[0].containerPort', { podTemplate: badPort(0) }, 0],
    ['webServer.podTemplate.container.ports[0].containerPort', { webServer: { podTemplate: badPort(70000) } }, 70000],
    ['celeryWorker.podTemplate.container.ports[0].containerPort', { celeryWorker: { podTemplate: badPort(0) } }, 0],
    ['celeryBeat.podTemplate.container.ports[0].containerPort', { celeryBeat: { podTemplate: badPort(0) } }, 0],
    ['celeryFlower.podTemplate.container.ports[0].containerPort', { celeryFlower: { podTemplate: badPort(0) } }, 0],
    ['websocketServer.podTemplate.container.ports[0].containerPort',
      { websocketServer: { image: WS, podTemplate: badPort(0) } }, 0],
    ['mcpServer.podTemplate.container.ports[0].containerPort', { mcpServer: { podTemplate: badPort(0) } }, 0],
    ['lifecycle.podTemplate.container.ports[0].containerPort', { lifecycle: { podTemplate: badPort(0) } }, 0],
    ['lifecycle.maintenancePage.podTemplate.container.ports[0].containerPort',
      { lifecycle: { maintenancePage: { podTemplate: badPort(0) } } }, 0],
    ['podTemplate.container.ports[0].hostPort',
      { podTemplate: { container: { ports: [{ containerPort: 80, hostPort: 0 }] } } }, 0],
  ])('fails when %s is out of range', (path, extra, value) => {
    expectProblem(withMinimal(extra), path, 'must be an integer in 1-65535', `got ${value}`);
  });

  test('fails when a port is a string', () => {
    expectProblem(withMinimal({ webServer: { service: { port: '8088' } } }), 'webServer.service.port',
      'must be an integer in 1-65535', 'got "8088"');
  });

  test('fails when a container port name is not an IANA service name', () => {
    expectProblem(withMinimal({ podTemplate: { container: { ports: [{ name: 'HTTP_8088', containerPort: 8088 }] } } }),
      'podTemplate.container.ports[0].name', 'must be an IANA service name', 'got "HTTP_8088"');
  });
});

describe('label keys and values', () => {
  const LABEL_MAPS: [string, (labels: object) => object][] = [
    ['podTemplate.labels', (labels) => ({ podTemplate: { labels } })],
    ['deploymentTemplate.labels', (labels) => ({ deploymentTemplate: { labels } })],
    ['podTemplate.nodeSelector', (nodeSelector) => ({ podTemplate: { nodeSelector } })],
    ['celeryWorker.podTemplate.labels', (labels) => ({ celeryWorker: { podTemplate: { labels } } })],
    ['celeryBeat.deploymentTemplate.labels', (labels) => ({ celeryBeat: { deploymentTemplate: { labels } } })],
    ['lifecycle.podTemplate.labels', (labels) => ({ lifecycle: { podTemplate: { labels } } })],
    ['webServer.service.labels', (labels) => ({ webServer: { service: { labels } } })],
    ['celeryFlower.service.labels', (labels) => ({ celeryFlower: { service: { labels } } })],
    ['networking.gateway.labels',
      (labels) => ({ webServer: {}, networking: { gateway: { gatewayRef: { name: 'gw' }, labels } } })],
    ['networking.ingress.labels', (labels) => ({ webServer: {}, networking: { ingress: { labels } } })],
    ['monitoring.serviceMonitor.labels', (labels) => ({ webServer: {}, monitoring: { serviceMonitor: { labels } } })],
  ];

  test.each(LABEL_MAPS)('fails when a key of %s is not a label key', (path, build) => {
    expectProblem(withMinimal(build({ 'team name': 'data' })), `${path}["team name"]`, 'must be a valid label key',
      'got "team name"');
  });

  test.each(LABEL_MAPS)('fails when a value of %s is not a label value', (path, build) => {
    expectProblem(withMinimal(build({ team: 'data team' })), `${path}["team"]`, 'must be a valid label value',
      'got "data team"');
  });

  test('fails when a label value is too long', () => {
    expectProblem(withMinimal({ podTemplate: { labels: { team: 'a'.repeat(64) } } }), 'podTemplate.labels["team"]',
      'must be a valid label value', 'at most 63');
  });

  test('fails when a label value is not a string', () => {
    expectProblem(withMinimal({ podTemplate: { labels: { replicas: 3 } } }), 'podTemplate.labels["replicas"]',
      'must be a string', 'got 3');
  });
});

describe('annotation keys', () => {
  test.each([
    ['serviceAccount.annotations', { serviceAccount: { annotations: { 'iam role': 'x' } } }],
    ['podTemplate.annotations', { podTemplate: { annotations: { 'iam role': 'x' } } }],
    ['deploymentTemplate.annotations', { deploymentTemplate: { annotations: { 'iam role': 'x' } } }],
    ['mcpServer.service.annotations', { mcpServer: { service: { annotations: { 'iam role': 'x' } } } }],
    ['networking.ingress.annotations', { webServer: {}, networking: { ingress: { annotations: { 'iam role': 'x' } } } }],
    ['networking.gateway.annotations',
      { webServer: {}, networking: { gateway: { gatewayRef: { name: 'gw' }, annotations: { 'iam role': 'x' } } } }],
  ])('fails when a key of %s is not an annotation key', (path, extra) => {
    expectProblem(withMinimal(extra), `${path}["iam role"]`, 'must be a valid annotation key', 'got "iam role"');
  });

  test('fails when an annotation value is not a string', () => {
    expectProblem(withMinimal({ serviceAccount: { annotations: { 'eks.amazonaws.com/role-arn': 42 } } }),
      'serviceAccount.annotations["eks.amazonaws.com/role-arn"]', 'must be a string', 'got 42');
  });
});

describe('names', () => {
  test('fails when namespace is not a DNS label', () => {
    expectProblem(withMinimal({ namespace: 'Data_Platform' }), 'namespace', 'must be a DNS label', 'got "Data_Platform"');
  });

  test('fails when serviceAccount.name is not a DNS subdomain', () => {
    expectProblem(withMinimal({ serviceAccount: { name: 'Superset SA' } }), 'serviceAccount.name', 'must be a DNS subdomain',
      'got "Superset SA"');
  });

  test('fails when priorityClassName is not a DNS subdomain', () => {
    expectProblem(withMinimal({ podTemplate: { priorityClassName: 'High_Priority' } }), 'podTemplate.priorityClassName',
      'must be a DNS subdomain', 'got "High_Priority"');
  });

  test('fails when runtimeClassName is not a DNS subdomain', () => {
    expectProblem(withMinimal({ webServer: { podTemplate: { runtimeClassName: 'gVisor' } } }),
      'webServer.podTemplate.runtimeClassName', 'must be a DNS subdomain', 'got "gVisor"');
  });

  test('fails when the Ingress className is not a DNS subdomain', () => {
    expectProblem(withMinimal({ webServer: {}, networking: { ingress: { className: 'NGINX' } } }),
      'networking.ingress.className', 'must be a DNS subdomain', 'got "NGINX"');
  });
});

describe('routes', () => {
  const GATEWAY = (extra: object) => ({ webServer: {}, networking: { gateway: { gatewayRef: { name: 'gw' }, ...extra } } });

  test('fails when a gateway hostname is not an RFC 1123 hostname', () => {
    expectProblem(withMinimal(GATEWAY({ hostnames: ['superset.example.com', 'Superset.Example.com'] })),
      'networking.gateway.hostnames[1]', 'must be an RFC 1123 hostname', 'got "Superset.Example.com"');
  });

  test('fails when a gateway hostname is an IP address', () => {
    expectProblem(withMinimal(GATEWAY({ hostnames: ['10.0.0.1'] })), 'networking.gateway.hostnames[0]',
      'not an IP address', 'got "10.0.0.1"');
  });

  test('fails when the Ingress host is not an RFC 1123 hostname', () => {
    expectProblem(withMinimal({ webServer: {}, networking: { ingress: { host: 'https://superset.example.com' } } }),
      'networking.ingress.host', 'must be an RFC 1123 hostname', 'got "https://superset.example.com"');
  });

  test('fails when an Ingress hosts entry is not an RFC 1123 hostname', () => {
    expectProblem(withMinimal({ webServer: {}, networking: { ingress: { hosts: [{ host: 'bad_host' }] } } }),
      'networking.ingress.hosts[0].host', 'must be an RFC 1123 hostname', 'got "bad_host"');
  });

  test('fails when an Ingress path is not absolute', () => {
    expectProblem(withMinimal({ webServer: {}, networking: { ingress: { hosts: [{ paths: [{ path: 'api' }] }] } } }),
      'networking.ingress.hosts[0].paths[0].path', 'must be an absolute path', 'got "api"');
  });

  test.each([
    ['webServer', {}],
    ['celeryFlower', {}],
    ['websocketServer', { image: WS }],
    ['mcpServer', {}],
  ])('fails when %s.service.gatewayPath does not match the pattern', (component, extra) => {
    expectProblem(withMinimal({ [component]: { ...extra, service: { gatewayPath: 'flower' } } }),
      `${component}.service.gatewayPath`, 'must match ^/[a-zA-Z0-9/_.-]+$', 'got "flower"');
  });

  test('fails when gatewayRef.namespace is not a DNS label', () => {
    expectProblem(withMinimal(GATEWAY({ gatewayRef: { name: 'gw', namespace: 'Infra' } })),
      'networking.gateway.gatewayRef.namespace', 'must be a DNS label', 'got "Infra"');
  });

  test('fails when gatewayRef.sectionName is not a DNS subdomain', () => {
    expectProblem(withMinimal(GATEWAY({ gatewayRef: { name: 'gw', sectionName: 'HTTPS' } })),
      'networking.gateway.gatewayRef.sectionName', 'must be a DNS subdomain', 'got "HTTPS"');
  });

  test('fails when gatewayRef.kind does not match the CRD pattern', () => {
    expectProblem(withMinimal(GATEWAY({ gatewayRef: { name: 'gw', kind: '1Gateway' } })),
      'networking.gateway.gatewayRef.kind', 'must match ^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$', 'got "1Gateway"');
  });

  test('fails when gatewayRef.group does not match the CRD pattern', () => {
    expectProblem(withMinimal(GATEWAY({ gatewayRef: { name: 'gw', group: 'Gateway.Networking' } })),
      'networking.gateway.gatewayRef.group', 'must match', 'got "Gateway.Networking"');
  });

  test('fails when gatewayRef.name is empty', () => {
    expectProblem(withMinimal(GATEWAY({ gatewayRef: { name: '' } })), 'networking.gateway.gatewayRef.name',
      'must be 1 to 253 characters long', 'got ""');
  });
});

describe('schedules and durations', () => {
  test('fails when lifecycle.seed.cronSchedule is a macro', () => {
    expectProblem(withMinimal({
      environment: 'Staging',
      metastore: DEV_STRUCTURED_METASTORE,
      lifecycle: { seed: { ...SEED, cronSchedule: '@daily' } },
    }), 'lifecycle.seed.cronSchedule',
    'must be a cron schedule of 5 to 7 fields', 'got "@daily"', 'for example \'0 3 * * *\'');
  });

  test.each(['migrate', 'rotate', 'init'])('fails when lifecycle.%s.timeout is not a Go duration', (task) => {
    const lifecycle = { [task]: { timeout: '5 minutes' } };
    expectProblem(withMinimal({ previousSecretKeyFrom: { name: 's', key: 'old' }, lifecycle }),
      `lifecycle.${task}.timeout`, 'must be a non-negative Go duration', 'got "5 minutes"', '\'1h30m\'');
  });

  test('fails when lifecycle.seed.timeout is a bare number', () => {
    expectProblem(withMinimal({
      environment: 'Staging',
      metastore: DEV_STRUCTURED_METASTORE,
      lifecycle: { seed: { ...SEED, timeout: '300' } },
    }), 'lifecycle.seed.timeout', 'must be a non-negative Go duration',
    'got "300"');
  });

  test('fails when serviceMonitor.interval is not a Prometheus duration', () => {
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: { interval: '1.5m' } } }),
      'monitoring.serviceMonitor.interval', 'must be a Prometheus duration', 'got "1.5m"');
  });

  test('fails when serviceMonitor.scrapeTimeout is empty', () => {
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: { scrapeTimeout: '' } } }),
      'monitoring.serviceMonitor.scrapeTimeout', 'must be a Prometheus duration', 'not empty', 'got ""');
  });
});

describe('metastore driver', () => {
  test('fails when metastore.driver does not match the CRD pattern', () => {
    expectProblem(withMinimal({ metastore: { host: 'db', database: 'd', username: 'u', driver: 'psycopg-2' } }),
      'metastore.driver', 'must match ^[A-Za-z0-9_]+$', 'got "psycopg-2"');
  });
});
