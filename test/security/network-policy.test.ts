import { Testing } from 'cdk8s';
import { SupersetInstance, type SupersetInstanceProps } from '../../src';
import { BASE, find, type Manifest, synth } from '../util';

const SAME_INSTANCE = (name = 'demo') => ({ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': name } } }] });
const ALL = { webServer: {}, celeryWorker: {}, celeryBeat: {}, celeryFlower: {}, mcpServer: {}, websocketServer: { image: { repository: 'ws' } } };

const policy = (props: object, component: string) => find(synth(props), 'NetworkPolicy', `demo-${component}-netpol`);

describe('InstanceNetworkPolicy', () => {
  test('one policy per component, selecting exactly its pods', () => {
    const manifests = synth({ ...ALL, networkPolicy: {} });
    const policies = manifests.filter((m) => m.kind === 'NetworkPolicy');
    expect(policies.map((p) => p.metadata.name)).toEqual([
      'demo-web-server-netpol', 'demo-celery-worker-netpol', 'demo-celery-beat-netpol',
      'demo-celery-flower-netpol', 'demo-mcp-server-netpol', 'demo-websocket-server-netpol',
    ]);
    for (const p of policies) {
      const component = p.metadata.labels!['app.kubernetes.io/component'];
      expect(p.metadata.labels).toEqual({ 'app.kubernetes.io/name': 'superset', 'app.kubernetes.io/component': component, 'superset.apache.org/parent': 'demo' });
      expect(p.spec.podSelector.matchLabels).toEqual(find(manifests, 'Deployment', `demo-${component}`).spec.selector.matchLabels);
      expect(p.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    }
  });

  test('is absent unless networkPolicy is set', () => {
    expect(synth({ webServer: {} }).some((m) => m.kind === 'NetworkPolicy')).toBe(false);
  });

  test('public components accept their serving port from anywhere; workers only from the instance', () => {
    const props = { ...ALL, networkPolicy: {} };
    expect(policy(props, 'web-server').spec.ingress).toEqual([SAME_INSTANCE(), { ports: [{ protocol: 'TCP', port: 8088 }] }]);
    expect(policy(props, 'websocket-server').spec.ingress[1]).toEqual({ ports: [{ protocol: 'TCP', port: 8080 }] });
    expect(policy(props, 'mcp-server').spec.ingress[1]).toEqual({ ports: [{ protocol: 'TCP', port: 8088 }] });
    expect(policy(props, 'celery-worker').spec.ingress).toEqual([SAME_INSTANCE()]);
    expect(policy(props, 'celery-beat').spec.ingress).toEqual([SAME_INSTANCE()]);
  });

  test('Flower is reachable from outside only when published', () => {
    expect(policy({ celeryFlower: {}, networkPolicy: {} }, 'celery-flower').spec.ingress).toEqual([SAME_INSTANCE()]);
    expect(policy({ environment: 'Staging', celeryFlower: {}, networkPolicy: {} }, 'celery-flower').spec.ingress[1])
      .toEqual({ ports: [{ protocol: 'TCP', port: 5555 }] });
  });

  test('follows container port overrides', () => {
    const p = policy({ webServer: { podTemplate: { container: { ports: [{ name: 'http', containerPort: 9000 }] } } }, networkPolicy: {} }, 'web-server');
    expect(p.spec.ingress[1]).toEqual({ ports: [{ protocol: 'TCP', port: 9000 }] });
  });

  test('externalFrom limits the public ports to the given peers', () => {
    const gatewayNamespace = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateways' } } };
    const p = policy({ webServer: {}, networkPolicy: { externalFrom: [gatewayNamespace] } }, 'web-server');
    expect(p.spec.ingress[1]).toEqual({ ports: [{ protocol: 'TCP', port: 8088 }], from: [gatewayNamespace] });
  });

  test('egress is open by default; extra rules are appended to every policy', () => {
    const extraIngress = [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }];
    const extraEgress = [{ to: [{ ipBlock: { cidr: '10.1.0.0/16' } }], ports: [{ protocol: 'TCP', port: 443 }] }];
    const props = { webServer: {}, celeryWorker: {}, networkPolicy: { extraIngress, extraEgress } };
    for (const component of ['web-server', 'celery-worker']) {
      const p = policy(props, component);
      expect(p.spec.egress).toEqual([{}, ...extraEgress]);
      expect(p.spec.ingress.slice(-1)).toEqual(extraIngress);
    }
  });

  test('restricted egress allows DNS, the instance, the metastore and Valkey ports, then extra rules', () => {
    const p = policy({
      metastore: { host: 'pg', port: 6432, database: 'd', username: 'u' },
      valkey: { host: 'valkey', port: 6380 },
      webServer: {},
      networkPolicy: { egress: 'Restricted', extraEgress: [{ ports: [{ protocol: 'TCP', port: 587 }] }] },
    }, 'web-server');
    // One rule of ports to any destination (as separate rules would allow), then the instance, then extra rules.
    expect(p.spec.egress).toEqual([
      { ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }, { protocol: 'TCP', port: 6432 }, { protocol: 'TCP', port: 6380 }] },
      { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo' } } }] },
      { ports: [{ protocol: 'TCP', port: 587 }] },
    ]);
  });

  test('restricted egress lists a port once, however many backends listen on it', () => {
    const p = policy({
      metastore: { host: 'pg', port: 6379, database: 'd', username: 'u' }, valkey: { host: 'valkey' }, webServer: {}, networkPolicy: { egress: 'Restricted' },
    }, 'web-server');
    expect(p.spec.egress[0].ports).toEqual([{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }, { protocol: 'TCP', port: 6379 }]);
  });

  test('restricted egress takes the metastore port from the engine default or an inline URI', () => {
    const egressPorts = (metastore: object, environment?: string) => policy({
      ...(environment ? { environment, secretKey: 'k', secretKeyFrom: undefined } : {}),
      metastore,
      webServer: {},
      networkPolicy: { egress: 'Restricted' },
    }, 'web-server').spec.egress[0].ports.slice(2).map((p: any) => p.port);
    expect(egressPorts({ uriFrom: { name: 'db', key: 'uri' }, type: 'MySQL' })).toEqual([3306]);
    expect(egressPorts({ uri: 'postgresql://u:p@pg:5433/db' }, 'Development')).toEqual([5433]);
    expect(egressPorts({ uri: 'postgresql://u:p@pg/db' }, 'Development')).toEqual([5432]);
  });

  test('two instances in one namespace admit only their own pods', () => {
    const a = policy({ webServer: {}, networkPolicy: {} }, 'web-server');
    const b = find(synth({ webServer: {}, networkPolicy: {} }, 'other'), 'NetworkPolicy', 'other-web-server-netpol');
    expect(a.spec.ingress[0]).toEqual(SAME_INSTANCE('demo'));
    expect(b.spec.ingress[0]).toEqual(SAME_INSTANCE('other'));
    expect(b.spec.podSelector.matchLabels['app.kubernetes.io/instance']).toBe('other');
  });

  test('fails for an unknown egress mode', () => {
    expect(() => synth({ webServer: {}, networkPolicy: { egress: 'Closed' as never } })).toThrow(/networkPolicy\.egress/);
  });
});

describe('metricsFrom', () => {
  const MONITORING = { namespace: 'analytics', monitoring: { serviceMonitor: {} } };
  const prometheus = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
  const ingressOf = (props: object, component: string) =>
    find(synth({ ...MONITORING, ...props }), 'NetworkPolicy', `demo-${component}-netpol`).spec.ingress;

  test('the exporter\'s metrics ports are open to any source by default', () => {
    const props = { webServer: {}, celeryWorker: {}, networkPolicy: {} };
    expect(ingressOf(props, 'web-server')).toContainEqual({ ports: [{ protocol: 'TCP', port: 9102 }] });
    expect(ingressOf(props, 'celery-worker')).toEqual([SAME_INSTANCE(), { ports: [{ protocol: 'TCP', port: 9102 }] }]);
  });

  test('limits the metrics ports to its peers; externalFrom does not apply to them', () => {
    const gateway = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateways' } } };
    const props = { webServer: {}, celeryWorker: {}, networkPolicy: { externalFrom: [gateway], metricsFrom: [prometheus] } };
    expect(ingressOf(props, 'web-server')).toEqual([
      SAME_INSTANCE(),
      { ports: [{ protocol: 'TCP', port: 8088 }], from: [gateway] },
      { ports: [{ protocol: 'TCP', port: 9102 }], from: [prometheus] },
    ]);
    expect(ingressOf(props, 'celery-worker')).toEqual([SAME_INSTANCE(), { ports: [{ protocol: 'TCP', port: 9102 }], from: [prometheus] }]);
  });

  test('with monitoring, admits its peers to an unpublished Flower\'s port, where Flower serves /metrics', () => {
    const props = { webServer: {}, celeryFlower: {}, networkPolicy: { metricsFrom: [prometheus] } };
    const manifests = synth({ ...MONITORING, ...props });
    const flowerMonitor = find(manifests, 'ServiceMonitor', 'demo-celery-flower');
    expect(flowerMonitor.spec.endpoints[0].port).toBe('http');
    expect(find(manifests, 'Service', 'demo-celery-flower').spec.ports[0]).toMatchObject({ name: 'http', targetPort: 5555 });
    expect(find(manifests, 'NetworkPolicy', 'demo-celery-flower-netpol').spec.ingress)
      .toEqual([SAME_INSTANCE(), { ports: [{ protocol: 'TCP', port: 5555 }], from: [prometheus] }]);
  });

  test('follows a Flower port override', () => {
    const flower = { podTemplate: { container: { ports: [{ name: 'http', containerPort: 5566 }] } } };
    expect(ingressOf({ webServer: {}, celeryFlower: flower, networkPolicy: { metricsFrom: [prometheus] } }, 'celery-flower')[1])
      .toEqual({ ports: [{ protocol: 'TCP', port: 5566 }], from: [prometheus] });
  });

  test('never opens Flower\'s port, which also serves its UI without a login, to any source', () => {
    expect(ingressOf({ webServer: {}, celeryFlower: {}, networkPolicy: {} }, 'celery-flower')).toEqual([SAME_INSTANCE()]);
    expect(ingressOf({ webServer: {}, celeryFlower: {}, networkPolicy: { metricsFrom: [] } }, 'celery-flower')).toEqual([SAME_INSTANCE()]);
  });

  test('does not open Flower without monitoring, which would not scrape it', () => {
    expect(policy({ celeryFlower: {}, networkPolicy: { metricsFrom: [prometheus] } }, 'celery-flower').spec.ingress).toEqual([SAME_INSTANCE()]);
  });

  test('a published Flower admits its peers next to externalFrom', () => {
    const gateway = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateways' } } };
    const props = { environment: 'Staging' as const, webServer: {}, celeryFlower: {}, networkPolicy: { externalFrom: [gateway], metricsFrom: [prometheus] } };
    expect(ingressOf(props, 'celery-flower')).toEqual([
      SAME_INSTANCE(),
      { ports: [{ protocol: 'TCP', port: 5555 }], from: [gateway] },
      { ports: [{ protocol: 'TCP', port: 5555 }], from: [prometheus] },
    ]);
  });

  test('must be a list of peers', () => {
    expect(() => synth({ webServer: {}, networkPolicy: { metricsFrom: {} as never } })).toThrow(/networkPolicy\.metricsFrom/);
  });
});

describe('the lifecycle Jobs\' policy', () => {
  const METASTORE = { host: 'pg', port: 6432, database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'pw' } };
  const SOURCE = { host: 'prod', database: 'superset', username: 'r', passwordFrom: { name: 'p', key: 'k' } };
  const withLifecycle = (props: Partial<SupersetInstanceProps>) => synth({ webServer: {}, celeryWorker: {}, lifecycle: {}, ...props });
  const lifecyclePolicy = (props: Partial<SupersetInstanceProps>) => find(withLifecycle(props), 'NetworkPolicy', 'demo-lifecycle-netpol');
  const selects = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
    Object.entries(selector).every(([key, value]) => labels[key] === value);

  test('selects every lifecycle pod and no component pod', () => {
    const props = { ...ALL, environment: 'Staging' as const, metastore: METASTORE, previousSecretKeyFrom: { name: 'old', key: 'k' }, networkPolicy: {} };
    const tasks = withLifecycle({ ...props, lifecycle: { rotate: {} } });
    const seeded = withLifecycle({ ...props, lifecycle: { seed: { source: SOURCE }, rotate: {} } });
    const scheduled = withLifecycle({ ...props, lifecycle: { seed: { source: SOURCE, cronSchedule: '0 3 * * *' } } });
    for (const manifests of [tasks, seeded, scheduled]) {
      const selector = find(manifests, 'NetworkPolicy', 'demo-lifecycle-netpol').spec.podSelector.matchLabels;
      const pods = [
        ...manifests.filter((m) => m.kind === 'Job').map((m) => m.spec.template.metadata.labels),
        ...manifests.filter((m) => m.kind === 'CronJob').map((m) => m.spec.jobTemplate.spec.template.metadata.labels),
      ];
      expect(pods.length).toBeGreaterThan(0);
      for (const labels of pods) expect([labels, selects(selector, labels)]).toEqual([labels, true]);
      for (const deployment of manifests.filter((m) => m.kind === 'Deployment')) {
        expect([deployment.metadata.name, selects(selector, deployment.spec.template.metadata.labels)]).toEqual([deployment.metadata.name, false]);
      }
      // Nor pods of another instance in the namespace.
      const other = synth({ webServer: {}, lifecycle: {}, networkPolicy: {} }, 'other');
      for (const job of other.filter((m) => m.kind === 'Job')) expect(selects(selector, job.spec.template.metadata.labels)).toBe(false);
    }
    const taskOf = (m: Manifest) => m.metadata.labels?.['superset.apache.org/init-task'];
    expect(new Set([...tasks, ...seeded, ...scheduled].filter((m) => m.kind === 'Job' || m.kind === 'CronJob').map(taskOf)))
      .toEqual(new Set(['seed', 'migrate', 'rotate', 'init']));
    expect(scheduled.some((m) => m.kind === 'CronJob')).toBe(true);
  });

  test('admits only pods of the same instance; extraIngress is for the components', () => {
    const p = lifecyclePolicy({ networkPolicy: { extraIngress: [{ from: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }] } });
    expect(p.metadata).toMatchObject({ name: 'demo-lifecycle-netpol' });
    expect(p.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(p.spec.ingress).toEqual([SAME_INSTANCE()]);
  });

  test('egress is open by default, with extraEgress', () => {
    const extraEgress = [{ ports: [{ protocol: 'TCP', port: 443 }] }];
    expect(lifecyclePolicy({ networkPolicy: { extraEgress } }).spec.egress).toEqual([{}, ...extraEgress]);
  });

  test('restricted egress is the components\', plus the seed\'s source when a seed runs', () => {
    const restricted = { egress: 'Restricted' as const, extraEgress: [{ ports: [{ protocol: 'TCP', port: 443 }] }] };
    const base = { metastore: METASTORE, valkey: { host: 'valkey', port: 6380 }, networkPolicy: restricted };
    const components = find(withLifecycle(base), 'NetworkPolicy', 'demo-web-server-netpol').spec.egress;
    expect(lifecyclePolicy(base).spec.egress).toEqual(components);
    const ports = (seed: { source: object; disabled?: boolean }, metastore: object = METASTORE) => lifecyclePolicy({ ...base, metastore, environment: 'Staging', lifecycle: { seed } as never })
      .spec.egress.filter((r: any) => r.to === undefined).map((r: any) => r.ports.map((p: any) => p.port));
    expect(ports({ source: SOURCE })).toEqual([[53, 53, 6432, 6380, 5432], [443]]);
    expect(ports({ source: { ...SOURCE, type: 'MySQL' } }, { ...METASTORE, type: 'MySQL' })).toEqual([[53, 53, 6432, 6380, 3306], [443]]);
    expect(ports({ source: { ...SOURCE, port: 15432 } })).toEqual([[53, 53, 6432, 6380, 15432], [443]]);
    expect(ports({ source: SOURCE, disabled: true })).toEqual([[53, 53, 6432, 6380], [443]]);
  });

  test('is absent without the lifecycle or without networkPolicy, and exposed on the construct', () => {
    expect(withLifecycle({ networkPolicy: {}, lifecycle: { disabled: true } }).some((m) => m.metadata.name === 'demo-lifecycle-netpol')).toBe(false);
    expect(withLifecycle({}).some((m) => m.kind === 'NetworkPolicy')).toBe(false);
    const chart = Testing.chart();
    const instance = new SupersetInstance(chart, 'demo', { ...BASE, webServer: {}, lifecycle: {}, networkPolicy: {} });
    expect(instance.networkPolicy?.lifecyclePolicy?.name).toBe('demo-lifecycle-netpol');
  });
});
