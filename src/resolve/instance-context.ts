import type { SupersetSpec } from '../spec';
import type { ComponentExtension } from './extensions';

/** What every component of one instance shares. */
export interface InstanceContext {
  readonly spec: SupersetSpec;
  readonly name: string;
  readonly namespace?: string;
  readonly serviceAccountName: string;
  /** The features that add to component pods (metrics sidecar, migration wait), chosen by the composition root. */
  readonly extensions: readonly ComponentExtension[];
}

/** Pod annotation that rolls a component's pods when its rendered inputs change. */
export const CHECKSUM_ANNOTATION = 'superset.apache.org/config-checksum';
