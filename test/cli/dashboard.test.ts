// `cdk8s-superset dashboard`, run as a separate process: the shared Grafana dashboard for rendered resources, the
// same ConfigMap an app of the library gets from SupersetDashboard.
import { Chart, Testing } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { SupersetDashboard } from '../../src';
import { CliUnderTest } from '../support/cli';

let cli: CliUnderTest;
beforeAll(() => {
  cli = new CliUnderTest();
}, 120_000);
afterAll(() => cli?.dispose());

const documents = (text: string) => parseAllDocuments(text).map((d) => d.toJS());

test('writes the ConfigMap SupersetDashboard builds, with the options as its props', () => {
  const result = cli.run(['dashboard', '--namespace', 'monitoring', '--label', 'team=bi', '--label', 'release=prometheus',
    '--annotation', 'grafana_folder=Superset / BI', '--annotation', 'note=a=b']);
  expect([result.status, result.stderr]).toEqual([0, '']);
  const chart = new Chart(Testing.app(), 'c');
  new SupersetDashboard(chart, 'Dashboard', {
    namespace: 'monitoring', labels: { team: 'bi', release: 'prometheus' }, annotations: { grafana_folder: 'Superset / BI', note: 'a=b' },
  });
  expect(documents(result.stdout)).toEqual(chart.toJson());
});

test('--uid, --title and --instance-namespace make a tenant\'s dashboard', () => {
  const result = cli.run(['dashboard', '--uid', 'superset-a', '--title', 'Superset A', '--instance-namespace', 'a', '--instance-namespace', 'a-dev']);
  expect([result.status, result.stderr]).toEqual([0, '']);
  const chart = new Chart(Testing.app(), 'c');
  new SupersetDashboard(chart, 'Dashboard', { uid: 'superset-a', title: 'Superset A', instanceNamespaces: ['a', 'a-dev'] });
  expect(documents(result.stdout)).toEqual(chart.toJson());
});

test('--name names it, --helm-chart escapes it for a chart\'s templates', () => {
  const [plain] = documents(cli.run(['dashboard', '--name', 'bi-dashboard']).stdout);
  expect(plain.metadata).toEqual({ name: 'bi-dashboard', labels: { 'grafana_dashboard': '1', 'app.kubernetes.io/name': 'superset' } });
  const [helm] = documents(cli.run(['dashboard', '--helm-chart']).stdout);
  expect(plain.data['cdk8s-superset.json']).toContain('"legendFormat":"{{pod}}"');
  expect(helm.data['cdk8s-superset.json']).toContain('"legendFormat":"{{`{{pod}}`}}"');
});

test('invalid options exit 1 naming each option, every problem at once, and write nothing', () => {
  const result = cli.run(['dashboard', '--uid', 'a/b', '--label', 'superset.apache.org/parent=x', '--annotation', 'bad key=1']);
  expect(result.status).toBe(1);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^cdk8s-superset dashboard: 3 problems:/);
  for (const option of ['--uid: must be 1 to 40 lowercase letters', '--label: label keys under superset.apache.org/ are reserved', '--annotation["bad key"]']) {
    expect(result.stderr).toContain(`- ${option}`);
  }
});

test('malformed or repeated KEY=VALUE and unknown options are usage errors (exit 2)', () => {
  for (const [args, message] of [
    [['--label', 'team'], '--label takes KEY=VALUE, got "team"'],
    [['--label', 'team=a', '--label', 'team=b'], '--label "team" is given twice'],
    [['--folder', 'x'], "Unknown option '--folder'"],
    // An option of one value given twice: the first would be dropped without a word.
    [['--namespace', 'a', '--namespace', 'b'], '--namespace is given more than once'],
    [['--uid', 'a', '--uid', 'b'], '--uid is given more than once'],
    // The namespace option names a namespace, as for render.
    [['--namespace', 'Monitoring'], '--namespace must be a DNS label'],
    [['extra'], 'extra'],
  ] as const) {
    const result = cli.run(['dashboard', ...args]);
    expect([result.status, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain(message);
  }
});
