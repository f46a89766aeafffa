import type { SupersetInstanceProps } from '../../src';
import { synth, type Manifest } from '../util';

/** The namespace of monitored test instances. */
export const NAMESPACE = 'analytics';

/** An instance with every component monitoring looks at, and the ServiceMonitor that turns monitoring on. */
export const MONITORED: Partial<SupersetInstanceProps> = {
  namespace: NAMESPACE,
  webServer: {},
  celeryWorker: {},
  celeryBeat: {},
  celeryFlower: {},
  monitoring: { serviceMonitor: {} },
};

/** Synthesizes the monitored instance `demo` with `props` replacing top-level fields. */
export function synthMonitored(props: Partial<SupersetInstanceProps> = {}): Manifest[] {
  return synth({ ...MONITORED, ...props });
}

/** The objects of one kind. */
export function ofKind(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter((m) => m.kind === kind);
}

/** A container of a Deployment by name, or undefined. */
export function containerOf(deployment: Manifest, name: string): any {
  return deployment.spec.template.spec.containers.find((c: any) => c.name === name);
}
