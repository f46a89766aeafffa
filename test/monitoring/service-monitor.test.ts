import { Chart, Testing } from 'cdk8s';
import { containerOf, MONITORED, NAMESPACE, ofKind, synthMonitored } from './fixture';
import { MonitoringStack, SupersetInstance } from '../../src';
import { BASE, find, synth, type Manifest } from '../util';

/** The Service a ServiceMonitor selects (exactly one), checked the way prometheus-operator selects it. */
function selectedService(manifests: Manifest[], monitor: Manifest): Manifest {
  const { matchLabels } = monitor.spec.selector;
  const services = ofKind(manifests, 'Service').filter((s) =>
    monitor.spec.namespaceSelector.matchNames.includes(s.metadata.namespace)
    && Object.entries(matchLabels).every(([k, v]) => s.metadata.labels?.[k] === v));
  expect(services).toHaveLength(1);
  return services[0];
}

/** The container port a Service port reaches in the pods the Service selects: `[container name, port]`. */
function reachedContainerPort(manifests: Manifest[], service: Manifest, servicePortName: string): [string, any] {
  const port = service.spec.ports.find((p: any) => p.name === servicePortName);
  expect(port).toBeDefined();
  const deployments = ofKind(manifests, 'Deployment').filter((d) =>
    Object.entries(service.spec.selector).every(([k, v]) => d.spec.template.metadata.labels[k] === v));
  expect(deployments).toHaveLength(1);
  const found = deployments[0].spec.template.spec.containers.flatMap((c: any) => (c.ports ?? []).map((p: any) => [c.name, p] as [string, any]))
    .filter(([, p]: [string, any]) => p.containerPort === port.targetPort || p.name === port.targetPort);
  expect(found).toHaveLength(1);
  return found[0];
}

