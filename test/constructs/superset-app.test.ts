// SupersetApp must write exactly the files cdk8s' App writes, in every output layout, for any chart's objects.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ApiObject, App, type AppProps, Chart, Yaml, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
import * as YAML from 'yaml';
import { fullInstanceProps } from '../../bench/full-instance';
import { SupersetApp, SupersetInstance } from '../../src';

const work = mkdtempSync(path.join(tmpdir(), 'superset-app-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Two tenants, a chart that depends on another, a chart of someone else's objects with values of every kind. */
function populate(app: App): void {
  const first = new Chart(app, 'tenants');
  new SupersetInstance(first, 'one', fullInstanceProps(1));
  new SupersetInstance(first, 'two', { ...fullInstanceProps(2), name: 'second' });
  const others = new Chart(app, 'others', { namespace: 'misc', labels: { team: 'data' } });
  new ApiObject(others, 'odd', {
    apiVersion: 'example.com/v1',
    kind: 'Odd',
    metadata: { name: 'odd' },
    spec: {
      'n': 'n',
      'yes': ['no', 'e5', '1:20', '- a', 'a #b', '{{ x }}', ''],
      'nested': [[1, 2], [], {}],
      'float': 1.5,
      'big': 1e21,
      'null': null,
      'text': 'line\n  \n',
      'controls': 'bell\u0007\nx',
      'kept': 'a\n\n\n',
      '1st': 'key first a digit',
      'long': 'k'.repeat(2000),
      ['l'.repeat(1100)]: 'a key the yaml package writes as an explicit key',
    },
  });
  others.addDependency(first);
  new Chart(app, 'empty');
}

const isManifest = (doc: unknown) => typeof doc === 'object' && doc !== null && 'kind' in doc;

/** Every file under `dir`, relative path to content. */
function files(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const full = path.join(at, name);
      if (statSync(full).isDirectory()) walk(full);
      else found.set(path.relative(dir, full), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return found;
}

function synthesized(kind: typeof App, props: AppProps): Map<string, string> {
  const outdir = mkdtempSync(path.join(work, 'out-'));
  const app = new kind({ ...props, outdir });
  populate(app);
  app.synth();
  return files(outdir);
}

describe('SupersetApp', () => {
  test.each([
    ['one file per chart', {}],
    ['one file for the app', { yamlOutputType: YamlOutputType.FILE_PER_APP }],
    ['one file per resource', { yamlOutputType: YamlOutputType.FILE_PER_RESOURCE }],
    ['a folder per chart', { yamlOutputType: YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE, outputFileExtension: '.yml' }],
    ['construct metadata', { recordConstructMetadata: true }],
  ])('writes the same files as App, byte for byte: %s', (_, props: AppProps) => {
    const expected = synthesized(App, props);
    const actual = synthesized(SupersetApp, props);
    expect([...actual.keys()]).toEqual([...expected.keys()]);
    expect(actual.size).toBeGreaterThan(0);
    for (const [file, text] of expected) expect(actual.get(file)).toBe(text);
  });

  test('synthYaml() returns what App returns', () => {
    const plain = new App();
    const direct = new SupersetApp();
    populate(plain);
    populate(direct);
    expect(direct.synthYaml()).toBe(plain.synthYaml());
  });

  test('writes this library\'s documents without the yaml package', () => {
    const stringify = jest.spyOn(Yaml, 'stringify');
    try {
      const outdir = mkdtempSync(path.join(work, 'direct-'));
      const app = new SupersetApp({ outdir });
      new SupersetInstance(new Chart(app, 'tenants'), 'one', fullInstanceProps(1));
      app.synth();
      expect(files(outdir).get('tenants.k8s.yaml')).toContain('kind: Deployment');
      // cdk8s' writer is asked only for the style of some strings (`{ k: <string> }`), never for a whole manifest.
      const whole = stringify.mock.calls.filter((docs) => docs.some(isManifest));
      expect(whole).toEqual([]);
    } finally {
      stringify.mockRestore();
    }
  });

  test('leaves a cdk8s that lays YAML out otherwise to write it itself', () => {
    // As if cdk8s folded lines at 80 characters: the probe differs, so cdk8s' writer writes every document.
    const folding = jest.spyOn(Yaml, 'stringify').mockImplementation((...docs: unknown[]) => docs
      .map((doc) => (doc === undefined ? '\n' : YAML.stringify(doc, { keepUndefined: true, lineWidth: 80, version: '1.1' }))).join('---\n'));
    try {
      const expected = synthesized(App, {});
      const warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
      const withManifests = () => folding.mock.calls.filter((docs) => docs.some(isManifest)).length;
      const calls = withManifests();
      expect(synthesized(SupersetApp, {})).toEqual(expected);
      // Every file written by cdk8s' writer, as App writes it: called with the manifests once per file again.
      expect(withManifests()).toBe(2 * calls);
      // Said once per process, so that a team notices the speed-up is gone.
      synthesized(SupersetApp, {});
      expect(warning.mock.calls).toEqual([[expect.stringContaining('cdk8s\' own writer writes the files'),
        expect.objectContaining({ code: 'CDK8S_SUPERSET_YAML_WRITER' })]]);
      warning.mockRestore();
    } finally {
      folding.mockRestore();
    }
  });

  test('leaves a Yaml.stringify the app replaced with its own to write the files', () => {
    const original = Yaml.stringify;
    const withHeader = jest.spyOn(Yaml, 'stringify').mockImplementation((...docs: unknown[]) => `# generated\n${original.apply(Yaml, docs)}`);
    const warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const expected = synthesized(App, {});
      expect([...expected.values()][0]).toMatch(/^# generated\n/);
      expect(synthesized(SupersetApp, {})).toEqual(expected);
    } finally {
      withHeader.mockRestore();
      warning.mockRestore();
    }
  });

  test('leaves a Yaml.save the app replaced with its own to write the files', () => {
    const original = Yaml.save;
    const withFooter = jest.spyOn(Yaml, 'save').mockImplementation((file: string, docs: any[]) => {
      original.call(Yaml, file, docs);
      writeFileSync(file, `${readFileSync(file, 'utf8')}# written by the app\n`);
    });
    const warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const expected = synthesized(App, {});
      expect([...expected.values()][0]).toMatch(/# written by the app\n$/);
      expect(synthesized(SupersetApp, {})).toEqual(expected);
    } finally {
      withFooter.mockRestore();
      warning.mockRestore();
    }
  });

  test('leaves the previous file as it was when a document fails to write, as App does', () => {
    /** An object whose document throws while it is written (a getter, as any `toJson()` override may hand out). */
    class Failing extends ApiObject {
      public override toJson(): any {
        return {
          apiVersion: 'v1',
          kind: 'Failing',
          metadata: { name: 'failing' },
          get spec(): never {
            throw new Error('cannot write this document');
          },
        };
      }
    }
    for (const kind of [App, SupersetApp]) {
      const outdir = mkdtempSync(path.join(work, 'partial-'));
      writeFileSync(path.join(outdir, 'chart.k8s.yaml'), 'previous: synthesis\n');
      const app = new kind({ outdir });
      const chart = new Chart(app, 'chart');
      new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'config' } });
      new Failing(chart, 'failing', { apiVersion: 'v1', kind: 'Failing' });
      expect(() => app.synth()).toThrow('cannot write this document');
      expect(readdirSync(outdir)).toEqual(['chart.k8s.yaml']);
      expect(readFileSync(path.join(outdir, 'chart.k8s.yaml'), 'utf8')).toBe('previous: synthesis\n');
    }
  });

  test('leaves cdk8s\' writer as it found it, also when synthesis fails', () => {
    const { save, stringify } = Yaml;
    const app = new SupersetApp({ outdir: mkdtempSync(path.join(work, 'fails-')) });
    const chart = new Chart(app, 'chart');
    new Construct(chart, 'invalid').node.addValidation({ validate: () => ['not valid'] });
    expect(() => app.synth()).toThrow(/not valid/);
    expect(Yaml.save).toBe(save);
    expect(Yaml.stringify).toBe(stringify);
    const ok = new SupersetApp({ outdir: mkdtempSync(path.join(work, 'ok-')) });
    new SupersetInstance(new Chart(ok, 'chart'), 'one', fullInstanceProps(1));
    ok.synth();
    expect(Yaml.save).toBe(save);
    expect(Yaml.stringify).toBe(stringify);
  });
});
