import { parseArgs } from 'node:util';
import { App, Chart } from 'cdk8s';
import { refuseRepeated, UsageError } from './options';
import { type CommandIo, EXIT } from './render-command';
import { SupersetValidationError } from '../base/errors';
import { isDnsLabel } from '../base/patterns';
import { SupersetDashboard, type SupersetDashboardProps } from '../constructs/superset-dashboard';
import { yamlDocuments } from '../render/yaml';

/**
 * `KEY=VALUE` arguments of a repeatable option as a map. A key given twice is refused rather than one of its values
 * dropped; the map's keys and values are checked by the dashboard like those of the library's props.
 */
function pairs(option: string, values: readonly string[] | undefined): { [key: string]: string } | undefined {
  if (values === undefined) return undefined;
  const map: { [key: string]: string } = {};
  for (const value of values) {
    const at = value.indexOf('=');
    if (at < 0) throw new UsageError(`--${option} takes KEY=VALUE, got ${JSON.stringify(value)}`);
    const key = value.slice(0, at);
    if (Object.prototype.hasOwnProperty.call(map, key)) throw new UsageError(`--${option} ${JSON.stringify(key)} is given twice`);
    map[key] = value.slice(at + 1);
  }
  return map;
}

/** The props of a `dashboard` command line (the arguments after `dashboard`). */
export function parseDashboardOptions(args: readonly string[]): SupersetDashboardProps {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: false,
      strict: true,
      tokens: true,
      options: {
        'namespace': { type: 'string' },
        'name': { type: 'string' },
        'label': { type: 'string', multiple: true },
        'annotation': { type: 'string', multiple: true },
        'uid': { type: 'string' },
        'title': { type: 'string' },
        'instance-namespace': { type: 'string', multiple: true },
        'helm-chart': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, tokens } = parsed;
  refuseRepeated(tokens, ['label', 'annotation', 'instance-namespace']);
  const namespace = values.namespace;
  // As for render: the namespace option names a namespace, or the command line is wrong.
  if (namespace !== undefined && !isDnsLabel(namespace)) {
    throw new UsageError(`--namespace must be a DNS label (lowercase letters, digits and '-'), got ${JSON.stringify(namespace)}`);
  }
  return {
    namespace,
    name: values.name,
    labels: pairs('label', values.label),
    annotations: pairs('annotation', values.annotation),
    uid: values.uid,
    title: values.title,
    instanceNamespaces: values['instance-namespace'],
    helmChart: values['helm-chart'],
  };
}

/**
 * `cdk8s-superset dashboard`: the one Grafana dashboard for every instance, as a ConfigMap on standard output, for
 * resources rendered by `render` (an app of the library adds a `SupersetDashboard` instead). Invalid options
 * (a namespace, name, label or annotation Kubernetes refuses) write nothing and list every problem.
 */
export function dashboardCommand(props: SupersetDashboardProps, io: CommandIo): number {
  const chart = new Chart(new App(), 'dashboard');
  let dashboard: SupersetDashboard;
  try {
    dashboard = new SupersetDashboard(chart, 'Dashboard', props);
  } catch (error) {
    // Problems name the option the user wrote (`--label`), not the construct's prop.
    if (error instanceof SupersetValidationError) throw error.restate('cdk8s-superset dashboard', optionOf);
    throw error;
  }
  io.stdout(yamlDocuments([dashboard.configMap.toJson()]));
  return EXIT.ok;
}

const OPTIONS: { readonly [prop: string]: string } = {
  namespace: '--namespace',
  name: '--name',
  labels: '--label',
  annotations: '--annotation',
  uid: '--uid',
  title: '--title',
  instanceNamespaces: '--instance-namespace',
  helmChart: '--helm-chart',
};

/** The option of a props path: `labels["bad key"]` is `--label["bad key"]`. */
function optionOf(path: string): string {
  const prop = /^[A-Za-z]+/.exec(path)?.[0] ?? '';
  return prop in OPTIONS ? OPTIONS[prop] + path.slice(prop.length) : path;
}
