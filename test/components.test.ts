import { containerEnv, pythonPath } from './support/pod';
import { envOf, find, mainContainer, synth } from './util';

const deploymentOf = (props: object, component: string) => find(synth(props), 'Deployment', `demo-${component}`);

describe('commands', () => {
  test('web server runs run-server.sh', () => {
    expect(mainContainer(deploymentOf({ webServer: {} }, 'web-server')).command).toEqual(['/usr/bin/run-server.sh']);
  });

  test('worker command comes from the celery preset', () => {
    expect(mainContainer(deploymentOf({ celeryWorker: {} }, 'celery-worker')).command).toEqual([
      'celery', '--app=superset.tasks.celery_app:app', 'worker', '--pool=prefork', '-O', 'fair', '-c', '4', '--prefetch-multiplier=4',
    ]);
    expect(mainContainer(deploymentOf({ celeryWorker: { celery: { preset: 'aggressive', maxTasksPerChild: 100 } } }, 'celery-worker')).command)
      .toEqual(['celery', '--app=superset.tasks.celery_app:app', 'worker', '--pool=prefork', '-O', 'fair', '-c', '16',
        '--max-tasks-per-child=100', '--prefetch-multiplier=4']);
  });

  test('beat keeps its pidfile and schedule in /tmp', () => {
    expect(mainContainer(deploymentOf({ celeryBeat: {} }, 'celery-beat')).command).toEqual([
      'celery', '--app=superset.tasks.celery_app:app', 'beat', '--pidfile', '/tmp/celerybeat.pid', '--schedule', '/tmp/celerybeat-schedule',
    ]);
  });

  test('flower reads its URL prefix from the environment', () => {
    const main = mainContainer(deploymentOf({ celeryFlower: { service: { gatewayPath: '/ops/flower' } } }, 'celery-flower'));
    expect(main.command).toEqual(['/bin/sh', '-c',
      'exec celery --app=superset.tasks.celery_app:app flower --url_prefix="$SUPERSET_OPERATOR__FLOWER_URL_PREFIX"']);
    expect(envOf(main).SUPERSET_OPERATOR__FLOWER_URL_PREFIX).toBe('/ops/flower');
  });

  test('mcp and websocket servers run their own entry points', () => {
    expect(mainContainer(deploymentOf({ mcpServer: {} }, 'mcp-server')).command).toEqual(['superset', 'mcp', 'run', '--host', '0.0.0.0', '--port', '8088']);
    expect(mainContainer(deploymentOf({ websocketServer: { image: { repository: 'ws' } } }, 'websocket-server')).command).toEqual(['node', 'websocket_server.js']);
  });

  test('a bootstrap script is sourced before the default command and shipped in the ConfigMap', () => {
    const manifests = synth({ bootstrapScript: 'pip install psycopg2', celeryWorker: {}, webServer: { bootstrapScript: '' } });
    const worker = mainContainer(find(manifests, 'Deployment', 'demo-celery-worker'));
    expect(worker.command).toEqual(['/bin/sh', '-c', ". '/app/pythonpath/superset_bootstrap.sh'; exec 'celery' "
      + "'--app=superset.tasks.celery_app:app' 'worker' '--pool=prefork' '-O' 'fair' '-c' '4' '--prefetch-multiplier=4'"]);
    expect(find(manifests, 'ConfigMap', 'demo-celery-worker-overlay').data['superset_bootstrap.sh']).toBe('pip install psycopg2');
    expect(pythonPath(manifests, find(manifests, 'Deployment', 'demo-celery-worker'))['superset_bootstrap.sh']).toBe('pip install psycopg2');
    // An empty component script turns the top-level one off.
    expect(mainContainer(find(manifests, 'Deployment', 'demo-web-server')).command).toEqual(['/usr/bin/run-server.sh']);
    expect(find(manifests, 'ConfigMap', 'demo-web-server-overlay').data['superset_bootstrap.sh']).toBeUndefined();
  });

  test('a user command replaces the default verbatim and is never bootstrap-wrapped', () => {
    const manifests = synth({
      bootstrapScript: 'echo hi',
      webServer: { podTemplate: { container: { command: ['gunicorn', 'app'], args: ['--debug'] } } },
      celeryBeat: {},
    });
    expect(mainContainer(find(manifests, 'Deployment', 'demo-web-server'))).toMatchObject({ command: ['gunicorn', 'app'], args: ['--debug'] });
    expect(mainContainer(find(manifests, 'Deployment', 'demo-celery-beat')).command[0]).toBe('/bin/sh');
  });
});

