import { Testing } from 'cdk8s';
import { SupersetInstance, type SupersetInstanceProps } from '../src';

/** A manifest as synthesized: plain JSON. */
export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [key: string]: any;
};

/** The smallest valid production spec; tests add what they exercise. */
export const BASE: SupersetInstanceProps = {
  image: { tag: '6.1.0' },
  secretKeyFrom: { name: 'app-secret', key: 'secret-key' },
  lifecycle: { disabled: true },
};

/** Synthesizes one instance named `demo` (unless the props name it) in a fresh chart. */
export function synth(props: Partial<SupersetInstanceProps> = {}, id = 'demo'): Manifest[] {
  const chart = Testing.chart();
  new SupersetInstance(chart, id, { ...BASE, ...props });
  return Testing.synth(chart);
}

/** The one manifest of a kind and name; fails the test when it is missing. */
export function find(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (!found) {
    throw new Error(`no ${kind} ${name} among ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  }
  return found;
}

/** The main `superset` container of a Deployment. */
export function mainContainer(deployment: Manifest): any {
  return deployment.spec.template.spec.containers.find((c: any) => c.name === 'superset');
}

/** A container's environment as a name → entry map. */
export function envOf(container: any): Record<string, any> {
  return Object.fromEntries((container.env ?? []).map((e: any) => [e.name, e.value ?? e.valueFrom]));
}
