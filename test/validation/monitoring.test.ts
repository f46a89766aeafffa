import { expectProblem, expectValid, withMinimal } from './helpers';

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

  test.each(['statsdExporter', 'prometheusRule', 'dashboard'])('fails when monitoring.%s is set without serviceMonitor', (field) => {
    expectProblem(withMinimal({ webServer: {}, monitoring: { [field]: { disabled: false } } }), `monitoring.${field}`,
      'has no effect without monitoring.serviceMonitor', 'got {"disabled":false}', `add monitoring.serviceMonitor: {} or remove monitoring.${field}`);
  });

  test('fails when the web Service port takes the exporter\'s metrics port', () => {
    expectProblem(withMinimal({ webServer: { service: { port: 9102 } }, monitoring: { serviceMonitor: {} } }), 'webServer.service.port',
      "must differ from the StatsD exporter's metrics port 9102", 'got 9102', 'set monitoring.statsdExporter.disabled');
    expectValid(withMinimal({ webServer: { service: { port: 9102 } }, monitoring: { serviceMonitor: {}, statsdExporter: { disabled: true } } }));
    expectValid(withMinimal({ webServer: { service: { port: 9102 } } }));
  });

  test('checks the structure of the exporter, rule and dashboard settings', () => {
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {}, statsdExporter: { imgae: {} } } }),
      'monitoring.statsdExporter.imgae', "did you mean 'image'?");
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {}, statsdExporter: { image: { pullPolicy: 'Sometimes' } } } }),
      'monitoring.statsdExporter.image.pullPolicy', 'got "Sometimes"');
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {}, prometheusRule: { labels: { 'bad key!': 'x' } } } }),
      'monitoring.prometheusRule.labels["bad key!"]', 'must be a valid label key');
    expectProblem(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {}, dashboard: { disabled: 'yes' } } }),
      'monitoring.dashboard.disabled', 'got "yes"');
  });

  test('accepts every monitoring setting together', () => {
    expectValid(withMinimal({
      webServer: {},
      monitoring: {
        serviceMonitor: { interval: '1m', scrapeTimeout: '30s', labels: { release: 'prometheus' } },
        statsdExporter: { image: { repository: 'prom/statsd-exporter', tag: 'v0.28.0', pullPolicy: 'Always' }, resources: { limits: { memory: '64Mi' } } },
        prometheusRule: { labels: { role: 'alert-rules' } },
        dashboard: { labels: { grafana_dashboard: '1' }, annotations: { grafana_folder: 'BI' } },
      },
    }));
  });

  test('accepts a timeout up to the interval', () => {
    expectValid(withMinimal({ webServer: {}, monitoring: { serviceMonitor: { interval: '1m', scrapeTimeout: '60s' } } }));
    expectValid(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {} } }));
  });
});
