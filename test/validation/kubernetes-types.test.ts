import { Testing } from 'cdk8s';
import { expectProblem, expectValid, problemsOf, withMinimal } from './helpers';
import { SupersetInstance, SupersetValidationError } from '../../src';
import type { SupersetInstanceProps } from '../../src';

/** A test case: name, extra props, path, then fragments of the expected problem. */
type Case = [string, object, string, ...string[]];

/*
 * Kubernetes types embedded in the spec are checked against the official Kubernetes 1.28 schema
 * (imports/k8s-schema.ts): JSON types, required fields, enums, formats, unknown fields and nulls, at every level.
 */

describe('Kubernetes types in the spec', () => {
  test.each<Case>([
    // Once crashes in the merge by name.
    ['a volume is null', { podTemplate: { volumes: [null] } }, 'podTemplate.volumes[0]', 'must not be null', 'got null'],
    ['a sidecar is null', { webServer: { podTemplate: { sidecars: [null] } } }, 'webServer.podTemplate.sidecars[0]',
      'must not be null'],
    ['an init container is null', { podTemplate: { initContainers: [null] } }, 'podTemplate.initContainers[0]',
      'must not be null'],
    ['an env var is null', { podTemplate: { container: { env: [null] } } }, 'podTemplate.container.env[0]',
      'must not be null'],
    ['a volume mount is null', { celeryWorker: { podTemplate: { container: { volumeMounts: [null] } } } },
      'celeryWorker.podTemplate.container.volumeMounts[0]', 'must not be null'],
    ['a host alias is null', { podTemplate: { hostAliases: [null] } }, 'podTemplate.hostAliases[0]', 'must not be null'],
    // Once copied into invalid manifests.
    ['a sidecar is a string', { webServer: { podTemplate: { sidecars: ['abc'] } } }, 'webServer.podTemplate.sidecars[0]',
      'must be an object (a Kubernetes core/v1 Container)', 'got "abc"'],
    ['an env var is a number', { podTemplate: { container: { env: [1.5] } } }, 'podTemplate.container.env[0]',
      'must be an object (a Kubernetes core/v1 EnvVar)'],
    ['an envFrom entry is a number', { podTemplate: { container: { envFrom: [3] } } }, 'podTemplate.container.envFrom[0]',
      'must be an object (a Kubernetes core/v1 EnvFromSource)', 'got 3'],
    ['a volume mount has no mountPath', { podTemplate: { container: { volumeMounts: [{ name: 'data' }] } } },
      'podTemplate.container.volumeMounts[0].mountPath', 'is required in a Kubernetes core/v1 VolumeMount'],
    ['a TLS secret name is a boolean', { networking: { ingress: { tls: [{ secretName: true }] } } },
      'networking.ingress.tls[0].secretName', 'must be a string'],
    ['an ingress host is a number', { networking: { ingress: { hosts: [3] } } }, 'networking.ingress.hosts[0]',
      'must be an object', 'got 3'],
    // Deep inside the types.
    ['a sidecar has no name', { webServer: { podTemplate: { sidecars: [{ image: 'envoy' }] } } },
      'webServer.podTemplate.sidecars[0].name', 'is required in a Kubernetes core/v1 Container'],
    ['a sidecar field is misspelt', { podTemplate: { sidecars: [{ name: 'p', image: 'envoy', imagePullPolicie: 'Always' }] } },
      'podTemplate.sidecars[0].imagePullPolicie', 'unknown field of a Kubernetes core/v1 Container',
      'did you mean \'imagePullPolicy\'?'],
    ['a pull policy is not one of Kubernetes\' values', { podTemplate: { sidecars: [{ name: 'p', imagePullPolicy: 'always' }] } },
      'podTemplate.sidecars[0].imagePullPolicy', 'must be one of \'Always\', \'IfNotPresent\', \'Never\'',
      'did you mean \'Always\'?'],
    ['a quantity is malformed', { podTemplate: { container: { resources: { limits: { cpu: '500 m' } } } } },
      'podTemplate.container.resources.limits["cpu"]', 'must be a Kubernetes quantity', 'got "500 m"'],
    ['a probe port is a boolean', { webServer: { podTemplate: { container: { livenessProbe: { httpGet: { port: true } } } } } },
      'webServer.podTemplate.container.livenessProbe.httpGet.port', 'must be an integer or a string', 'got true'],
    ['a probe threshold is beyond int32', { podTemplate: { container: { readinessProbe: { failureThreshold: 2 ** 40 } } } },
      'podTemplate.container.readinessProbe.failureThreshold', 'must be a 32-bit integer'],
    ['a toleration effect is wrong', { podTemplate: { tolerations: [{ key: 'k', effect: 'NoScheduling' }] } },
      'podTemplate.tolerations[0].effect', 'must be one of', 'did you mean \'NoSchedule\'?'],
    ['a topology spread constraint lacks its key', {
      podTemplate: { topologySpreadConstraints: [{ maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' }] },
    }, 'podTemplate.topologySpreadConstraints[0].topologyKey', 'is required'],
    ['an affinity term is a string', { podTemplate: { affinity: { nodeAffinity: 'zone-a' } } },
      'podTemplate.affinity.nodeAffinity', 'must be an object (a Kubernetes core/v1 NodeAffinity)'],
    ['a volume source field is unknown', { podTemplate: { volumes: [{ name: 'v', emptyDir: { sizeLimt: '1Gi' } }] } },
      'podTemplate.volumes[0].emptyDir.sizeLimt', 'unknown field', 'did you mean \'sizeLimit\'?'],
    ['a deployment strategy is misspelt', { deploymentTemplate: { strategy: { type: 'Recreat' } } },
      'deploymentTemplate.strategy.type', 'must be one of \'Recreate\', \'RollingUpdate\''],
    ['a host alias names its hosts in a string', { podTemplate: { hostAliases: [{ ip: '10.0.0.1', hostnames: 'db' }] } },
      'podTemplate.hostAliases[0].hostnames', 'must be a list', 'got "db"'],
    ['a pull secret is a string', { image: { tag: '6.1.0', pullSecrets: ['regcred'] } }, 'image.pullSecrets[0]',
      'must be an object (a Kubernetes core/v1 LocalObjectReference)'],
    ['an HPA metric has no type', { webServer: { autoscaling: { maxReplicas: 3, metrics: [{ resource: { name: 'cpu' } }] } } },
      'webServer.autoscaling.metrics[0].type', 'is required in a Kubernetes autoscaling/v2 MetricSpec'],
    ['a NetworkPolicy peer field is unknown', { networkPolicy: { externalFrom: [{ podSelectr: {} }] } },
      'networkPolicy.externalFrom[0].podSelectr', 'unknown field of a Kubernetes networking/v1 NetworkPolicyPeer'],
    ['an egress rule port is a list', { networkPolicy: { extraEgress: [{ ports: [{ port: [53] }] }] } },
      'networkPolicy.extraEgress[0].ports[0].port', 'must be an integer or a string'],
    ['an ingress rule is null', { networkPolicy: { extraIngress: [null] } }, 'networkPolicy.extraIngress[0]', 'must not be null'],
    ['a metrics peer selector label is a number', {
      networkPolicy: { metricsFrom: [{ namespaceSelector: { matchLabels: { team: 1 } } }] },
    }, 'networkPolicy.metricsFrom[0].namespaceSelector.matchLabels["team"]', 'must be a string', 'got 1'],
    ['a statsd exporter resource is a boolean', { monitoring: { statsdExporter: { resources: { requests: { memory: true } } } } },
      'monitoring.statsdExporter.resources.requests["memory"]', 'must be a Kubernetes quantity'],
    ['a pod template of a lifecycle task has a bad volume', { lifecycle: { podTemplate: { volumes: [{ name: 3 }] } } },
      'lifecycle.podTemplate.volumes[0].name', 'must be a string', 'got 3'],
    ['a maintenance page sidecar is null', { lifecycle: { maintenancePage: { podTemplate: { sidecars: [null] } } } },
      'lifecycle.maintenancePage.podTemplate.sidecars[0]', 'must not be null'],
    ['a DNS option is unknown', { podTemplate: { dnsConfig: { option: [] } } }, 'podTemplate.dnsConfig.option',
      'did you mean \'options\'?'],
  ])('fails when %s', (_name, extra, path, ...fragments) => {
    expectProblem(withMinimal(extra), path, ...fragments);
  });

  test('accepts the Kubernetes types as Kubernetes does', () => {
    expectValid(withMinimal({
      deploymentTemplate: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } } },
      podTemplate: {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{
                matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }],
              }],
            },
          },
        },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'bi', effect: 'NoSchedule' }],
        topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway' }],
        hostAliases: [{ ip: '10.0.0.1', hostnames: ['db'] }],
        volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '1Gi' } }, { name: 'cfg', configMap: { name: 'c' } }],
        sidecars: [{ name: 'proxy', image: 'envoy:1', resources: { limits: { cpu: 0.5, memory: '64Mi' } } }],
        podSecurityContext: { fsGroup: 2000, seccompProfile: { type: 'Unconfined' } },
        container: {
          env: [{ name: 'A', value: '1' }, { name: 'B', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }],
          envFrom: [{ configMapRef: { name: 'c' } }],
          volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          resources: { requests: { cpu: '500m', memory: '1e9' } },
          livenessProbe: { httpGet: { path: '/health', port: 'http' }, periodSeconds: 10 },
          lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
        },
      },
      networkPolicy: { externalFrom: [{ ipBlock: { cidr: '10.0.0.0/8' } }], extraEgress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] },
      webServer: { autoscaling: { maxReplicas: 3, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] } },
      networking: { ingress: { tls: [{ hosts: ['a.example.com'], secretName: 'tls' }] } },
    }));
  });

  test('every problem of a spec is reported at once, inside and outside the Kubernetes types', () => {
    const problems = problemsOf(withMinimal({
      replicas: -1,
      podTemplate: { volumes: [null, { name: 'v', emptyDir: { medium: 3 } }], sidecars: ['abc', { image: 'x' }] },
      webServer: { podTemplate: { container: { env: [{ value: 'x' }] } } },
    }));
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'podTemplate.volumes[0]', 'podTemplate.volumes[1].emptyDir.medium', 'podTemplate.sidecars[0]',
      'podTemplate.sidecars[1].name', 'replicas', 'webServer.podTemplate.container.env[0].name',
    ]);
  });

  test('a value inside an env var is never shown: it may be a secret', () => {
    expectProblem(withMinimal({ podTemplate: { container: { env: [{ name: 'DB_PASSWORD', value: 12345 }] } } }),
      'podTemplate.container.env[0].value', 'must be a string', 'got <hidden>');
    expectProblem(withMinimal({ podTemplate: { container: { env: [{ name: 'TOKEN', valu: 's3cr3t' }] } } }),
      'podTemplate.container.env[0].valu', 'did you mean \'value\'?', 'got <hidden>');
  });

  test('the construct throws the library\'s own error, before creating anything', () => {
    const chart = Testing.chart();
    const props = withMinimal({ podTemplate: { volumes: [null] } }) as SupersetInstanceProps;
    let thrown: unknown;
    try {
      new SupersetInstance(chart, 'demo', props);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SupersetValidationError);
    expect((thrown as SupersetValidationError).violations.map((v) => v.path)).toEqual(['podTemplate.volumes[0]']);
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('props that are null throw the library\'s error, not a TypeError', () => {
    expect(() => new SupersetInstance(Testing.chart(), 'demo', null as unknown as SupersetInstanceProps))
      .toThrow(SupersetValidationError);
  });
});

