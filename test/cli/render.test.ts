// `cdk8s-superset render` as users run it: a separate process on YAML files, directories and stdin.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { SupersetInstance, type SupersetResource } from '../../src';
import { CliUnderTest } from '../support/cli';

const FIXTURES = path.join(__dirname, 'fixtures');
const fixture = (name: string) => path.join(FIXTURES, name);
const documentsOf = (text: string): any[] => parseAllDocuments(text).map((d) => d.toJS()).filter((d) => d !== null);

/** What the library synthesizes for the documents of a file: each Superset's objects, other documents as they are. */
function expectedFor(file: string, namespace?: string): any[] {
  return documentsOf(readFileSync(file, 'utf8')).flatMap((document) => {
    if (document.kind !== 'Superset') return [document];
    const chart = Testing.chart();
    const resource: SupersetResource = document.metadata.namespace || !namespace
      ? document : { ...document, metadata: { ...document.metadata, namespace } };
    SupersetInstance.fromResource(chart, 'superset', resource);
    return Testing.synth(chart);
  });
}

let cli: CliUnderTest;
beforeAll(() => {
  cli = new CliUnderTest();
});
afterAll(() => cli.dispose());

describe('render to standard output', () => {
  test('writes, object for object, what SupersetInstance synthesizes, and passes other kinds through', () => {
    const result = cli.run(['render', fixture('production.yaml')]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const objects = documentsOf(result.stdout);
    expect(objects).toEqual(expectedFor(fixture('production.yaml')));
    expect(objects[0]).toEqual({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'analytics' } });
    expect(objects.filter((o) => o.kind === 'Deployment').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual([
      'analytics/bi-web-server', 'analytics/bi-celery-worker', 'analytics/bi-celery-beat', 'analytics/bi-celery-flower',
      'analytics/reporting-web-server',
    ]);
  });

  test('is deterministic: two runs give the same bytes', () => {
    const first = cli.run(['render', fixture('production.yaml')]);
    expect(cli.run(['render', fixture('production.yaml')]).stdout).toBe(first.stdout);
  });

  test('keeps each resource namespace; --namespace is the default for resources without one', () => {
    const result = cli.run(['render', '--namespace', 'fallback', fixture('namespaces.yaml')]);
    expect(result.status).toBe(0);
    const objects = documentsOf(result.stdout);
    expect(objects).toEqual(expectedFor(fixture('namespaces.yaml'), 'fallback'));
    const services = objects.filter((o) => o.kind === 'Service').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(services).toEqual(['team-a/superset-web-server', 'team-b/superset-web-server', 'team-b/superset-mcp-server']);
    expect(objects.find((o) => o.kind === 'Deployment' && o.metadata.name === 'shared-celery-worker').metadata.namespace).toBe('fallback');
  });

  test('without --namespace, a resource without one renders objects without one', () => {
    const objects = documentsOf(cli.run(['render', fixture('namespaces.yaml')]).stdout);
    expect(objects.find((o) => o.metadata.name === 'shared-celery-worker').metadata.namespace).toBeUndefined();
  });

  test('reads standard input for -, and when no input is named', () => {
    const input = readFileSync(fixture('namespaces.yaml'), 'utf8');
    const expected = cli.run(['render', fixture('namespaces.yaml')]).stdout;
    expect(cli.run(['render', '-'], { input }).stdout).toBe(expected);
    expect(cli.run(['render'], { input }).stdout).toBe(expected);
  });

  test('reads a directory recursively, its manifest files in path order', () => {
    const objects = documentsOf(cli.run(['render', fixture('tree')]).stdout);
    expect(objects.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([
      ...expectedFor(fixture('tree/nested/two.yml')).map((o) => `${o.kind}/${o.metadata.name}`),
      ...expectedFor(fixture('tree/one.yaml')).map((o) => `${o.kind}/${o.metadata.name}`),
    ]);
    expect(objects[0].data).toEqual({ greeting: 'hello: world' });
  });
});

describe('render into a directory', () => {
  test('writes one file per resource, named by kind, namespace and name', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'cdk8s-superset-out-'));
    try {
      const result = cli.run(['render', '-o', out, fixture('production.yaml'), fixture('namespaces.yaml')]);
      expect(result.status).toBe(0);
      expect(readdirSync(out).sort()).toEqual([
        'namespace.analytics.yaml', 'superset.analytics.bi.yaml', 'superset.analytics.reporting.yaml', 'superset.shared.yaml',
        'superset.team-a.superset.yaml', 'superset.team-b.superset.yaml',
      ]);
      const bi = documentsOf(readFileSync(path.join(out, 'superset.analytics.bi.yaml'), 'utf8'));
      expect(bi).toEqual(expectedFor(fixture('production.yaml')).filter((o) => o.metadata.labels?.['superset.apache.org/parent'] === 'bi'
        || o.metadata.labels?.['app.kubernetes.io/instance']?.startsWith('bi') || o.metadata.name.startsWith('bi')));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('invalid input', () => {
  test('lists every problem with file, document, resource and field, writes nothing and exits 1', () => {
    const result = cli.run(['render', fixture('broken.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const file = fixture('broken.yaml');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      `${file} (document 2, Superset team-a/several): spec.webServer.replicas: must be an integer >= 0, got -1`,
      expect.stringMatching(new RegExp(`^${file} \\(document 2, Superset team-a/several\\): spec\\.celeryworker: unknown field.*did you mean 'celeryWorker'`)),
      expect.stringMatching(/\(document 3, Superset future\): apiVersion: must be 'superset\.apache\.org\/v1alpha1'.*got "superset\.apache\.org\/v1beta1"/),
      expect.stringMatching(/\(document 4\): not a Kubernetes object/),
      expect.stringMatching(/\(document 5\): not valid YAML: line 3[0-9], column/),
    ]));
    expect(lines.filter((l) => l.includes('document 1'))).toEqual([]);
    expect(result.stderr).toMatch(/spec\.metastore\.pwd: unknown field, got <hidden>/);
    expect(result.stderr).not.toContain('hunter2');
    expect(lines[lines.length - 1]).toMatch(/^cdk8s-superset: \d+ problem\(s\); nothing was written$/);
  });

  test('--check reports every problem of every file in one run, and writes nothing', () => {
    const result = cli.run(['render', '--check', fixture('broken.yaml'), fixture('dev-controller.yaml'), fixture('production.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('spec.webServer.replicas');
    expect(result.stderr).toContain(`${fixture('dev-controller.yaml')} (document 1, Superset playground): spec.lifecycle.upgradeMode:`);
    expect(result.stderr).toContain('spec.lifecycle.maintenancePage:');
  });

  test('--check passes valid input, writes nothing, and says what it checked', () => {
    const result = cli.run(['render', '--check', fixture('production.yaml'), fixture('namespaces.yaml')]);
    expect(result).toEqual({ status: 0, stdout: '', stderr: 'cdk8s-superset: 5 Superset resource(s) and 1 other document(s) are valid\n' });
  });

  test('--other-kinds refuse refuses everything but Superset resources', () => {
    const result = cli.run(['render', '--other-kinds', 'refuse', fixture('production.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('(document 1, Namespace analytics): kind: only superset.apache.org/v1alpha1 Superset resources are accepted');
  });

  test('two resources for one instance are refused', () => {
    const input = readFileSync(fixture('namespaces.yaml'), 'utf8');
    const result = cli.run(['render', fixture('namespaces.yaml'), '-'], { input });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`<stdin> (document 1, Superset team-a/superset): metadata.name: another Superset with this name and namespace is in ${fixture('namespaces.yaml')} (document 1)`);
  });

  test('an unreadable input is a problem like any other', () => {
    const result = cli.run(['render', fixture('missing.yaml'), fixture('broken.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`cannot read ${fixture('missing.yaml')}: ENOENT`);
    expect(result.stderr).toContain('spec.webServer.replicas');
  });
});

describe('controller-only fields', () => {
  test('are refused by default, naming each field', () => {
    const result = cli.run(['render', fixture('dev-controller.yaml')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/spec\.lifecycle\.upgradeMode: 'Supervised' needs the operator's controller/);
    expect(result.stderr).toMatch(/spec\.lifecycle\.maintenancePage: a maintenance page needs the operator's controller/);
  });

  test('--drop-controller-only renders without them, listing each dropped field on stderr', () => {
    const result = cli.run(['render', '--drop-controller-only', fixture('dev-controller.yaml')]);
    expect(result.status).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([
      `warning: ${fixture('dev-controller.yaml')} (document 1, Superset playground): spec.lifecycle.upgradeMode: dropped: 'Supervised' needs the operator's controller to hold upgrades until they are approved, which manifests cannot do`,
      `warning: ${fixture('dev-controller.yaml')} (document 1, Superset playground): spec.lifecycle.maintenancePage: dropped: a maintenance page needs the operator's controller to drain the components and switch the web Service to it, which manifests cannot do`,
    ]);
    const document = documentsOf(readFileSync(fixture('dev-controller.yaml'), 'utf8'))[0];
    const { maintenancePage, upgradeMode, ...lifecycle } = document.spec.lifecycle;
    const chart = Testing.chart();
    SupersetInstance.fromResource(chart, 'superset', { ...document, spec: { ...document.spec, lifecycle } });
    expect(documentsOf(result.stdout)).toEqual(Testing.synth(chart));
  });
});

describe('usage', () => {
  test.each([
    [['render', '--colour'], /Unknown option '--colour'/],
    [['render', '--other-kinds', 'keep'], /--other-kinds must be 'pass' or 'refuse', got "keep"/],
    [['render', '--namespace', 'Team_A'], /--namespace must be a DNS label/],
    [['render', '--check', '-o', 'out'], /--check writes nothing/],
    // One value given twice: the first would be dropped without a word.
    [['render', '--namespace', 'a', '--namespace', 'b'], /--namespace is given more than once/],
    [['render', '-o', 'a', '--output', 'b'], /--output is given more than once/],
    [['publish'], /unknown command "publish"/],
    [[], /a command is required/],
    [['krm', 'extra'], /krm takes no arguments/],
  ])('%j is a usage error: exit 2 with the usage', (args, message) => {
    const result = cli.run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage:');
    expect(result.stdout).toBe('');
  });

  test('--help and --version', () => {
    expect(cli.run(['--help'])).toMatchObject({ status: 0, stdout: expect.stringContaining('cdk8s-superset render') });
    expect(cli.run(['--version']).stdout).toBe(`${JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')).version}\n`);
  });
});
