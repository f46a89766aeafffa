import { Testing } from 'cdk8s';
import { IngressRouting, SupersetInstance } from '../../src';
import { BASE, find, synth } from '../util';

const ingress = (networking: object, props: object = { webServer: {} }) => find(synth({ ...props, networking: { ingress: networking } }), 'Ingress', 'demo');
const paths = (rule: any) => rule.http.paths.map((p: any) => [p.path, p.pathType, p.backend.service.name, p.backend.service.port.number]);

describe('IngressRouting', () => {
  test('a host without paths gets one Prefix path per component, most specific first', () => {
    const i = ingress({ host: 'bi.example.com', className: 'nginx' }, {
      environment: 'Staging', webServer: {}, mcpServer: {}, celeryFlower: {}, websocketServer: { image: { repository: 'ws' } },
    });
    expect(i.apiVersion).toBe('networking.k8s.io/v1');
    expect(i.spec.ingressClassName).toBe('nginx');
    expect(i.spec.rules).toHaveLength(1);
    expect(i.spec.rules[0].host).toBe('bi.example.com');
    expect(paths(i.spec.rules[0])).toEqual([
      ['/ws', 'Prefix', 'demo-websocket-server', 8080],
      ['/mcp', 'Prefix', 'demo-mcp-server', 8088],
      ['/flower', 'Prefix', 'demo-celery-flower', 5555],
      ['/', 'Prefix', 'demo-web-server', 8088],
    ]);
  });

  test('a host with explicit paths routes only to the web server', () => {
    const i = ingress({ hosts: [{ host: 'a.example.com', paths: [{ path: '/superset', pathType: 'ImplementationSpecific' }, {}] }, { host: 'b.example.com' }] },
      { webServer: { service: { port: 80 } }, mcpServer: {} });
    expect(paths(i.spec.rules[0])).toEqual([
      ['/superset', 'ImplementationSpecific', 'demo-web-server', 80],
      ['/', 'Prefix', 'demo-web-server', 80],
    ]);
    expect(paths(i.spec.rules[1])).toEqual([['/mcp', 'Prefix', 'demo-mcp-server', 8088], ['/', 'Prefix', 'demo-web-server', 80]]);
  });

  test('without host or hosts, one rule answers every host', () => {
    const i = ingress({});
    expect(i.spec.rules).toEqual([{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'demo-web-server', port: { number: 8088 } } } }] } }]);
  });

  test('tls passes through; a legacy class annotation is kept as given; labels under managed ones', () => {
    const i = ingress({
      host: 'bi.example.com',
      tls: [{ hosts: ['bi.example.com'], secretName: 'bi-tls' }],
      annotations: { 'kubernetes.io/ingress.class': 'nginx', 'cert-manager.io/cluster-issuer': 'letsencrypt' },
      labels: { team: 'bi' },
    });
    expect(i.spec.tls).toEqual([{ hosts: ['bi.example.com'], secretName: 'bi-tls' }]);
    expect(i.spec.ingressClassName).toBeUndefined();
    expect(i.metadata.annotations).toEqual({ 'kubernetes.io/ingress.class': 'nginx', 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    expect(i.metadata.labels).toEqual({ 'team': 'bi', 'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo' });
  });

  test('fails without a web server', () => {
    expect(() => synth({ mcpServer: {}, networking: { ingress: { host: 'x.example.com' } } })).toThrow(/spec\.networking\.ingress requires spec\.webServer/);
  });

  test('fails on its own for a host that is not RFC 1123', () => {
    const chart = Testing.chart();
    const instance = new SupersetInstance(chart, 'demo', { ...BASE, webServer: {} });
    expect(() => new IngressRouting(chart, 'Ingress', { instance, hosts: [{ host: 'BI.example.com' }] }))
      .toThrow(/IngressRouting 'Ingress': hosts\[0\]\.host: must be an RFC 1123 hostname.*got "BI.example.com"/);
  });
});