describe('the web server ServiceMonitor', () => {
  const manifests = synthMonitored();
  const monitor = find(manifests, 'ServiceMonitor', 'demo');

  test('selects the web Service by exactly its labels, in the instance namespace', () => {
    const service = find(manifests, 'Service', 'demo-web-server');
    expect(monitor.spec.selector).toEqual({ matchLabels: service.metadata.labels });
    expect(monitor.spec.namespaceSelector).toEqual({ matchNames: [NAMESPACE] });
    expect(monitor.metadata.namespace).toBe(NAMESPACE);
    expect(selectedService(manifests, monitor).metadata.name).toBe('demo-web-server');
  });

  test('still selects the web Service when the user labels it', () => {
    const labelled = synthMonitored({ webServer: { service: { labels: { team: 'bi' } } } });
    const service = selectedService(labelled, find(labelled, 'ServiceMonitor', 'demo'));
    expect(service.metadata.name).toBe('demo-web-server');
    expect(service.metadata.labels?.team).toBe('bi');
  });

  test('scrapes a port of the Service that reaches the exporter\'s metrics port', () => {
    const [endpoint] = monitor.spec.endpoints;
    expect(monitor.spec.endpoints).toHaveLength(1);
    // No path: Prometheus scrapes /metrics, where the exporter serves.
    expect(endpoint).toEqual({ port: 'metrics', interval: '30s' });
    const [container, port] = reachedContainerPort(manifests, selectedService(manifests, monitor), endpoint.port);
    expect(container).toBe('statsd-exporter');
    expect(port).toEqual({ name: 'metrics', containerPort: 9102, protocol: 'TCP' });
    const args = containerOf(find(manifests, 'Deployment', 'demo-web-server'), 'statsd-exporter').args;
    expect(args).toContain('--web.listen-address=:9102');
  });

  test('scrapes every 30s by default, with the timeout only when set', () => {
    expect(monitor.spec.endpoints[0].interval).toBe('30s');
    expect(monitor.spec.endpoints[0]).not.toHaveProperty('scrapeTimeout');
    const tuned = synthMonitored({ monitoring: { serviceMonitor: { interval: '1m', scrapeTimeout: '20s' } } });
    for (const m of ofKind(tuned, 'ServiceMonitor')) expect(m.spec.endpoints[0]).toMatchObject({ interval: '1m', scrapeTimeout: '20s' });
  });

  test('carries the operator labels over the user\'s', () => {
    const labelled = synthMonitored({
      monitoring: { serviceMonitor: { labels: { 'release': 'prometheus', 'app.kubernetes.io/instance': 'x' } } },
    });
    for (const m of ofKind(labelled, 'ServiceMonitor')) {
      expect(m.metadata.labels).toEqual({
        'release': 'prometheus',
        'app.kubernetes.io/name': 'superset',
        'app.kubernetes.io/instance': 'demo',
        'superset.apache.org/parent': 'demo',
      });
    }
  });

  test('without the exporter, has the operator\'s endpoint on the http port', () => {
    const off = synthMonitored({ monitoring: { serviceMonitor: {}, statsdExporter: { disabled: true } } });
    const m = find(off, 'ServiceMonitor', 'demo');
    expect(m.spec.endpoints).toEqual([{ port: 'http', interval: '30s' }]);
    const [container] = reachedContainerPort(off, selectedService(off, m), 'http');
    expect(container).toBe('superset');
    expect(ofKind(off, 'ServiceMonitor').map((x) => x.metadata.name).sort()).toEqual(['demo', 'demo-celery-flower']);
  });

  test('takes the namespace from the chart when the props set none', () => {
    const chart = new Chart(Testing.app(), 'c', { namespace: 'from-chart' });
    new SupersetInstance(chart, 'demo', { ...BASE, ...MONITORED, namespace: undefined });
    const m = Testing.synth(chart).find((x) => x.kind === 'ServiceMonitor' && x.metadata.name === 'demo');
    expect(m.metadata.namespace).toBe('from-chart');
    expect(m.spec.namespaceSelector.matchNames).toEqual(['from-chart']);
  });

  test('fails when no namespace is known, since the ServiceMonitor must name it', () => {
    expect(() => synth({ ...MONITORED, namespace: undefined }))
      .toThrow(/SupersetInstance 'demo': namespace: is required when monitoring.serviceMonitor is set: the ServiceMonitors' namespaceSelector .*; set namespace on the props or on the chart/);
  });
});

describe('the Celery ServiceMonitors', () => {
  const manifests = synthMonitored();

  test('scrape the workers\' exporters through a headless metrics Service', () => {
    const monitor = find(manifests, 'ServiceMonitor', 'demo-celery-worker');
    const service = selectedService(manifests, monitor);
    expect(service.metadata.name).toBe('demo-celery-worker');
    expect(service.spec.clusterIP).toBe('None');
    expect(service.spec.ports.map((p: any) => p.name)).toEqual(['metrics']);
    const [container, port] = reachedContainerPort(manifests, service, monitor.spec.endpoints[0].port);
    expect([container, port.containerPort]).toEqual(['statsd-exporter', 9102]);
    // The exporter serves Prometheus' default path.
    expect(monitor.spec.endpoints).toEqual([{ port: 'metrics', interval: '30s' }]);
  });

  test('scrape Flower\'s /metrics under its URL prefix', () => {
    const monitor = find(manifests, 'ServiceMonitor', 'demo-celery-flower');
    expect(monitor.spec.endpoints).toEqual([{ port: 'http', path: '/flower/metrics', interval: '30s' }]);
    const [container, port] = reachedContainerPort(manifests, selectedService(manifests, monitor), 'http');
    expect([container, port.containerPort]).toEqual(['superset', 5555]);

    const moved = synthMonitored({ celeryFlower: { service: { gatewayPath: '/ops/flower' } } });
    const flower = find(moved, 'Deployment', 'demo-celery-flower').spec.template.spec.containers[0];
    expect(flower.env).toContainEqual({ name: 'SUPERSET_OPERATOR__FLOWER_URL_PREFIX', value: '/ops/flower' });
    expect(find(moved, 'ServiceMonitor', 'demo-celery-flower').spec.endpoints[0].path).toBe('/ops/flower/metrics');
    const slashed = synthMonitored({ celeryFlower: { service: { gatewayPath: '/ops/flower/' } } });
    expect(find(slashed, 'ServiceMonitor', 'demo-celery-flower').spec.endpoints[0].path).toBe('/ops/flower/metrics');
  });

  test('exist only for the components that run', () => {
    const webOnly = synthMonitored({ celeryWorker: undefined, celeryBeat: undefined, celeryFlower: undefined });
    expect(ofKind(webOnly, 'ServiceMonitor').map((m) => m.metadata.name)).toEqual(['demo']);
  });
});

test('a MonitoringStack on its own scrapes what the pods actually run', () => {
  // The instance itself has no monitoring, so its pods have no exporter: the stack falls back to the http port.
  const chart = Testing.chart();
  const instance = new SupersetInstance(chart, 'demo', { ...BASE, namespace: NAMESPACE, webServer: {} });
  const stack = new MonitoringStack(chart, 'Monitoring', { instance });
  const manifests = Testing.synth(chart);
  expect(find(manifests, 'ServiceMonitor', 'demo').spec.endpoints[0].port).toBe('http');
  expect(stack.model.requestMetrics).toBe(false);
  expect(stack.exporterMapping).toBeUndefined();
  expect(stack.prometheusRule).toBeDefined();
});

test('a MonitoringStack needs a web server', () => {
  const chart = Testing.chart();
  const instance = new SupersetInstance(chart, 'demo', { ...BASE, namespace: NAMESPACE, celeryWorker: {} });
  expect(() => new MonitoringStack(chart, 'Monitoring', { instance })).toThrow(/instance 'demo' has no web server to scrape/);
});
