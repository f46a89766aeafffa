import { errorOf, expectProblem, MINIMAL, problemsOf, withMinimal } from './helpers';

/** A test case: name, extra props, path, then fragments of the expected problem. */
type Case = [string, object, string, ...string[]];

/*
 * The structure check: JSON types, unknown fields, required fields, enums and ranges of the operator's CRD,
 * reported at the path the user wrote.
 */

describe('types', () => {
  test.each<Case>([
    ['a string field holds a number', { config: 42 }, 'config', 'must be a string', 'got 42'],
    ['an integer field holds a string', { replicas: '2' }, 'replicas', 'must be an integer >= 0', 'got "2"'],
    ['an integer field holds a fraction', { webServer: { gunicorn: { workers: 1.5 } } }, 'webServer.gunicorn.workers',
      'must be an integer >= 1', 'got 1.5'],
    ['an integer field holds NaN', { replicas: NaN }, 'replicas', 'must be an integer >= 0', 'got NaN'],
    ['a boolean field holds a string', { suspend: 'true' }, 'suspend', 'must be true or false', 'got "true"'],
    ['a component is not an object', { webServer: true }, 'webServer', 'must be an object', 'got true'],
    ['a component is null (an empty YAML key)', { celeryWorker: null }, 'celeryWorker', 'must be an object', 'got null'],
    ['a list field holds a string', { lifecycle: { migrate: { command: 'superset db upgrade' } } },
      'lifecycle.migrate.command', 'must be a list', 'got "superset db upgrade"'],
    ['a list item has the wrong type', { lifecycle: { migrate: { command: ['superset', 1] } } },
      'lifecycle.migrate.command[1]', 'must be a string', 'got 1'],
    ['a feature flag is not a boolean', { featureFlags: { ALERT_REPORTS: 'yes' } }, 'featureFlags["ALERT_REPORTS"]',
      'must be true or false', 'got "yes"'],
    ['a map is a list', { podTemplate: { labels: ['a'] } }, 'podTemplate.labels', 'must be an object', 'got ["a"]'],
    ['a Kubernetes object is a list', { podTemplate: { affinity: [] } }, 'podTemplate.affinity',
      'must be an object (a Kubernetes core/v1 Affinity)', 'got []'],
    ['a Kubernetes list is an object', { webServer: { podTemplate: { tolerations: {} } } },
      'webServer.podTemplate.tolerations', 'must be a list', 'got {}'],
    ['a Kubernetes container field is a string', { podTemplate: { container: { livenessProbe: 'http' } } },
      'podTemplate.container.livenessProbe', 'must be an object (a Kubernetes core/v1 Probe)', 'got "http"'],
  ])('fails when %s', (_name, extra, path, ...fragments) => {
    expectProblem(withMinimal(extra), path, ...fragments);
  });

  test('fails when the props are not an object', () => {
    expect(errorOf(null)).toBe('SupersetInstance \'superset\': props: must be an object, got null');
    expect(errorOf('image: 6.1.0')).toContain('props: must be an object, got "image: 6.1.0"');
  });

  test('fails when a secret field has the wrong type, without showing its value', () => {
    const problems = problemsOf(withMinimal({ environment: 'Development', secretKey: 123456, secretKeyFrom: undefined }));
    expect(problems).toContain('secretKey: must be a string, got <hidden>');
    expect(problems.join('\n')).not.toContain('123456');
  });
});

