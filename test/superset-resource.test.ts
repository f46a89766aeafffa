// A `Superset` resource, as operator users have it in YAML, renders as props `{ name: metadata.name, ...spec }`.
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { SupersetInstance } from '../src';
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

function render(yaml: string): Manifest[] {
  const resource = parse(yaml);
  const chart = Testing.chart();
  new SupersetInstance(chart, 'superset', { name: resource.metadata.name, ...resource.spec });
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

  test('fails on a misspelt field with the field path and a hint', () => {
    expect(() => render(RESOURCE.replace('celeryWorker:', 'celeryworker:'))).toThrow(/celeryworker: unknown field.*did you mean 'celeryWorker'/);
  });
});
