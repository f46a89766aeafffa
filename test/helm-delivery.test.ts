// With Helm delivery, Helm renders the synthesized file with Go's text/template. Run Go's real text/template over
// it (with Helm's missingkey=zero and its outside-reaching functions defined to fail) and check that every object
// comes back exactly as the library meant it, for values written to look like template actions.
import { ApiObject, Testing, Yaml } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { SupersetDashboard, SupersetInstance, type SupersetInstanceProps } from '../src';
import { buildGoTemplate, type GoTemplate } from './support/go-template-real';
import { pythonPath, pythonText } from './support/pod';
import { BASE, find, type Manifest } from './util';
import { escapeForHelm } from '../src/constructs/helm-delivery';

const LOOKUP = '{{ lookup "v1" "Secret" "bi" "db" }}';

const PROPS: SupersetInstanceProps = {
  ...BASE,
  namespace: 'bi',
  lifecycle: { delivery: 'Helm' },
  metastore: { host: 'pg', database: 'superset', username: 'superset', passwordFrom: { name: 'db', key: 'pw' } },
  valkey: { host: 'valkey', cache: { keyPrefix: '{(lookup "v1" "Secret" "bi" "db")}' } },
  config: `GREETING = "${LOOKUP}"`,
  bootstrapScript: `echo '${LOOKUP}'`,
  deploymentTemplate: { annotations: { note: LOOKUP } },
  podTemplate: { annotations: { note: '{{ .Release.Name }}' }, container: { env: [{ name: 'GREETING', value: '{{- "hi" -}}' }] } },
  webServer: { podTemplate: { container: { args: ['--motd={{ include "x" . }}'] } } },
  celeryWorker: {},
  celeryBeat: {},
  celeryFlower: {},
  monitoring: { serviceMonitor: {} },
  networkPolicy: {},
};

let go: GoTemplate;
beforeAll(() => {
  go = buildGoTemplate();
}, 120_000);
afterAll(() => go?.dispose());

/** Each object as the library means it: its own rendering, before the escaping for Helm. */
function intended(chart: ReturnType<typeof Testing.chart>): Map<string, unknown> {
  const objects = chart.node.findAll().filter(ApiObject.isApiObject);
  return new Map(objects.map((o) => [`${o.kind}/${o.name}`, Object.getPrototypeOf(o).toJson.call(o)]));
}

test('Helm renders every object back to exactly what the library meant, hostile values included', () => {
  const chart = Testing.chart();
  new SupersetInstance(chart, 'demo', PROPS);
  // The shared Grafana dashboard, in the same chart.
  new SupersetDashboard(chart, 'Dashboard', { helmChart: true, annotations: { note: LOOKUP } });
  const file = Yaml.stringify(...Testing.synth(chart));
  const rendered: Manifest[] = parseAllDocuments(go.render(file)).map((doc) => doc.toJS());
  const meant = intended(chart);
  expect(rendered).toHaveLength(meant.size);
  for (const object of rendered) expect(object).toEqual(meant.get(`${object.kind}/${object.metadata.name}`));

  // Every file every Python pod reads (own and shared ConfigMaps, hook Jobs' all-in-one ConfigMaps) is the library's text.
  const meantObjects = [...meant.values()] as Manifest[];
  const pythonPods = rendered.filter((o) => ['Deployment', 'Job', 'CronJob'].includes(o.kind)
    && (o.kind === 'CronJob' ? o.spec.jobTemplate.spec.template.spec : o.spec.template.spec).volumes?.some((v: any) => v.name === 'superset-config'));
  expect(pythonPods.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual(expect.arrayContaining([
    'Job/demo-migrate', 'Job/demo-init', 'Deployment/demo-web-server', 'Deployment/demo-celery-worker',
    'Deployment/demo-celery-beat', 'Deployment/demo-celery-flower',
  ]));
  for (const pod of pythonPods) {
    const files = pythonPath(rendered, pod);
    expect(files).toEqual(pythonPath(meantObjects, find(meantObjects, pod.kind, pod.metadata.name)));
    // spec.config and the bootstrap script reach every Python pod as written.
    expect(pythonText(rendered, pod)).toContain(`GREETING = "${LOOKUP}"`);
    expect(files['superset_bootstrap.sh']).toBe(`echo '${LOOKUP}'`);
    expect(pythonText(rendered, pod)).toContain('"CACHE_KEY_PREFIX": _vk_scope + "{(lookup \\"v1\\" \\"Secret\\" \\"bi\\" \\"db\\")}",');
  }

  // The hostile values arrived as written.
  const text = JSON.stringify(rendered);
  expect(text).toContain(JSON.stringify(LOOKUP).slice(1, -1));
  expect(text).toContain('{{ .Release.Name }}');
  expect(text).toContain('--motd={{ include \\"x\\" . }}');
  const config = pythonText(rendered, find(rendered, 'Deployment', 'demo-web-server'));
  expect(config).toContain('"CACHE_KEY_PREFIX": _vk_scope + "{(lookup \\"v1\\" \\"Secret\\" \\"bi\\" \\"db\\")}",');
  // Prometheus' and Grafana's own templates too.
  expect(text).toContain('{{ $labels.pod }}');
  expect(text).toContain('{{pod}}');
});

test('keys are escaped too: an object added to a Helm-delivered instance before it is escaped', () => {
  const chart = Testing.chart();
  const object = new ApiObject(chart, 'extra', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { '{{ lookup }}': '{{-' } });
  escapeForHelm(chart);
  escapeForHelm(chart); // once only, however often asked
  expect(parseAllDocuments(go.render(Yaml.stringify(...Testing.synth(chart))))[0].toJS())
    .toEqual(Object.getPrototypeOf(object).toJson.call(object));
});

test('without Helm delivery nothing is escaped', () => {
  const chart = Testing.chart();
  new SupersetInstance(chart, 'demo', { ...PROPS, lifecycle: { delivery: 'Plain' } });
  expect(Yaml.stringify(...Testing.synth(chart))).not.toContain('{{`');
});
