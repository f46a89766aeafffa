import { expectProblem, expectValid, problemsOf, withMinimal } from './helpers';
import { withManaged } from '../../src/base/labels';

const RESERVED = { 'superset.apache.org/parent': 'other', 'team': 'data' };
const GATEWAY = { gatewayRef: { name: 'gateway', namespace: 'infra' }, hostnames: ['superset.example.com'] };

// Every user label map, as the user writes it, with the props that place a reserved label there.
const MAPS: [string, object][] = [
  ['deploymentTemplate.labels', { deploymentTemplate: { labels: RESERVED } }],
  ['podTemplate.labels', { podTemplate: { labels: RESERVED } }],
  ['webServer.deploymentTemplate.labels', { webServer: { deploymentTemplate: { labels: RESERVED } } }],
  ['webServer.podTemplate.labels', { webServer: { podTemplate: { labels: RESERVED } } }],
  ['webServer.service.labels', { webServer: { service: { labels: RESERVED } } }],
  ['celeryFlower.service.labels', { celeryFlower: { service: { labels: RESERVED } } }],
  ['monitoring.serviceMonitor.labels', { webServer: {}, monitoring: { serviceMonitor: { labels: RESERVED } } }],
  ['monitoring.prometheusRule.labels', { webServer: {}, monitoring: { serviceMonitor: {}, prometheusRule: { labels: RESERVED } } }],
  ['networking.gateway.labels', { webServer: {}, networking: { gateway: { ...GATEWAY, labels: RESERVED } } }],
  ['networking.ingress.labels', { webServer: {}, networking: { ingress: { host: 'superset.example.com', labels: RESERVED } } }],
  ['lifecycle.podTemplate.labels', { lifecycle: { podTemplate: { labels: RESERVED } } }],
];

describe('reserved label prefix', () => {
  test.each(MAPS)('refuses superset.apache.org/ keys in %s', (path, props) => {
    expectProblem(withMinimal(props), path, 'label keys under superset.apache.org/ are reserved',
      'got {"superset.apache.org/parent":"other"}', 'remove superset.apache.org/parent or use another prefix');
    // Only the reserved key is reported, once.
    expect(problemsOf(withMinimal(props)).filter((p) => p.includes('reserved'))).toHaveLength(1);
  });

  test('accepts other labels, and selectors that use the prefix', () => {
    expectValid(withMinimal({ webServer: { service: { labels: { 'team': 'data', 'superset.apache.org-x/y': 'z' } } } }));
  });

  test('the resolver never copies reserved keys, even from props that skipped validation', () => {
    expect(withManaged(RESERVED, { 'app.kubernetes.io/name': 'superset' }))
      .toEqual({ 'team': 'data', 'app.kubernetes.io/name': 'superset' });
  });
});