describe('ports and probes', () => {
  test.each([
    ['celeryFlower', 'celery-flower', { name: 'http', containerPort: 5555, protocol: 'TCP' }],
    ['websocketServer', 'websocket-server', { name: 'ws', containerPort: 8080, protocol: 'TCP' }],
    ['mcpServer', 'mcp-server', { name: 'mcp', containerPort: 8088, protocol: 'TCP' }],
  ])('%s listens on its default port', (field, component, port) => {
    const props = { [field]: field === 'websocketServer' ? { image: { repository: 'ws' } } : {} };
    expect(mainContainer(deploymentOf(props, component)).ports).toEqual([port]);
  });

  test('flower probes its health check under the URL prefix, without a trailing slash', () => {
    const main = mainContainer(deploymentOf({ celeryFlower: { service: { gatewayPath: '/flower/' } } }, 'celery-flower'));
    expect(main.livenessProbe.httpGet).toEqual({ path: '/flower/healthcheck', port: 5555 });
    expect(main.readinessProbe).toMatchObject({ httpGet: { path: '/flower/healthcheck', port: 5555 }, initialDelaySeconds: 5 });
    expect(main.startupProbe).toBeUndefined();
  });

  test('mcp probes are TCP; websocket probes GET /health', () => {
    expect(mainContainer(deploymentOf({ mcpServer: {} }, 'mcp-server')).livenessProbe).toMatchObject({ tcpSocket: { port: 8088 }, initialDelaySeconds: 15 });
    expect(mainContainer(deploymentOf({ websocketServer: { image: { repository: 'ws' } } }, 'websocket-server')).readinessProbe)
      .toMatchObject({ httpGet: { path: '/health', port: 8080 }, initialDelaySeconds: 5 });
  });

  test('workers and beat have no ports and no probes', () => {
    for (const [field, component] of [['celeryWorker', 'celery-worker'], ['celeryBeat', 'celery-beat']]) {
      const main = mainContainer(deploymentOf({ [field]: {} }, component));
      expect([main.ports, main.livenessProbe, main.readinessProbe, main.startupProbe]).toEqual([undefined, undefined, undefined, undefined]);
    }
  });

  test('overridden ports move default probes, the Service target and the web port in the config; user probes stay', () => {
    const manifests = synth({
      webServer: {
        podTemplate: { container: { ports: [{ name: 'http', containerPort: 9000 }], readinessProbe: { tcpSocket: { port: 1234 } } } },
      },
    });
    const main = mainContainer(find(manifests, 'Deployment', 'demo-web-server'));
    expect(main.ports).toEqual([{ name: 'http', containerPort: 9000 }]);
    expect(main.livenessProbe.httpGet.port).toBe(9000);
    expect(main.readinessProbe).toEqual({ tcpSocket: { port: 1234 } });
    expect(find(manifests, 'Service', 'demo-web-server').spec.ports[0]).toMatchObject({ port: 8088, targetPort: 9000 });
    expect(find(manifests, 'ConfigMap', 'demo-web-server-overlay').data['superset_config.py']).toContain('SUPERSET_WEBSERVER_PORT = 9000');
  });
});

