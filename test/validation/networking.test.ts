import { expectProblem, expectValid, withMinimal } from './helpers';

const GATEWAY = { gatewayRef: { name: 'gateway', namespace: 'infra' }, hostnames: ['superset.example.com'] };

describe('networking rules', () => {
  test('fails when networking.ingress is set without webServer', () => {
    const props = withMinimal({ celeryFlower: {}, networking: { ingress: { host: 'superset.example.com' } } });
    expectProblem(props, 'networking.ingress', 'spec.networking.ingress requires spec.webServer to be set',
      'got {"host":"superset.example.com"}', 'add webServer: {}');
  });

  test('fails when networking.gateway is set without a routable component', () => {
    expectProblem(withMinimal({ celeryWorker: {}, networking: { gateway: GATEWAY } }), 'networking.gateway',
      'spec.networking.gateway requires at least one component with a routable service', 'got {"gatewayRef":');
  });

  test('fails when gateway and ingress are both set', () => {
    expectProblem(withMinimal({ webServer: {}, networking: { gateway: GATEWAY, ingress: {} } }), 'networking',
      'gateway and ingress are mutually exclusive', 'got {"gateway":');
  });

  test('accepts a gateway in front of any routable component', () => {
    for (const component of ['webServer', 'celeryFlower', 'mcpServer']) {
      expectValid(withMinimal({ [component]: {}, networking: { gateway: GATEWAY } }));
    }
    expectValid(withMinimal({ websocketServer: { image: { repository: 'ws' } }, networking: { gateway: GATEWAY } }));
  });

  test('fails when webServer.service.gatewayPath is set, since the web server is always at /', () => {
    expectProblem(withMinimal({ webServer: { service: { gatewayPath: '/superset' } } }), 'webServer.service.gatewayPath',
      'has no effect: the web server is always routed at /', 'got "/superset"', 'remove it');
  });

  test('fails when networking.ingress.host is set together with hosts', () => {
    expectProblem(withMinimal({ webServer: {}, networking: { ingress: { host: 'a.example.com', hosts: [{ host: 'b.example.com' }] } } }),
      'networking.ingress.host', 'has no effect when networking.ingress.hosts is set', 'got "a.example.com"');
  });
});
