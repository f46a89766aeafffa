// A `Superset` resource, as operator users have it in YAML, renders through `SupersetInstance.fromResource`.
import { Chart, Testing } from 'cdk8s';
import { parse } from 'yaml';
import { SupersetInstance, SupersetValidationError } from '../src';
import { find, mainContainer, type Manifest } from './util';

const RESOURCE = `
apiVersion: superset.apache.org/v1alpha1
kind: Superset
metadata:
  name: analytics
spec:
  image:
    tag: "6.1.0"
  secretKeyFrom: {name: superset-secret, key: secret-key}
  metastore:
    uriFrom: {name: superset-db, key: connection-string}
  valkey:
    host: valkey.default.svc
    passwordFrom: {name: valkey-credentials, key: password}
  podTemplate:
    container:
      resources:
        requests: {cpu: 500m, memory: 1Gi}
        limits: {cpu: "2", memory: 2Gi}
  webServer:
    replicas: 2
    service: {type: ClusterIP}
  celeryWorker: {replicas: 2}
  celeryBeat: {}
  lifecycle: {}
`;

function render(yaml: string, namespace?: string): Manifest[] {
  const chart = new Chart(Testing.app(), 'test', { namespace });
  SupersetInstance.fromResource(chart, 'superset', parse(yaml));
  return Testing.synth(chart);
}

describe('a Superset resource parsed from YAML', () => {
  test('renders with the resource name and plain-JSON Kubernetes values', () => {
    const manifests = render(RESOURCE);
    const web = find(manifests, 'Deployment', 'analytics-web-server');
    expect(web.spec.replicas).toBe(2);
    expect(mainContainer(web).resources).toEqual({ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '2', memory: '2Gi' } });
    expect(manifests.some((m) => m.kind === 'Job' && m.metadata.name.startsWith('analytics-migrate-'))).toBe(true);
  });

  test('fails on a misspelt field with the path as written in the resource, and a hint', () => {
    expect(() => render(RESOURCE.replace('celeryWorker:', 'celeryworker:')))
      .toThrow(/^Superset 'analytics': spec\.celeryworker: unknown field.*did you mean 'celeryWorker'/);
  });

  test('keeps metadata.namespace, else takes the chart namespace', () => {
    const own = render(RESOURCE.replace('  name: analytics\n', '  name: analytics\n  namespace: team-a\n'), 'fallback');
    expect(new Set(own.map((m) => m.metadata.namespace))).toEqual(new Set(['team-a']));
    expect(new Set(render(RESOURCE, 'fallback').map((m) => m.metadata.namespace))).toEqual(new Set(['fallback']));
  });

  test('refuses another apiVersion or kind, a missing name or spec, and name or namespace inside spec', () => {
    expect(() => render(RESOURCE.replace('v1alpha1', 'v1beta1')))
      .toThrow(/apiVersion: must be 'superset\.apache\.org\/v1alpha1', the only version this library renders, got "superset\.apache\.org\/v1beta1"/);
    expect(() => render('apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {}\n')).toThrow(/apiVersion: must be .*\n.*kind: must be 'Superset', got "Service"/);
    expect(() => render('apiVersion: superset.apache.org/v1alpha1\nkind: Superset\nmetadata: {}\n'))
      .toThrow(/^Superset resource: 2 problems:\n  - metadata\.name: is required\n  - spec: is required$/);
    expect(() => render(`${RESOURCE}  name: other\n`)).toThrow(/spec\.name: unknown field, got "other"; set metadata\.name instead/);
  });

  test('reports invalid names with their metadata path', () => {
    expect(() => render(RESOURCE.replace('name: analytics', 'name: Analytics'))).toThrow(/metadata\.name: must be a valid DNS label/);
  });

  test('throws the library\'s own error type, with every violation', () => {
    let caught: unknown;
    try {
      render(RESOURCE.replace('replicas: 2\n    service', 'replicas: -2\n    service').replace('celeryBeat: {}', 'celeryBeat: {replicas: 2}'));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SupersetValidationError);
    expect((caught as SupersetValidationError).violations.map((v) => v.path)).toEqual(['spec.webServer.replicas', 'spec.celeryBeat.replicas']);
  });
});
