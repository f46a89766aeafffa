import type { SupersetSpec } from '../spec';

/** What every component of one instance shares. */
export interface InstanceContext {
  readonly spec: SupersetSpec;
  readonly name: string;
  readonly namespace?: string;
  readonly serviceAccountName: string;
}

/** Pod annotation that rolls a component's pods when its rendered inputs change. */
export const CHECKSUM_ANNOTATION = 'superset.apache.org/config-checksum';