describe('Kubernetes rules beyond its 1.28 schema that the merge relies on', () => {
  test('a host alias needs an IP: Kubernetes refuses one without, and aliases merge by IP', () => {
    expectProblem(withMinimal({ podTemplate: { hostAliases: [{ hostnames: ['db'] }] } }), 'podTemplate.hostAliases[0].ip',
      'is required');
    expectValid(withMinimal({ podTemplate: { hostAliases: [{ ip: '10.0.0.1', hostnames: ['db'] }] } }));
  });
});

describe('no problem hides another', () => {
  test('a string that is too long and malformed gets both problems', () => {
    const kind = `1${'a'.repeat(70)}`;
    const problems = problemsOf(withMinimal({ webServer: {}, networking: { gateway: { gatewayRef: { name: 'g', kind } } } }));
    expect(problems.filter((p) => p.startsWith('networking.gateway.gatewayRef.kind: '))).toEqual([
      expect.stringContaining('must be 1 to 63 characters long'),
      expect.stringContaining('must match ^[a-zA-Z]'),
    ]);
  });

  test('structure problems and cross-field rules are reported together', () => {
    const problems = problemsOf(withMinimal({
      podTemplate: { sidecars: [null] },
      webServer: { replicas: 2, autoscaling: { maxReplicas: 3 }, podTemplate: { volumes: [{ name: 1 }] } },
      metastore: { uri: 'x', uriFrom: { name: 'a', key: 'b' }, pwd: 'p' },
    }));
    expect(problems.map((p) => p.split(': ')[0])).toEqual(expect.arrayContaining([
      'podTemplate.sidecars[0]', 'webServer.podTemplate.volumes[0].name', 'metastore.pwd', 'metastore', 'webServer.replicas',
    ]));
  });
});

