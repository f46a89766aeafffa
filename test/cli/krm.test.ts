// `cdk8s-superset krm`: a KRM function (config.kubernetes.io/v1 ResourceList on stdin and stdout), as kustomize and
// kpt run it.
import { Testing } from 'cdk8s';
import { parse } from 'yaml';
import { SupersetInstance, type SupersetResource } from '../../src';
import { yamlDocument } from '../../src/render/yaml';
import { CliUnderTest } from '../support/cli';

const SUPERSET: SupersetResource = {
  apiVersion: 'superset.apache.org/v1alpha1',
  kind: 'Superset',
  metadata: {
    name: 'bi',
    namespace: 'analytics',
    annotations: { 'internal.config.kubernetes.io/path': 'apps/bi.yaml', 'internal.config.kubernetes.io/index': '1' },
  },
  spec: { image: { tag: '6.1.0' }, secretKeyFrom: { name: 's', key: 'k' }, webServer: {}, celeryWorker: {} },
};
const SERVICE = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'other', annotations: { 'internal.config.kubernetes.io/path': 'apps/bi.yaml', 'internal.config.kubernetes.io/index': '0' } },
  spec: { ports: [{ port: 80 }] },
};

function synthesized(resource: SupersetResource, namespace?: string): any[] {
  const chart = Testing.chart();
  SupersetInstance.fromResource(chart, 'superset', namespace && !resource.metadata.namespace
    ? { ...resource, metadata: { ...resource.metadata, namespace } } : resource);
  return Testing.synth(chart);
}

let cli: CliUnderTest;
beforeAll(() => {
  cli = new CliUnderTest();
});
afterAll(() => cli.dispose());

const krm = (list: object) => {
  const result = cli.run(['krm'], { input: yamlDocument(list) });
  return { ...result, list: result.stdout ? parse(result.stdout) : undefined };
};

test('replaces each Superset among the items with its manifests and keeps every other item as it is', () => {
  const result = krm({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items: [SERVICE, SUPERSET] });
  expect(result.status).toBe(0);
  expect(result.list).toEqual({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items: [SERVICE, ...synthesized(SUPERSET)] });
});

test('takes JSON too, and the v1beta1 ResourceList', () => {
  const result = cli.run(['krm'], { input: JSON.stringify({ apiVersion: 'config.kubernetes.io/v1beta1', kind: 'ResourceList', items: [SUPERSET] }) });
  expect(result.status).toBe(0);
  expect(parse(result.stdout).items).toEqual(synthesized(SUPERSET));
});

test('reports invalid resources in results, with file, index, resource and field, and exits 1', () => {
  const broken = { ...SUPERSET, spec: { ...SUPERSET.spec, webServer: { replicas: -1 } } };
  const result = krm({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items: [SERVICE, broken] });
  expect(result.status).toBe(1);
  expect(result.list.items).toEqual([SERVICE, broken]);
  expect(result.list.results).toEqual([{
    message: 'must be an integer >= 0, got -1',
    severity: 'error',
    resourceRef: { apiVersion: 'superset.apache.org/v1alpha1', kind: 'Superset', name: 'bi', namespace: 'analytics' },
    field: { path: 'spec.webServer.replicas' },
    file: { path: 'apps/bi.yaml', index: 1 },
  }]);
});

test('a ConfigMap functionConfig sets the default namespace and the controller-only drop, reported as warnings', () => {
  const resource = {
    ...SUPERSET,
    metadata: { name: 'bi' },
    spec: { ...SUPERSET.spec, lifecycle: { upgradeMode: 'Supervised' } },
  } as SupersetResource;
  const result = krm({
    apiVersion: 'config.kubernetes.io/v1',
    kind: 'ResourceList',
    functionConfig: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'options' }, data: { namespace: 'team-a', dropControllerOnly: 'true' } },
    items: [resource],
  });
  expect(result.status).toBe(0);
  const { upgradeMode, ...lifecycle } = (resource.spec.lifecycle ?? {}) as { upgradeMode?: string };
  expect(result.list.items).toEqual(synthesized({ ...resource, spec: { ...resource.spec, lifecycle } }, 'team-a'));
  expect(result.list.results).toEqual([expect.objectContaining({
    severity: 'warning', field: { path: 'spec.lifecycle.upgradeMode' }, message: expect.stringMatching(/^dropped: 'Supervised' needs/),
  })]);
});

test('a Superset functionConfig is rendered too: the function works as a generator', () => {
  const result = krm({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', functionConfig: SUPERSET, items: [SERVICE] });
  expect(result.status).toBe(0);
  expect(result.list.items).toEqual([SERVICE, ...synthesized(SUPERSET)]);
});

test('refuses unknown options and other functionConfig kinds in results', () => {
  const options = krm({
    apiVersion: 'config.kubernetes.io/v1',
    kind: 'ResourceList',
    items: [],
    functionConfig: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'o' }, data: { namespce: 'x' } },
  });
  expect(options.status).toBe(1);
  expect(options.list.results).toEqual([{ severity: 'error', field: { path: 'functionConfig.data.namespce' }, message: expect.stringMatching(/unknown option/) }]);
  const other = krm({ apiVersion: 'config.kubernetes.io/v1', kind: 'ResourceList', items: [], functionConfig: SERVICE });
  expect(other.status).toBe(1);
  expect(other.list.results[0]).toMatchObject({ field: { path: 'functionConfig' } });
});

test('standard input that is not a ResourceList is refused on stderr', () => {
  const result = cli.run(['krm'], { input: yamlDocument(SERVICE) });
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/standard input must be one ResourceList/);
});