describe('Services', () => {
  test('each routable component has one port named http aimed at its container port', () => {
    const manifests = synth({ celeryFlower: {}, mcpServer: {}, websocketServer: { image: { repository: 'ws' } } });
    expect(find(manifests, 'Service', 'demo-celery-flower').spec.ports).toEqual([{ name: 'http', port: 5555, targetPort: 5555, protocol: 'TCP' }]);
    expect(find(manifests, 'Service', 'demo-mcp-server').spec.ports).toEqual([{ name: 'http', port: 8088, targetPort: 8088, protocol: 'TCP' }]);
    expect(find(manifests, 'Service', 'demo-websocket-server').spec.ports).toEqual([{ name: 'http', port: 8080, targetPort: 8080, protocol: 'TCP' }]);
  });

  test('type, port, node port and annotations follow the spec', () => {
    const service = find(synth({
      webServer: {
        service: {
          type: 'LoadBalancer',
          port: 443,
          nodePort: 30443,
          annotations: { 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' },
        },
      },
    }), 'Service', 'demo-web-server');
    expect(service.metadata.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' });
    expect(service.spec).toMatchObject({ type: 'LoadBalancer', ports: [{ name: 'http', port: 443, targetPort: 8088, nodePort: 30443, protocol: 'TCP' }] });
  });

  test('workers and beat have no Service', () => {
    expect(synth({ celeryWorker: {}, celeryBeat: {} }).filter((m) => m.kind === 'Service')).toEqual([]);
  });
});

describe('replicas, autoscaling and disruption budgets', () => {
  test('replicas come from the component, else the top level, else 1', () => {
    const manifests = synth({ replicas: 3, webServer: { replicas: 5 }, celeryWorker: {}, mcpServer: {} });
    expect(find(manifests, 'Deployment', 'demo-web-server').spec.replicas).toBe(5);
    expect(find(manifests, 'Deployment', 'demo-celery-worker').spec.replicas).toBe(3);
    expect(find(synth({ mcpServer: {} }), 'Deployment', 'demo-mcp-server').spec.replicas).toBe(1);
  });

  test('an autoscaled component has an HPA and no replica count', () => {
    const manifests = synth({
      autoscaling: { maxReplicas: 4 },
      webServer: { autoscaling: { minReplicas: 2, maxReplicas: 10, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }] } },
      celeryWorker: {},
    });
    expect(find(manifests, 'Deployment', 'demo-web-server').spec.replicas).toBeUndefined();
    expect(find(manifests, 'HorizontalPodAutoscaler', 'demo-web-server')).toMatchObject({
      apiVersion: 'autoscaling/v2',
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo-web-server' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    });
    // The top-level autoscaling applies whole where a component sets none.
    expect(find(manifests, 'HorizontalPodAutoscaler', 'demo-celery-worker').spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'demo-celery-worker' }, maxReplicas: 4,
    });
  });

  test('a disruption budget selects the component pods', () => {
    const pdb = find(synth({ podDisruptionBudget: { maxUnavailable: '25%' }, webServer: { podDisruptionBudget: { minAvailable: 2 } } }),
      'PodDisruptionBudget', 'demo-web-server');
    expect(pdb.apiVersion).toBe('policy/v1');
    expect(pdb.spec).toEqual({
      minAvailable: 2,
      selector: { matchLabels: { 'app.kubernetes.io/name': 'superset', 'app.kubernetes.io/component': 'web-server', 'app.kubernetes.io/instance': 'demo' } },
    });
  });

  test('beat is a singleton: one replica, Recreate, never autoscaled or budgeted', () => {
    expect(find(synth({ replicas: 4, celeryBeat: {} }), 'Deployment', 'demo-celery-beat').spec.replicas).toBe(1);
    // Scaling everything to zero stops beat too, so nothing is scheduled against a database being migrated.
    expect(find(synth({ replicas: 0, celeryBeat: {} }), 'Deployment', 'demo-celery-beat').spec.replicas).toBe(0);
    const manifests = synth({
      autoscaling: { maxReplicas: 5 },
      podDisruptionBudget: { minAvailable: 1 },
      deploymentTemplate: { strategy: { type: 'RollingUpdate' } },
      celeryBeat: {},
    });
    const beat = find(manifests, 'Deployment', 'demo-celery-beat');
    expect(beat.spec.replicas).toBe(1);
    expect(beat.spec.strategy).toEqual({ type: 'Recreate' });
    expect(manifests.filter((m) => m.kind === 'HorizontalPodAutoscaler' || m.kind === 'PodDisruptionBudget')).toEqual([]);
  });
});

