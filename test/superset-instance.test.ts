import { App, Chart, JsonPatch, Testing } from 'cdk8s';
import { SupersetInstance } from '../src';
import { containerEnv, pythonPath } from './support/pod';
import { BASE, envOf, find, mainContainer, synth, type Manifest } from './util';

const COMPONENT_LABELS = (component: string, instance = 'demo') => ({
  'app.kubernetes.io/name': 'superset',
  'app.kubernetes.io/component': component,
  'app.kubernetes.io/instance': instance,
});

const ALL = { webServer: {}, celeryWorker: {}, celeryBeat: {}, celeryFlower: {}, mcpServer: {}, websocketServer: { image: { repository: 'ws' } } };

describe('SupersetInstance', () => {
  test('creates only the ServiceAccount when no component is set', () => {
    const manifests = synth();
    expect(manifests.map((m) => `${m.kind}/${m.metadata.name}`)).toEqual(['ServiceAccount/demo']);
  });

  test('names every object <name>-<component> and <name>-<component>-overlay, shared ones <name>-shared-*', () => {
    const manifests = synth(ALL);
    const names = manifests.map((m) => `${m.kind}/${m.metadata.name}`);
    expect(names).toEqual([
      'ServiceAccount/demo',
      'ConfigMap/demo-shared-config', 'ConfigMap/demo-shared-env',
      'ConfigMap/demo-web-server-overlay', 'Deployment/demo-web-server', 'Service/demo-web-server',
      'ConfigMap/demo-celery-worker-overlay', 'Deployment/demo-celery-worker',
      'ConfigMap/demo-celery-beat-overlay', 'Deployment/demo-celery-beat',
      'ConfigMap/demo-celery-flower-overlay', 'Deployment/demo-celery-flower', 'Service/demo-celery-flower',
      'ConfigMap/demo-mcp-server-overlay', 'Deployment/demo-mcp-server', 'Service/demo-mcp-server',
      'Deployment/demo-websocket-server', 'Service/demo-websocket-server',
    ]);
    // Shared objects belong to the instance, not to one component: the name and parent labels only.
    for (const name of ['demo-shared-config', 'demo-shared-env']) {
      expect(find(manifests, 'ConfigMap', name).metadata.labels).toEqual({
        'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo',
      });
    }
  });

  test('the instance name defaults to the construct id and can be set', () => {
    expect(synth({ webServer: {} }, 'analytics').some((m) => m.metadata.name === 'analytics-web-server')).toBe(true);
    expect(synth({ name: 'bi', webServer: {} }).some((m) => m.metadata.name === 'bi-web-server')).toBe(true);
  });

  test.each(['web-server', 'celery-worker', 'celery-beat', 'celery-flower', 'mcp-server', 'websocket-server'])(
    '%s: objects carry the component labels, the selector matches them and pods add the parent label',
    (component) => {
      const manifests = synth(ALL);
      const deployment = find(manifests, 'Deployment', `demo-${component}`);
      expect(deployment.metadata.labels).toEqual(COMPONENT_LABELS(component));
      expect(deployment.spec.selector).toEqual({ matchLabels: COMPONENT_LABELS(component) });
      expect(deployment.spec.template.metadata.labels).toEqual({ ...COMPONENT_LABELS(component), 'superset.apache.org/parent': 'demo' });
      for (const m of manifests.filter((x) => x.metadata.name.startsWith(`demo-${component}`))) {
        expect(m.metadata.labels).toEqual(COMPONENT_LABELS(component));
      }
    },
  );

  test('managed labels cannot be overridden (reserved user labels are refused: test/validation/reserved-labels)', () => {
    const manifests = synth({
      podTemplate: { labels: { 'team': 'data', 'app.kubernetes.io/name': 'other' } },
      deploymentTemplate: { labels: { 'app.kubernetes.io/instance': 'other', 'cost-center': '42' } },
      webServer: { service: { labels: { 'app.kubernetes.io/component': 'x', 'expose': 'yes' } } },
    });
    const deployment = find(manifests, 'Deployment', 'demo-web-server');
    expect(deployment.spec.template.metadata.labels).toEqual({
      ...COMPONENT_LABELS('web-server'), 'superset.apache.org/parent': 'demo', 'team': 'data',
    });
    expect(deployment.metadata.labels).toEqual({ ...COMPONENT_LABELS('web-server'), 'cost-center': '42' });
    expect(find(manifests, 'Service', 'demo-web-server').metadata.labels).toEqual({ ...COMPONENT_LABELS('web-server'), expose: 'yes' });
  });

  test('matches the operator skeleton for a minimal web server', () => {
    const manifests = synth({ webServer: {} });
    const deployment = find(manifests, 'Deployment', 'demo-web-server');
    const pod = deployment.spec.template.spec;
    expect(deployment.spec.replicas).toBe(1);
    expect(pod.serviceAccountName).toBe('demo');
    expect(pod.volumes).toEqual([{
      name: 'superset-config',
      projected: { sources: [{ configMap: { name: 'demo-shared-config' } }, { configMap: { name: 'demo-web-server-overlay' } }] },
    }]);
    // The pod's /app/pythonpath: its own overlay and the instance's shared settings.
    expect(Object.keys(pythonPath(manifests, deployment)).sort()).toEqual(['superset_config.py', 'superset_shared.py']);
    const main = mainContainer(deployment);
    expect(main).toMatchObject({
      image: 'apachesuperset.docker.scarf.sh/apache/superset:6.1.0',
      imagePullPolicy: 'IfNotPresent',
      command: ['/usr/bin/run-server.sh'],
      ports: [{ name: 'http', containerPort: 8088, protocol: 'TCP' }],
      volumeMounts: [{ name: 'superset-config', mountPath: '/app/pythonpath', readOnly: true }],
      livenessProbe: { httpGet: { path: '/health', port: 8088 }, initialDelaySeconds: 15, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
      readinessProbe: { httpGet: { path: '/health', port: 8088 }, initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
      startupProbe: { httpGet: { path: '/health', port: 8088 }, initialDelaySeconds: 15, periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
    });
    // Plain shared values come from the instance's env ConfigMap; the container sees the same variables as before.
    expect(main.envFrom).toEqual([{ configMapRef: { name: 'demo-shared-env' } }]);
    expect(find(manifests, 'ConfigMap', 'demo-shared-env').data).toEqual({ SUPERSET_OPERATOR__INSTANCE_NAME: 'demo' });
    expect(main.env.map((e: any) => e.name)).toEqual([
      'SUPERSET_OPERATOR__SECRET_KEY',
      'SERVER_WORKER_AMOUNT', 'SERVER_THREADS_AMOUNT', 'SERVER_WORKER_CLASS', 'GUNICORN_TIMEOUT', 'GUNICORN_KEEPALIVE',
      'WORKER_MAX_REQUESTS', 'WORKER_MAX_REQUESTS_JITTER', 'SERVER_LIMIT_REQUEST_LINE', 'SERVER_LIMIT_REQUEST_FIELD_SIZE',
      'GUNICORN_LOGLEVEL',
    ]);
    const seen = containerEnv(manifests, main, 'default', { 'app-secret/secret-key': 'k' });
    expect(Object.keys(seen)).toEqual([
      'SUPERSET_OPERATOR__INSTANCE_NAME', 'SUPERSET_OPERATOR__SECRET_KEY',
      'SERVER_WORKER_AMOUNT', 'SERVER_THREADS_AMOUNT', 'SERVER_WORKER_CLASS', 'GUNICORN_TIMEOUT', 'GUNICORN_KEEPALIVE',
      'WORKER_MAX_REQUESTS', 'WORKER_MAX_REQUESTS_JITTER', 'SERVER_LIMIT_REQUEST_LINE', 'SERVER_LIMIT_REQUEST_FIELD_SIZE',
      'GUNICORN_LOGLEVEL',
    ]);
    expect(seen).toMatchObject({ SUPERSET_OPERATOR__INSTANCE_NAME: 'demo', SUPERSET_OPERATOR__SECRET_KEY: 'k' });
    expect(envOf(main)).toMatchObject({
      SUPERSET_OPERATOR__SECRET_KEY: { secretKeyRef: { name: 'app-secret', key: 'secret-key' } },
      SERVER_WORKER_AMOUNT: '2',
      SERVER_THREADS_AMOUNT: '8',
      SERVER_WORKER_CLASS: 'gthread',
      GUNICORN_TIMEOUT: '60',
    });
    expect(find(manifests, 'Service', 'demo-web-server').spec).toEqual({
      type: 'ClusterIP',
      selector: COMPONENT_LABELS('web-server'),
      ports: [{ name: 'http', port: 8088, targetPort: 8088, protocol: 'TCP' }],
    });
    expect(find(manifests, 'ServiceAccount', 'demo').metadata.labels).toEqual({
      'app.kubernetes.io/name': 'superset', 'superset.apache.org/parent': 'demo',
    });
  });

  test('places every object in the props namespace, else the chart namespace', () => {
    expect(synth({ namespace: 'bi', webServer: {} }).every((m) => m.metadata.namespace === 'bi')).toBe(true);
    const chart = new Chart(Testing.app(), 'c', { namespace: 'analytics' });
    const instance = new SupersetInstance(chart, 'demo', { ...BASE, webServer: {} });
    expect(instance.namespace).toBe('analytics');
    expect(Testing.synth(chart).every((m: Manifest) => m.metadata.namespace === 'analytics')).toBe(true);
  });

  test('exposes each component and its objects as typed children', () => {
    const chart = Testing.chart();
    const instance = new SupersetInstance(chart, 'demo', { ...BASE, webServer: { autoscaling: { maxReplicas: 3 } }, celeryBeat: {} });
    expect(instance.webServer?.deployment.name).toBe('demo-web-server');
    expect(instance.webServer?.service.name).toBe('demo-web-server');
    expect(instance.webServer?.configMap.name).toBe('demo-web-server-overlay');
    expect(instance.webServer?.autoscaler?.kind).toBe('HorizontalPodAutoscaler');
    expect(instance.celeryBeat?.deployment.name).toBe('demo-celery-beat');
    expect(instance.celeryWorker).toBeUndefined();
    expect(instance.serviceAccount?.name).toBe('demo');
    // Escape hatch: a JSON patch on a child lands in the output.
    instance.webServer!.deployment.addJsonPatch(JsonPatch.add('/spec/paused', true));
    expect(find(Testing.synth(chart), 'Deployment', 'demo-web-server').spec.paused).toBe(true);
  });

  test('same props give byte-identical YAML', () => {
    const yaml = () => {
      const app = new App({ outdir: '/tmp' });
      new SupersetInstance(new Chart(app, 'c'), 'demo', { ...BASE, ...ALL, valkey: { host: 'v', ssl: {} }, metastore: { host: 'db', database: 'd', username: 'u' } });
      return app.synthYaml();
    };
    expect(yaml()).toEqual(yaml());
  });

  test('fails with the validation error and emits nothing for bad input', () => {
    const chart = Testing.chart();
    expect(() => new SupersetInstance(chart, 'demo', { ...BASE, webServer: { service: { nodePort: 30001 } } })).toThrow(/nodePort/);
    expect(Testing.synth(chart)).toEqual([]);
  });
});

describe('lifecycle', () => {
  test('an absent lifecycle means enabled: migrate and init Jobs with their ConfigMaps', () => {
    for (const lifecycle of [undefined, {}]) {
      const names = synth({ lifecycle, webServer: {} }).map((m) => `${m.kind}/${m.metadata.name.replace(/-[0-9a-f]{6}$/, '-<hash>')}`);
      expect(names).toEqual([
        'ServiceAccount/demo',
        'ConfigMap/demo-shared-config', 'ConfigMap/demo-shared-env',
        'ConfigMap/demo-lifecycle-overlay', 'Job/demo-migrate-<hash>', 'Job/demo-init-<hash>',
        'ConfigMap/demo-web-server-overlay', 'Deployment/demo-web-server', 'Service/demo-web-server',
      ]);
    }
  });

  test('exposes the lifecycle objects as typed children', () => {
    const instance = new SupersetInstance(Testing.chart(), 'demo', { ...BASE, lifecycle: { delivery: 'ArgoCD' } });
    expect(instance.lifecycle?.migrateJob?.name).toBe('demo-migrate');
    expect(instance.lifecycle?.initConfigMap?.name).toBe('demo-init-config');
    expect(instance.lifecycle?.rotateJob).toBeUndefined();
    expect(instance.model.lifecycle?.tasks.map((t) => t.type)).toEqual(['migrate', 'init']);
  });

  test.each([
    ['upgradeMode', { upgradeMode: 'Supervised' as const },
      /lifecycle.upgradeMode: 'Supervised' needs the operator's controller to hold upgrades until they are approved, which manifests cannot do, got "Supervised"; remove it and approve upgrades in your delivery tool/],
    ['maintenancePage', { maintenancePage: { title: 'Back soon' } },
      /lifecycle.maintenancePage: a maintenance page needs the operator's controller to drain the components and switch the web Service to it, which manifests cannot do, got \{"title":"Back soon"\}; remove it/],
  ])('refuses lifecycle.%s, which only the operator\'s controller can carry out', (_field, lifecycle, message) => {
    expect(() => synth({ lifecycle })).toThrow(message);
  });

  test('accepts what has no run-time meaning here: Automatic upgrades, requiresDrain, podRetention', () => {
    expect(() => synth({ lifecycle: { upgradeMode: 'Automatic', podRetention: { policy: 'Retain' }, migrate: { requiresDrain: true } } })).not.toThrow();
  });

  test('lifecycle.disabled renders no Job', () => {
    const instance = new SupersetInstance(Testing.chart(), 'demo', { ...BASE, webServer: {} });
    expect(instance.lifecycle).toBeUndefined();
    expect(instance.model.lifecycle).toBeUndefined();
  });
});
