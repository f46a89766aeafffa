import { Chart, Testing } from 'cdk8s';
import { containerEnv, pythonPath, writePythonPath } from './pod';
import { SupersetInstance, type SupersetInstanceProps } from '../../src';
import { BASE, find, mainContainer, type Manifest } from '../util';

/** What a component's pod sees: its PYTHONPATH files, its superset_config.py and its environment, as the kubelet sets them. */
export interface RenderedComponent {
  readonly namespace: string;
  readonly name: string;
  /** Every file of the pod's /app/pythonpath (its own ConfigMap and the instance's shared one), by file name. */
  readonly files: Readonly<Record<string, string>>;
  /** The pod's `superset_config.py` alone (`files['superset_config.py']`); it runs the other files of `files`. */
  readonly config: string;
  /** The main container's environment: `envFrom` ConfigMaps, then `env`. */
  readonly env: Record<string, string>;
}

/**
 * Synthesizes one instance in `namespace` with the library and returns what a Python component's pod sees: its
 * PYTHONPATH files and its environment, plain values as written, the downward API's namespace as the pod's, Secret
 * references from `secrets` (keyed `<secret>/<key>`).
 */
export function renderComponent(
  namespace: string, name: string, props: Partial<SupersetInstanceProps>, component: string,
  secrets: Readonly<Record<string, string>> = {},
): RenderedComponent {
  const chart = new Chart(Testing.app(), `${namespace}-${name}`, { namespace });
  new SupersetInstance(chart, name, { ...BASE, ...props });
  const manifests: Manifest[] = Testing.synth(chart);
  const deployment = find(manifests, 'Deployment', `${name}-${component}`);
  const env = containerEnv(manifests, mainContainer(deployment), deployment.metadata.namespace ?? namespace, secrets);
  const files = pythonPath(manifests, deployment);
  const config = files['superset_config.py'];
  if (config === undefined) throw new Error(`${name}-${component} has no superset_config.py on its PYTHONPATH`);
  return { namespace, name, files, config, env };
}

/**
 * Writes a pod's PYTHONPATH `files` into `folder` and returns Python source that runs its superset_config.py the way
 * Superset imports it: the file's own text, with `__file__` naming it, so the overlay finds its sibling files. For
 * probes that `exec` a config text in their own namespace instead of importing a module.
 */
export function importingSource(folder: string, files: Readonly<Record<string, string>>): string {
  const configPath = writePythonPath(folder, files);
  return [
    `__file__ = ${JSON.stringify(configPath)}`,
    'with open(__file__, encoding="utf-8") as _source:',
    '    exec(compile(_source.read(), __file__, "exec"))',
    '',
  ].join('\n');
}
