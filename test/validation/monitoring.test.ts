import { expectProblem, expectValid, problemsOf, withMinimal } from './helpers';

describe('monitoring rules', () => {
  test('fails when monitoring.serviceMonitor is set without webServer', () => {
    expectProblem(withMinimal({ monitoring: { serviceMonitor: { interval: '15s' } } }), 'monitoring.serviceMonitor',
      'spec.monitoring.serviceMonitor requires spec.webServer to be set', 'got {"interval":"15s"}');
  });

  test('fails when serviceMonitor.scrapeTimeout is longer than the interval', () => {
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: { interval: '15s', scrapeTimeout: '1m' } } }),
      'monitoring.serviceMonitor.scrapeTimeout', 'must not be longer than the interval (15s)', 'got "1m"');
  });

  test('fails when serviceMonitor.scrapeTimeout is longer than the default interval', () => {
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: { scrapeTimeout: '45s' } } }),
      'monitoring.serviceMonitor.scrapeTimeout', 'must not be longer than the interval (30s)', 'got "45s"');
  });

  test.each(['statsdExporter', 'prometheusRule'])('fails when monitoring.%s is set without serviceMonitor', (field) => {
    expectProblem(withMinimal({ webServer: {}, monitoring: { [field]: { disabled: false } } }), `monitoring.${field}`,
      'has no effect without monitoring.serviceMonitor', 'got {"disabled":false}', `add monitoring.serviceMonitor: {} or remove monitoring.${field}`);
  });

  test('fails when the web Service port takes the exporter\'s metrics port', () => {
    expectProblem(withMinimal({ webServer: { service: { port: 9102 } }, monitoring: { serviceMonitor: {} } }), 'webServer.service.port',
      "must differ from the StatsD exporter's metrics port 9102", 'got 9102', 'set monitoring.statsdExporter.disabled');
    expectValid(withMinimal({ webServer: { service: { port: 9102 } }, monitoring: { serviceMonitor: {}, statsdExporter: { disabled: true } } }));
    expectValid(withMinimal({ webServer: { service: { port: 9102 } } }));
  });

  test.each([
    ['webServer', 9102, 'metrics port'],
    ['webServer', 9125, 'StatsD port'],
    ['celeryWorker', 9102, 'metrics port'],
  ])('fails when a %s container port is the exporter\'s %s', (component, port, what) => {
    const ports = [{ name: 'http', containerPort: 8088 }, { name: 'extra', containerPort: port }];
    const props = { webServer: {}, celeryWorker: {}, [component]: { podTemplate: { container: { ports } } }, monitoring: { serviceMonitor: {} } };
    expectProblem(withMinimal(props),
      `${component}.podTemplate.container.ports[1].containerPort`, `must differ from the StatsD exporter's ${what} ${port}`,
      `in the ${component} pods`, `got ${port}`, 'choose another port, or set monitoring.statsdExporter.disabled');
  });

  test('reports a top-level port once, naming every component it reaches, and only ports that survive the merge', () => {
    const top = { podTemplate: { container: { ports: [{ name: 'metrics', containerPort: 9102 }] } } };
    const props = (extra: object) =>
      withMinimal({ ...top, webServer: {}, celeryWorker: {}, celeryBeat: {}, monitoring: { serviceMonitor: {} }, ...extra });
    const problems = problemsOf(props({})).filter((p) => p.includes('exporter'));
    expect(problems).toEqual([
      'podTemplate.container.ports[0].containerPort: must differ from the StatsD exporter\'s metrics port 9102, which its sidecar '
      + 'listens on in the webServer and celeryWorker pods, got 9102; choose another port, or set monitoring.statsdExporter.disabled',
    ]);
    // The web server replaces the port of that name; only the workers still get it.
    const replaced = { webServer: { podTemplate: { container: { ports: [{ name: 'metrics', containerPort: 9200 }] } } } };
    expectProblem(props(replaced), 'podTemplate.container.ports[0].containerPort', 'in the celeryWorker pods');
    expect(problemsOf(props({ ...replaced, celeryWorker: replaced.webServer }))).toEqual([]);
  });

  test('accepts the exporter\'s ports when the exporter is off, and elsewhere than web and worker', () => {
    const ports = [{ name: 'http', containerPort: 9102 }];
    expectValid(withMinimal({ webServer: { podTemplate: { container: { ports } } } }));
    const exporterOff = { serviceMonitor: {}, statsdExporter: { disabled: true } };
    expectValid(withMinimal({ webServer: { podTemplate: { container: { ports } } }, monitoring: exporterOff }));
    expectValid(withMinimal({ webServer: {}, celeryBeat: { podTemplate: { container: { ports } } }, monitoring: { serviceMonitor: {} } }));
  });

  test('fails when a sidecar of the web server or workers is named like the exporter sidecar', () => {
    const sidecars = [{ name: 'statsd-exporter', image: 'my/exporter' }];
    expectProblem(withMinimal({ webServer: { podTemplate: { sidecars } }, monitoring: { serviceMonitor: {} } }),
      'webServer.podTemplate.sidecars[0].name', "must differ from 'statsd-exporter', the StatsD exporter sidecar that monitoring adds to the webServer pods",
      'got "statsd-exporter"', 'set monitoring.statsdExporter.disabled');
    expectProblem(withMinimal({ webServer: {}, celeryWorker: {}, podTemplate: { sidecars }, monitoring: { serviceMonitor: {} } }),
      'podTemplate.sidecars[0].name', 'adds to the webServer and celeryWorker pods');
    expectValid(withMinimal({ webServer: {}, celeryBeat: { podTemplate: { sidecars } }, monitoring: { serviceMonitor: {} } }));
    expectValid(withMinimal({ webServer: { podTemplate: { sidecars } }, monitoring: { serviceMonitor: {}, statsdExporter: { disabled: true } } }));
  });

  test('refuses the per-instance dashboard settings of earlier releases, pointing to the shared dashboard', () => {
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {}, dashboard: { annotations: { grafana_folder: 'BI' } } } } as never),
      'monitoring.dashboard', 'unknown field', 'the Grafana dashboard is one for all instances', 'SupersetDashboard', 'remove it');
  });

  test('checks the structure of the exporter and rule settings', () => {
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {}, statsdExporter: { imgae: {} } } }),
      'monitoring.statsdExporter.imgae', "did you mean 'image'?");
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {}, statsdExporter: { image: { pullPolicy: 'Sometimes' } } } }),
      'monitoring.statsdExporter.image.pullPolicy', 'got "Sometimes"');
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {}, prometheusRule: { labels: { 'bad key!': 'x' } } } }),
      'monitoring.prometheusRule.labels["bad key!"]', 'must be a valid label key');
  });

  test('accepts every monitoring setting together', () => {
    expectValid(withMinimal({
      webServer: {},
      monitoring: {
        serviceMonitor: { interval: '1m', scrapeTimeout: '30s', labels: { release: 'prometheus' } },
        statsdExporter: { image: { repository: 'prom/statsd-exporter', tag: 'v0.28.0', pullPolicy: 'Always' }, resources: { limits: { memory: '64Mi' } } },
        prometheusRule: { labels: { role: 'alert-rules' } },
      },
    }));
  });

  test('accepts a timeout up to the interval', () => {
    expectValid(withMinimal({ webServer: {}, monitoring: { serviceMonitor: { interval: '1m', scrapeTimeout: '60s' } } }));
    expectValid(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {} } }));
  });
});
