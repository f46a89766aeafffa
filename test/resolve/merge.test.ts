import { mergeByKey, mergeContainerTemplates, mergeDeploymentTemplates, mergeMaps, mergePodTemplates } from '../../src/base/merge';

describe('mergeByKey', () => {
  test('a later entry replaces an earlier one in the earlier position', () => {
    const merged = mergeByKey((e: { name: string; v: number }) => e.name,
      [{ name: 'a', v: 1 }, { name: 'b', v: 1 }], [{ name: 'c', v: 2 }, { name: 'a', v: 2 }]);
    expect(merged).toEqual([{ name: 'a', v: 2 }, { name: 'b', v: 1 }, { name: 'c', v: 2 }]);
  });

  test('skips absent lists', () => {
    expect(mergeByKey((e: { name: string }) => e.name, undefined, [{ name: 'a' }], undefined)).toEqual([{ name: 'a' }]);
  });
});

describe('mergeMaps', () => {
  test('later maps win key by key; nothing set gives undefined', () => {
    expect(mergeMaps({ a: '1', b: '1' }, { b: '2' })).toEqual({ a: '1', b: '2' });
    expect(mergeMaps(undefined, {})).toBeUndefined();
  });
});

describe('mergePodTemplates', () => {
  test('maps merge by key with the component winning', () => {
    const merged = mergePodTemplates(
      { annotations: { a: 'top', b: 'top' }, nodeSelector: { zone: 'a' } },
      { annotations: { b: 'component' }, nodeSelector: { disk: 'ssd' } },
    );
    expect(merged.annotations).toEqual({ a: 'top', b: 'component' });
    expect(merged.nodeSelector).toEqual({ zone: 'a', disk: 'ssd' });
  });

  test('labels under superset.apache.org/ are removed from both templates', () => {
    const merged = mergePodTemplates(
      { labels: { 'team': 'data', 'superset.apache.org/parent': 'forged' } },
      { labels: { 'superset.apache.org/anything': 'x', 'tier': 'web' } },
    );
    expect(merged.labels).toEqual({ team: 'data', tier: 'web' });
  });

  test('whole-object fields are replaced, not merged', () => {
    const merged = mergePodTemplates(
      { affinity: { nodeAffinity: {} }, podSecurityContext: { fsGroup: 1 }, priorityClassName: 'low', terminationGracePeriodSeconds: 30 },
      { podSecurityContext: { runAsUser: 5 }, priorityClassName: 'high' },
    );
    expect(merged.affinity).toEqual({ nodeAffinity: {} });
    expect(merged.podSecurityContext).toEqual({ runAsUser: 5 });
    expect(merged.priorityClassName).toBe('high');
    expect(merged.terminationGracePeriodSeconds).toBe(30);
  });

  test('volumes, sidecars and init containers merge by name; host aliases by IP', () => {
    const merged = mergePodTemplates(
      {
        volumes: [{ name: 'tmp', emptyDir: {} }, { name: 'certs', secret: { secretName: 'a' } }],
        sidecars: [{ name: 'proxy', image: 'p:1' }],
        initContainers: [{ name: 'wait', image: 'w:1' }],
        hostAliases: [{ ip: '10.0.0.1', hostnames: ['a'] }],
      },
      {
        volumes: [{ name: 'certs', secret: { secretName: 'b' } }],
        sidecars: [{ name: 'proxy', image: 'p:2' }, { name: 'log', image: 'l:1' }],
        initContainers: [{ name: 'wait', image: 'w:2' }],
        hostAliases: [{ ip: '10.0.0.1', hostnames: ['b'] }],
      },
    );
    expect(merged.volumes).toEqual([{ name: 'tmp', emptyDir: {} }, { name: 'certs', secret: { secretName: 'b' } }]);
    expect(merged.sidecars).toEqual([{ name: 'proxy', image: 'p:2' }, { name: 'log', image: 'l:1' }]);
    expect(merged.initContainers).toEqual([{ name: 'wait', image: 'w:2' }]);
    expect(merged.hostAliases).toEqual([{ ip: '10.0.0.1', hostnames: ['b'] }]);
  });

  test('tolerations and topology spread constraints are concatenated', () => {
    const merged = mergePodTemplates(
      { tolerations: [{ key: 'a' }], topologySpreadConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule' }] },
      { tolerations: [{ key: 'a' }, { key: 'b' }] },
    );
    expect(merged.tolerations).toEqual([{ key: 'a' }, { key: 'a' }, { key: 'b' }]);
    expect(merged.topologySpreadConstraints).toHaveLength(1);
  });
});

describe('mergeContainerTemplates', () => {
  test('env and ports merge by name, envFrom is concatenated, mounts merge by volume name', () => {
    const merged = mergeContainerTemplates(
      {
        env: [{ name: 'A', value: 'top' }, { name: 'B', value: 'top' }],
        envFrom: [{ secretRef: { name: 'one' } }],
        ports: [{ name: 'http', containerPort: 8088 }],
        volumeMounts: [{ name: 'data', mountPath: '/a' }, { name: 'data', mountPath: '/b' }],
      },
      {
        env: [{ name: 'B', value: 'component' }],
        envFrom: [{ configMapRef: { name: 'two' } }],
        ports: [{ name: 'http', containerPort: 9000 }, { name: 'metrics', containerPort: 9102 }],
      },
    );
    expect(merged.env).toEqual([{ name: 'A', value: 'top' }, { name: 'B', value: 'component' }]);
    expect(merged.envFrom).toEqual([{ secretRef: { name: 'one' } }, { configMapRef: { name: 'two' } }]);
    expect(merged.ports).toEqual([{ name: 'http', containerPort: 9000 }, { name: 'metrics', containerPort: 9102 }]);
    // Two mounts of one volume collapse into the last, as with the operator.
    expect(merged.volumeMounts).toEqual([{ name: 'data', mountPath: '/b' }]);
  });

  test('command and args are never inherited from the top level', () => {
    const merged = mergeContainerTemplates({ command: ['top'], args: ['x'] }, {});
    expect(merged.command).toBeUndefined();
    expect(merged.args).toBeUndefined();
    expect(mergeContainerTemplates({ command: ['top'] }, { command: ['own'] }).command).toEqual(['own']);
  });

  test('resources, security context, probes and lifecycle are replaced whole', () => {
    const merged = mergeContainerTemplates(
      { resources: { limits: { memory: '1Gi' } }, livenessProbe: { periodSeconds: 1 } },
      { resources: { requests: { cpu: '1' } } },
    );
    expect(merged.resources).toEqual({ requests: { cpu: '1' } });
    expect(merged.livenessProbe).toEqual({ periodSeconds: 1 });
  });
});

describe('mergeDeploymentTemplates', () => {
  test('scalars from the component win, labels and annotations merge', () => {
    const merged = mergeDeploymentTemplates(
      { revisionHistoryLimit: 3, minReadySeconds: 5, labels: { a: '1' }, annotations: { x: '1' } },
      { revisionHistoryLimit: 10, labels: { b: '2' } },
    );
    expect(merged).toMatchObject({ revisionHistoryLimit: 10, minReadySeconds: 5, labels: { a: '1', b: '2' }, annotations: { x: '1' } });
  });
});