describe('unknown fields', () => {
  test.each<Case>([
    ['a top-level field is misspelt', { webserver: {} }, 'webserver', 'unknown field', 'got {}',
      'did you mean \'webServer\'?'],
    ['a component field is misspelt', { webServer: { replica: 2 } }, 'webServer.replica', 'unknown field', 'got 2',
      'did you mean \'replicas\'?'],
    ['a nested field has the wrong case', { webServer: { service: { nodeport: 30080, type: 'NodePort' } } },
      'webServer.service.nodeport', 'unknown field', 'got 30080', 'did you mean \'nodePort\'?'],
    ['a field resembles nothing', { banana: 1 }, 'banana', 'unknown field', 'got 1', 'remove it'],
    ['a field is named like an Object.prototype member', { constructor: 1 }, 'constructor', 'unknown field', 'got 1'],
    ['a component field is named toString', { celeryBeat: { toString: 'x' } }, 'celeryBeat.toString', 'unknown field'],
    ['celeryBeat sets replicas', { celeryBeat: { replicas: 2 } }, 'celeryBeat.replicas', 'unknown field', 'got 2',
      'celery beat is a singleton'],
    ['celeryBeat sets autoscaling', { celeryBeat: { autoscaling: { maxReplicas: 2 } } }, 'celeryBeat.autoscaling',
      'unknown field', 'got {"maxReplicas":2}', 'singleton'],
    ['celeryBeat sets a disruption budget', { celeryBeat: { podDisruptionBudget: { minAvailable: 1 } } },
      'celeryBeat.podDisruptionBudget', 'unknown field', 'singleton'],
    ['a Service sets loadBalancerIP', { webServer: { service: { type: 'LoadBalancer', loadBalancerIP: '10.0.0.1' } } },
      'webServer.service.loadBalancerIP', 'unknown field', 'got "10.0.0.1"', 'deprecated in Kubernetes'],
    ['lifecycle sets a field only components have', { lifecycle: { deploymentTemplate: {} } },
      'lifecycle.deploymentTemplate', 'unknown field'],
    ['the websocket server sets bootstrapScript', { websocketServer: { image: { repository: 'ws' }, bootstrapScript: 'x' } },
      'websocketServer.bootstrapScript', 'unknown field'],
    ['a container port has an unknown field',
      { podTemplate: { container: { ports: [{ containerPort: 80, hostport: 80 }] } } },
      'podTemplate.container.ports[0].hostport', 'unknown field', 'did you mean \'hostPort\'?'],
  ])('fails when %s', (_name, extra, path, ...fragments) => {
    expectProblem(withMinimal(extra), path, ...fragments);
  });

  test('fails when a misspelt secret field is given, without showing its value', () => {
    const problems = problemsOf(withMinimal({ valkey: { host: 'v', pasword: 'hunter2' } }));
    expect(problems).toContain('valkey.pasword: unknown field, got <hidden>; did you mean \'password\'?');
  });

  test('ignores fields set to undefined', () => {
    expect(errorOf(withMinimal({ webServer: undefined, banana: undefined }))).toBeUndefined();
  });
});

describe('required fields', () => {
  test.each([
    ['image is missing', { image: undefined }, 'image'],
    ['image.tag is missing', { image: { repository: 'r' } }, 'image.tag'],
    ['autoscaling.maxReplicas is missing', { webServer: { autoscaling: { minReplicas: 2 } } },
      'webServer.autoscaling.maxReplicas'],
    ['valkey.host is missing', { valkey: { port: 6379 } }, 'valkey.host'],
    ['a Secret reference has no key', { secretKeyFrom: { name: 's' } }, 'secretKeyFrom.key'],
    ['a Secret reference has no name', { metastore: { uriFrom: { key: 'uri' } } }, 'metastore.uriFrom.name'],
    ['an image pull secret has no name', { image: { tag: '6.1.0', pullSecrets: [{}] } }, 'image.pullSecrets[0].name'],
    ['lifecycle.seed has no source', {
      environment: 'Staging',
      metastore: { host: 'db', database: 'd', username: 'u' },
      lifecycle: { seed: {} },
    }, 'lifecycle.seed.source'],
    ['the seed source has no host', {
      environment: 'Staging',
      lifecycle: {
        seed: { source: { database: 'd', username: 'u', passwordFrom: { name: 's', key: 'k' } } },
      },
    }, 'lifecycle.seed.source.host'],
    ['networking.gateway has no gatewayRef', { webServer: {}, networking: { gateway: {} } }, 'networking.gateway.gatewayRef'],
    ['gatewayRef has no name', { webServer: {}, networking: { gateway: { gatewayRef: { namespace: 'gw' } } } },
      'networking.gateway.gatewayRef.name'],
    ['a container port has no containerPort', { mcpServer: { podTemplate: { container: { ports: [{ name: 'mcp' }] } } } },
      'mcpServer.podTemplate.container.ports[0].containerPort'],
  ])('fails when %s', (_name, extra, path) => {
    expectProblem(withMinimal(extra), path, 'is required');
  });

  test('a missing required field says what to add and what kind of value it takes', () => {
    expectProblem(withMinimal({ webServer: {}, networking: { gateway: {} } }), 'networking.gateway.gatewayRef',
      'is required; add gatewayRef (an object with name)');
    expectProblem(withMinimal({ valkey: { host: 'v' }, celeryWorker: { queueScaling: {} } }), 'celeryWorker.queueScaling.maxReplicas',
      'is required; add maxReplicas (an integer >= 1)');
  });

  test.each<Case>([
    ['image.tag is empty', { image: { tag: '' } }, 'image.tag', 'must not be empty', 'got ""'],
    ['a Secret reference has an empty name', { secretKeyFrom: { name: '', key: 'k' } }, 'secretKeyFrom.name',
      'must not be empty'],
  ])('fails when %s', (_name, extra, path, ...fragments) => {
    expectProblem(withMinimal(extra), path, ...fragments);
  });
});