describe('free-form configuration is JSON data', () => {
  test('values JSON cannot carry are refused where they are, instead of being dropped or crashing the writer', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const problems = problemsOf(withMinimal({
      environment: 'Development',
      websocketServer: { image: { repository: 'ws' }, config: { big: BigInt(1), fn: () => 1, nan: NaN, list: [undefined], cyclic } },
    }));
    expect(problems.map((p) => p.split(': ')[0])).toEqual([
      'websocketServer.config["big"]', 'websocketServer.config["fn"]', 'websocketServer.config["nan"]',
      'websocketServer.config["list"][0]', 'websocketServer.config["cyclic"]["self"]',
    ]);
    // The config carries the JWT secret: nothing inside it is shown.
    expect(problems.every((p) => p.includes('got <hidden>'))).toBe(true);
    expect(problemsOf(withMinimal({
      environment: 'Development', websocketServer: { image: { repository: 'ws' }, config: { a: [1, 'b', null, { c: true }] } },
    }))).toEqual([]);
  });
});

test('a hole in a list (a sparse array built in code) is reported like an undefined item', () => {
  // eslint-disable-next-line no-sparse-arrays
  const sidecars = [, { name: 'p', image: 'envoy' }];
  // eslint-disable-next-line no-sparse-arrays
  const command = ['a', , 'b'];
  expect(problemsOf(withMinimal({ podTemplate: { sidecars }, lifecycle: { migrate: { command } } })).map((p) => p.split(': ')[0]))
    .toEqual(['podTemplate.sidecars[0]', 'lifecycle.migrate.command[1]']);
});
