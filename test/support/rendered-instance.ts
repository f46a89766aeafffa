import { Chart, Testing } from 'cdk8s';
import { SupersetInstance, type SupersetInstanceProps } from '../../src';
import { BASE, find, mainContainer, type Manifest } from '../util';

/** A component's rendered superset_config.py and the environment its pod gets, as the kubelet would set it. */
export interface RenderedComponent {
  readonly namespace: string;
  readonly name: string;
  readonly config: string;
  readonly env: Record<string, string>;
}

/**
 * Synthesizes one instance in `namespace` with the library and returns a Python component's config and pod
 * environment: plain values as written, the downward API's namespace as the pod's, Secret references from `secrets`
 * (keyed `<secret>/<key>`).
 */
export function renderComponent(
  namespace: string, name: string, props: Partial<SupersetInstanceProps>, component: string,
  secrets: Readonly<Record<string, string>> = {},
): RenderedComponent {
  const chart = new Chart(Testing.app(), `${namespace}-${name}`, { namespace });
  new SupersetInstance(chart, name, { ...BASE, ...props });
  const manifests: Manifest[] = Testing.synth(chart);
  const deployment = find(manifests, 'Deployment', `${name}-${component}`);
  const env = Object.fromEntries(mainContainer(deployment).env.map((e: any) => {
    if (e.value !== undefined) return [e.name, e.value];
    if (e.valueFrom.fieldRef?.fieldPath === 'metadata.namespace') return [e.name, deployment.metadata.namespace];
    const ref = e.valueFrom.secretKeyRef;
    const value = secrets[`${ref.name}/${ref.key}`];
    if (value === undefined) throw new Error(`no test value for Secret ${ref.name}/${ref.key}`);
    return [e.name, value];
  }));
  const config = find(manifests, 'ConfigMap', `${name}-${component}-config`).data['superset_config.py'];
  return { namespace, name, config, env };
}
