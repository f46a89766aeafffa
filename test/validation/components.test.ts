import { expectProblem, expectValid, MINIMAL, withMinimal } from './helpers';

const WS_IMAGE = { repository: 'ghcr.io/example/superset-websocket', tag: '1.0.0' };
const WS_CONFIG_REF = { name: 'ws', key: 'config.json' };

describe('websocket server rules', () => {
  test('fails when websocketServer.config is inline outside Development', () => {
    const props = withMinimal({ websocketServer: { image: WS_IMAGE, config: { jwtSecret: 'abc' } } });
    expectProblem(props, 'websocketServer.config',
      'websocketServer.config is only allowed when environment is Development', 'got <hidden>',
      'use websocketServer.configFrom');
  });

  test('fails when websocketServer.image.repository is missing', () => {
    expectProblem(withMinimal({ websocketServer: {} }), 'websocketServer.image.repository',
      'websocketServer.image.repository is required: the default Superset image does not include websocket_server.js');
  });

  test('fails when websocketServer.image.repository is empty', () => {
    expectProblem(withMinimal({ websocketServer: { image: { repository: '' } } }), 'websocketServer.image.repository',
      'websocketServer.image.repository is required', 'got ""');
  });

  test('fails when websocketServer config and configFrom are both set', () => {
    const websocketServer = { image: WS_IMAGE, config: {}, configFrom: WS_CONFIG_REF };
    expectProblem(withMinimal({ environment: 'Development', websocketServer }), 'websocketServer',
      'websocketServer.config and websocketServer.configFrom are mutually exclusive', 'got {"configFrom":');
  });

  test('accepts an inline config in Development', () => {
    expectValid({ ...MINIMAL, environment: 'Development', websocketServer: { image: WS_IMAGE, config: { port: 8080 } } });
  });
});

describe('service rules', () => {
  const ROUTABLE = ['webServer', 'celeryFlower', 'mcpServer'];

  test.each(ROUTABLE)('fails when %s.service.nodePort is set on a default (ClusterIP) Service', (c) => {
    expectProblem(withMinimal({ [c]: { service: { nodePort: 30080 } } }), `${c}.service.nodePort`,
      'nodePort is only valid when type is NodePort or LoadBalancer', 'got 30080', `set ${c}.service.type to NodePort`);
  });

  test('fails when websocketServer.service.nodePort is set with type ClusterIP', () => {
    const websocketServer = { image: WS_IMAGE, service: { type: 'ClusterIP', nodePort: 30080 } };
    expectProblem(withMinimal({ websocketServer }), 'websocketServer.service.nodePort',
      'nodePort is only valid when type is NodePort or LoadBalancer', 'got 30080');
  });

  test('accepts a node port on NodePort and LoadBalancer Services', () => {
    expectValid(withMinimal({ webServer: { service: { type: 'NodePort', nodePort: 30080 } } }));
    expectValid(withMinimal({ mcpServer: { service: { type: 'LoadBalancer', nodePort: 30081 } } }));
  });
});

describe('tuning rules', () => {
  test('fails when gunicorn threads > 1 without the gthread worker class', () => {
    expectProblem(withMinimal({ webServer: { gunicorn: { threads: 4, workerClass: 'sync' } } }), 'webServer.gunicorn.threads',
      'threads > 1 requires workerClass=gthread', 'workerClass is \'sync\'', 'got 4');
  });

  const CHILD_LIMITS = ['maxTasksPerChild', 'maxMemoryPerChild'];

  test.each(CHILD_LIMITS)('fails when celery %s is set with a pool other than prefork', (f) => {
    expectProblem(withMinimal({ celeryWorker: { celery: { pool: 'threads', [f]: 100 } } }), `celeryWorker.celery.${f}`,
      `${f} only applies to pool=prefork`, 'pool is \'threads\'', 'got 100');
  });

  test('accepts the combinations the operator accepts', () => {
    expectValid(withMinimal({ webServer: { gunicorn: { threads: 4 } } }));
    expectValid(withMinimal({ webServer: { gunicorn: { threads: 1, workerClass: 'gevent' } } }));
    expectValid(withMinimal({ celeryWorker: { celery: { pool: 'solo', maxTasksPerChild: 0 } } }));
    expectValid(withMinimal({ celeryWorker: { celery: { maxTasksPerChild: 100, maxMemoryPerChild: 200000 } } }));
  });
});

describe('celery beat', () => {
  const beatStrategy = (strategy: object) => withMinimal({ celeryBeat: { deploymentTemplate: { strategy } } });

  test('fails when celeryBeat.deploymentTemplate.strategy is RollingUpdate', () => {
    expectProblem(beatStrategy({ type: 'RollingUpdate' }), 'celeryBeat.deploymentTemplate.strategy',
      'beat is a singleton and always uses Recreate', 'got {"type":"RollingUpdate"}');
  });

  test('fails when celeryBeat.deploymentTemplate.strategy has rolling update settings', () => {
    expectProblem(beatStrategy({ rollingUpdate: { maxSurge: 1 } }), 'celeryBeat.deploymentTemplate.strategy',
      'beat is a singleton and always uses Recreate', '"rollingUpdate"');
  });

  test('accepts Recreate and an empty strategy', () => {
    expectValid(beatStrategy({ type: 'Recreate' }));
    expectValid(beatStrategy({}));
  });

  test('accepts a top-level RollingUpdate strategy with beat enabled', () => {
    expectValid(withMinimal({ deploymentTemplate: { strategy: { type: 'RollingUpdate' } }, celeryBeat: {} }));
  });
});