describe('enums', () => {
  const WS = { image: { repository: 'ws' } };
  test.each([
    ['environment', { environment: 'production' }, 'environment', 'Production'],
    ['image.pullPolicy', { image: { tag: '6.1.0', pullPolicy: 'always' } }, 'image.pullPolicy', 'Always'],
    ['a component image pullPolicy', { celeryWorker: { image: { pullPolicy: 'Sometimes' } } },
      'celeryWorker.image.pullPolicy', undefined],
    ['service.type', { webServer: { service: { type: 'Nodeport' } } }, 'webServer.service.type', 'NodePort'],
    ['gunicorn.workerClass', { webServer: { gunicorn: { workerClass: 'gthreads' } } }, 'webServer.gunicorn.workerClass',
      'gthread'],
    ['gunicorn.logLevel', { webServer: { gunicorn: { logLevel: 'warn' } } }, 'webServer.gunicorn.logLevel', 'warning'],
    ['a sizing preset', { sqlaEngineOptions: { preset: 'balance' } }, 'sqlaEngineOptions.preset', 'balanced'],
    ['celery.pool', { celeryWorker: { celery: { pool: 'thread' } } }, 'celeryWorker.celery.pool', 'threads'],
    ['celery.optimization', { celeryWorker: { celery: { optimization: 'fast' } } }, 'celeryWorker.celery.optimization',
      'fair'],
    ['metastore.type', { metastore: { type: 'Postgres', uriFrom: { name: 's', key: 'k' } } }, 'metastore.type',
      'PostgreSQL'],
    ['valkey.ssl.certRequired', { valkey: { host: 'v', ssl: { certRequired: 'yes' } } }, 'valkey.ssl.certRequired',
      undefined],
    ['lifecycle.upgradeMode', { lifecycle: { upgradeMode: 'Manual' } }, 'lifecycle.upgradeMode', undefined],
    ['podRetention.policy', { lifecycle: { podRetention: { policy: 'Keep' } } }, 'lifecycle.podRetention.policy',
      undefined],
    ['dnsPolicy', { websocketServer: { ...WS, podTemplate: { dnsPolicy: 'clusterfirst' } } },
      'websocketServer.podTemplate.dnsPolicy', 'ClusterFirst'],
    ['an Ingress pathType', { webServer: {}, networking: { ingress: { hosts: [{ paths: [{ pathType: 'prefix' }] }] } } },
      'networking.ingress.hosts[0].paths[0].pathType', 'Prefix'],
    ['a container port protocol', { podTemplate: { container: { ports: [{ containerPort: 80, protocol: 'tcp' }] } } },
      'podTemplate.container.ports[0].protocol', 'TCP'],
  ])('fails when %s is not one of the allowed values', (_name, extra, path, suggestion) => {
    expectProblem(withMinimal(extra), path, 'must be one of', ...(suggestion ? [`did you mean '${suggestion}'?`] : []));
  });

  test('shows the allowed values and the value given', () => {
    expectProblem(withMinimal({ environment: 'prod' }), 'environment',
      'must be one of \'Development\', \'Staging\', \'Production\', got "prod"');
  });
});

