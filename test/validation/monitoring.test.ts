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

  test('accepts a timeout up to the interval', () => {
    expectValid(withMinimal({ webServer: {}, monitoring: { serviceMonitor: { interval: '1m', scrapeTimeout: '60s' } } }));
    expectValid(withMinimal({ webServer: {}, monitoring: { serviceMonitor: {} } }));
  });
});
