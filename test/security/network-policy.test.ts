import { find, synth } from '../util';

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
    expect(p.spec.egress).toEqual([
      { ports: [{ protocol: 'UDP', port: 53 }, { protocol: 'TCP', port: 53 }] },
      { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo' } } }] },
      { ports: [{ protocol: 'TCP', port: 6432 }] },
      { ports: [{ protocol: 'TCP', port: 6380 }] },
      { ports: [{ protocol: 'TCP', port: 587 }] },
    ]);
  });

  test('restricted egress takes the metastore port from the engine default or an inline URI', () => {
    const egressPorts = (metastore: object, environment?: string) => policy({
      ...(environment ? { environment, secretKey: 'k', secretKeyFrom: undefined } : {}),
      metastore,
      webServer: {},
      networkPolicy: { egress: 'Restricted' },
    }, 'web-server').spec.egress.slice(2).map((r: any) => r.ports[0].port);
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