describe('ranges', () => {
  test.each<Case>([
    ['autoscaling.maxReplicas is above 100', { autoscaling: { maxReplicas: 101 } }, 'autoscaling.maxReplicas',
      'must be an integer in 1-100', 'got 101'],
    ['autoscaling.minReplicas is 0', { webServer: { autoscaling: { minReplicas: 0, maxReplicas: 2 } } },
      'webServer.autoscaling.minReplicas', 'must be an integer >= 1', 'got 0'],
    ['service.nodePort is outside 30000-32767', { webServer: { service: { type: 'NodePort', nodePort: 8080 } } },
      'webServer.service.nodePort', 'must be an integer in 30000-32767', 'got 8080'],
    ['gunicorn.timeout is 0', { webServer: { gunicorn: { timeout: 0 } } }, 'webServer.gunicorn.timeout',
      'must be an integer >= 1', 'got 0'],
    ['gunicorn.keepAlive is negative', { webServer: { gunicorn: { keepAlive: -1 } } }, 'webServer.gunicorn.keepAlive',
      'must be an integer >= 0', 'got -1'],
    ['celery.concurrency is 0', { celeryWorker: { celery: { concurrency: 0 } } }, 'celeryWorker.celery.concurrency',
      'must be an integer >= 1', 'got 0'],
    ['sqlaEngineOptions.poolSize is negative', { mcpServer: { sqlaEngineOptions: { poolSize: -1 } } },
      'mcpServer.sqlaEngineOptions.poolSize', 'must be an integer >= 0', 'got -1'],
    ['a task maxRetries is 0', { lifecycle: { migrate: { maxRetries: 0 } } }, 'lifecycle.migrate.maxRetries',
      'must be an integer >= 1', 'got 0'],
    ['replicas is negative', { celeryFlower: { replicas: -1 } }, 'celeryFlower.replicas', 'must be an integer >= 0',
      'got -1'],
    ['terminationGracePeriodSeconds is negative', { podTemplate: { terminationGracePeriodSeconds: -5 } },
      'podTemplate.terminationGracePeriodSeconds', 'must be an integer >= 0', 'got -5'],
    ['deploymentTemplate.revisionHistoryLimit is negative', { deploymentTemplate: { revisionHistoryLimit: -1 } },
      'deploymentTemplate.revisionHistoryLimit', 'must be an integer >= 0', 'got -1'],
    ['a Valkey database number is negative', { valkey: { host: 'v', cache: { database: -1 } } }, 'valkey.cache.database',
      'must be an integer >= 0', 'got -1'],
    ['the maintenance page replicas is negative', { lifecycle: { maintenancePage: { replicas: -1 } } },
      'lifecycle.maintenancePage.replicas', 'must be an integer >= 0', 'got -1'],
    ['a disruption budget is a bare number string', { podDisruptionBudget: { minAvailable: '50' } },
      'podDisruptionBudget.minAvailable', 'must be a non-negative integer or a percentage such as \'25%\'', 'got "50"'],
    ['a disruption budget is negative', { webServer: { podDisruptionBudget: { maxUnavailable: -1 } } },
      'webServer.podDisruptionBudget.maxUnavailable', 'must be a non-negative integer or a percentage', 'got -1'],
  ])('fails when %s', (_name, extra, path, ...fragments) => {
    expectProblem(withMinimal(extra), path, ...fragments);
  });

  test('accepts percentages and integers in a disruption budget', () => {
    const webServer = { podDisruptionBudget: { maxUnavailable: 1 } };
    expect(errorOf({ ...MINIMAL, podDisruptionBudget: { minAvailable: '50%' }, webServer })).toBeUndefined();
  });
});

describe('text', () => {
  test('a lone surrogate, which no YAML or JSON file can carry, is refused where it is', () => {
    const problems = problemsOf(withMinimal({
      config: 'X = 1\ud800',
      podTemplate: { annotations: { note: '\udc00' }, container: { env: [{ name: 'A', value: 'x\ud83d' }] } },
      environment: 'Development',
      websocketServer: { image: { repository: 'ws' }, config: { key: '\ud800' } },
    }));
    expect(problems.map((p) => p.split(': ')[0])).toEqual(expect.arrayContaining([
      'config', 'podTemplate.annotations["note"]', 'podTemplate.container.env[0].value', 'websocketServer.config["key"]',
    ]));
    expect(problems.filter((p) => p.includes('lone surrogate'))).toHaveLength(4);
  });
});