describe('images and templates', () => {
  test('component image overrides replace top-level fields one by one; pull secrets apply everywhere', () => {
    const manifests = synth({
      image: { tag: '6.1.0', repository: 'registry.example/superset', pullPolicy: 'Always', pullSecrets: [{ name: 'regcred' }] },
      webServer: { image: { tag: '6.1.1' } },
      celeryWorker: { image: { pullPolicy: 'Never' } },
    });
    const web = find(manifests, 'Deployment', 'demo-web-server');
    expect(mainContainer(web)).toMatchObject({ image: 'registry.example/superset:6.1.1', imagePullPolicy: 'Always' });
    expect(web.spec.template.spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
    expect(mainContainer(find(manifests, 'Deployment', 'demo-celery-worker'))).toMatchObject({
      image: 'registry.example/superset:6.1.0', imagePullPolicy: 'Never',
    });
  });

  test('deployment templates merge: component scalars win, maps merge', () => {
    const deployment = find(synth({
      deploymentTemplate: { revisionHistoryLimit: 3, progressDeadlineSeconds: 900, annotations: { a: '1' } },
      webServer: { deploymentTemplate: { revisionHistoryLimit: 5, minReadySeconds: 10, annotations: { b: '2' } } },
    }), 'Deployment', 'demo-web-server');
    expect(deployment.metadata.annotations).toEqual({ a: '1', b: '2' });
    expect(deployment.spec).toMatchObject({ revisionHistoryLimit: 5, minReadySeconds: 10, progressDeadlineSeconds: 900 });
  });

  test('pod templates reach the pod: scheduling, volumes, sidecars and user env under managed env', () => {
    const manifests = synth({
      podTemplate: {
        nodeSelector: { pool: 'bi' },
        tolerations: [{ key: 'bi', operator: 'Exists' }],
        volumes: [{ name: 'extra', emptyDir: {} }, { name: 'superset-config', emptyDir: {} }],
        container: {
          env: [{ name: 'SUPERSET_OPERATOR__INSTANCE_NAME', value: 'forged' }, { name: 'TZ', value: 'UTC' }],
          volumeMounts: [{ name: 'extra', mountPath: '/extra' }],
          resources: { limits: { memory: '2Gi' } },
        },
      },
      webServer: { podTemplate: { sidecars: [{ name: 'proxy', image: 'envoy:1' }], terminationGracePeriodSeconds: 60 } },
    });
    const deployment = find(manifests, 'Deployment', 'demo-web-server');
    const pod = deployment.spec.template.spec;
    expect(pod).toMatchObject({ nodeSelector: { pool: 'bi' }, tolerations: [{ key: 'bi', operator: 'Exists' }], terminationGracePeriodSeconds: 60 });
    // The managed config volume replaces a user volume of the same name.
    expect(pod.volumes).toEqual([{ name: 'extra', emptyDir: {} }, {
      name: 'superset-config',
      projected: { sources: [{ configMap: { name: 'demo-shared-config' } }, { configMap: { name: 'demo-web-server-overlay' } }] },
    }]);
    expect(Object.keys(pythonPath(manifests, deployment)).sort()).toEqual(['superset_config.py', 'superset_shared.py']);
    expect(pod.containers.map((c: any) => c.name)).toEqual(['superset', 'proxy']);
    const main = mainContainer(deployment);
    // A user variable naming a shared one is written in env with the managed value: env wins over the shared envFrom.
    expect(main.env.slice(0, 2)).toEqual([{ name: 'SUPERSET_OPERATOR__INSTANCE_NAME', value: 'demo' }, { name: 'TZ', value: 'UTC' }]);
    expect(main.envFrom).toEqual([{ configMapRef: { name: 'demo-shared-env' } }]);
    expect(containerEnv(manifests, main, 'default', { 'app-secret/secret-key': 'k' })).toMatchObject({
      SUPERSET_OPERATOR__INSTANCE_NAME: 'demo', TZ: 'UTC',
    });
    expect(main.volumeMounts.map((m: any) => m.name)).toEqual(['extra', 'superset-config']);
    expect(main.resources).toEqual({ limits: { memory: '2Gi' } });
  });

  test('forceReload reaches every component as a variable', () => {
    const manifests = synth({ forceReload: 'v2', webServer: {}, websocketServer: { image: { repository: 'ws' } } });
    for (const name of ['demo-web-server', 'demo-websocket-server']) {
      expect(envOf(mainContainer(find(manifests, 'Deployment', name))).SUPERSET_OPERATOR__FORCE_RELOAD).toBe('v2');
    }
  });
});

describe('websocket server', () => {
  const ws = { image: { repository: 'oneacrefund/superset-websocket', tag: '0.1' } };

  test('gets no Python configuration or variables', () => {
    const manifests = synth({ websocketServer: ws, valkey: { host: 'v' } });
    const main = mainContainer(find(manifests, 'Deployment', 'demo-websocket-server'));
    expect(main.env).toBeUndefined();
    expect(main.envFrom).toBeUndefined();
    expect(main.image).toBe('oneacrefund/superset-websocket:0.1');
    expect(manifests.some((m) => m.metadata.name === 'demo-websocket-server-config')).toBe(false);
    // No Python pod, so nothing shared to emit.
    expect(manifests.some((m) => m.metadata.name.startsWith('demo-shared-'))).toBe(false);
    expect(find(manifests, 'Deployment', 'demo-websocket-server').spec.template.metadata.annotations).toBeUndefined();
  });

  test('an inline config becomes a sorted config.json mounted over the default', () => {
    const manifests = synth({ environment: 'Development', secretKeyFrom: undefined, secretKey: 'k', websocketServer: { ...ws, config: { port: 8080, jwtSecret: 'x' } } });
    expect(find(manifests, 'ConfigMap', 'demo-websocket-server-config').data['config.json']).toBe('{\n  "jwtSecret": "x",\n  "port": 8080\n}');
    const deployment = find(manifests, 'Deployment', 'demo-websocket-server');
    expect(deployment.spec.template.spec.volumes).toEqual([{
      name: 'websocket-config', configMap: { name: 'demo-websocket-server-config', items: [{ key: 'config.json', path: 'config.json' }] },
    }]);
    expect(mainContainer(deployment).volumeMounts).toEqual([{
      name: 'websocket-config', mountPath: '/home/superset-websocket/config.json', subPath: 'config.json', readOnly: true,
    }]);
    expect(deployment.spec.template.metadata.annotations['superset.apache.org/config-checksum']).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  test('configFrom mounts the Secret key as config.json', () => {
    const deployment = find(synth({ websocketServer: { ...ws, configFrom: { name: 'ws-config', key: 'json' } } }), 'Deployment', 'demo-websocket-server');
    expect(deployment.spec.template.spec.volumes).toEqual([{
      name: 'websocket-config', secret: { secretName: 'ws-config', items: [{ key: 'json', path: 'config.json' }] },
    }]);
  });
});
