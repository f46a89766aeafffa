import { Testing } from 'cdk8s';
import { GatewayRouting, SupersetInstance } from '../../src';
import { BASE, find, synth } from '../util';

const GATEWAY = { gatewayRef: { name: 'public', namespace: 'gateways', sectionName: 'https' }, hostnames: ['bi.example.com'] };
const WS = { image: { repository: 'ws' } };
const ALL = { webServer: {}, websocketServer: WS, mcpServer: {}, celeryFlower: {}, celeryWorker: {} };

const route = (props: object) => find(synth({ networking: { gateway: GATEWAY }, ...props }), 'HTTPRoute', 'demo');
const table = (r: any) => r.spec.rules.map((rule: any) => [rule.matches[0].path.value, rule.backendRefs[0].name, rule.backendRefs[0].port]);

describe('GatewayRouting', () => {
  test('one HTTPRoute named after the instance attaches to the gateway with the given host names', () => {
    const r = route({ webServer: {} });
    expect(r.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(r.metadata.labels).toEqual({ 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo' });
    expect(r.spec.parentRefs).toEqual([{ name: 'public', namespace: 'gateways', sectionName: 'https' }]);
    expect(r.spec.hostnames).toEqual(['bi.example.com']);
  });

  test('routes most specific first: /ws, /mcp, /flower, /', () => {
    expect(table(route({ environment: 'Staging', ...ALL }))).toEqual([
      ['/ws', 'demo-websocket-server', 8080],
      ['/mcp', 'demo-mcp-server', 8088],
      ['/flower', 'demo-celery-flower', 5555],
      ['/', 'demo-web-server', 8088],
    ]);
    expect(route({ webServer: {} }).spec.rules[0].matches).toEqual([{ path: { type: 'PathPrefix', value: '/' } }]);
  });

  test('keeps the priority order with custom gateway paths and aims at Service ports', () => {
    const r = route({
      webServer: { service: { port: 80 } },
      websocketServer: { ...WS, service: { gatewayPath: '/a/ws', port: 9000 } },
      mcpServer: { service: { gatewayPath: '/ai' } },
      celeryFlower: { service: { gatewayPath: '/ops/flower' } },
    });
    expect(table(r)).toEqual([
      ['/a/ws', 'demo-websocket-server', 9000],
      ['/ai', 'demo-mcp-server', 8088],
      ['/ops/flower', 'demo-celery-flower', 5555],
      ['/', 'demo-web-server', 80],
    ]);
  });

  test.each([
    ['Development', true], ['Staging', true], ['Production', false], [undefined, false],
  ])('Flower is published in %s: %s', (environment, published) => {
    const props = environment === 'Development'
      ? { environment, secretKey: 'k', secretKeyFrom: undefined }
      : { environment };
    const paths = table(route({ ...props, webServer: {}, celeryFlower: {} })).map((row: any[]) => row[0]);
    expect(paths.includes('/flower')).toBe(published);
  });

  test('an explicit Flower gateway path publishes it in Production', () => {
    expect(table(route({ webServer: {}, celeryFlower: { service: { gatewayPath: '/flower' } } }))[0][0]).toBe('/flower');
  });

  test('user labels sit under the managed ones; annotations pass through', () => {
    const r = route({
      webServer: {},
      networking: { gateway: { ...GATEWAY, labels: { 'team': 'bi', 'app.kubernetes.io/name': 'x' }, annotations: { a: 'b' } } },
    });
    expect(r.metadata.labels).toEqual({ 'team': 'bi', 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo' });
    expect(r.metadata.annotations).toEqual({ a: 'b' });
  });

  test('works on its own with an instance', () => {
    const chart = Testing.chart();
    const instance = new SupersetInstance(chart, 'demo', { ...BASE, webServer: {} });
    const routing = new GatewayRouting(chart, 'Route', { instance, gatewayRef: { name: 'gw' } });
    expect(routing.route.name).toBe('demo');
    expect(find(Testing.synth(chart), 'HTTPRoute', 'demo').spec.rules).toHaveLength(1);
  });

  test('fails on its own for an instance without a routable component', () => {
    const chart = Testing.chart();
    const instance = new SupersetInstance(chart, 'demo', { ...BASE, celeryWorker: {} });
    expect(() => new GatewayRouting(chart, 'Route', { instance, gatewayRef: { name: 'gw' } }))
      .toThrow(/GatewayRouting 'Route': instance: instance 'demo' has no routable component/);
  });

  test('fails on its own for a host name that is not RFC 1123', () => {
    const chart = Testing.chart();
    const instance = new SupersetInstance(chart, 'demo', { ...BASE, webServer: {} });
    expect(() => new GatewayRouting(chart, 'Route', { instance, gatewayRef: { name: 'gw' }, hostnames: ['Not A Host!'] }))
      .toThrow(/GatewayRouting 'Route': hostnames\[0\]: must be an RFC 1123 hostname.*got "Not A Host!"/);
  });

  test('fails when gateway and ingress are both set, or nothing is routable', () => {
    expect(() => synth({ webServer: {}, networking: { gateway: GATEWAY, ingress: {} } })).toThrow(/gateway and ingress are mutually exclusive/);
    expect(() => synth({ celeryWorker: {}, networking: { gateway: GATEWAY } })).toThrow(/requires at least one component with a routable service/);
    expect(() => synth({ webServer: {}, networking: { gateway: { gatewayRef: { name: 'gw' }, hostnames: ['*.Example.com'] } } }))
      .toThrow(/networking\.gateway\.hostnames\[0\]/);
  });
});
