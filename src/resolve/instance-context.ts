import type { InstanceConfigFiles } from './config-files';
import type * as k8s from '../../imports/k8s';
import type { SharedConfigMaps } from '../base/config-files';
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
  /**
   * The instance's ConfigMaps of shared files and variables, when the instance creates them; undefined for a
   * component built on its own, which then carries every file and variable itself.
   */
  readonly shared?: SharedConfigMaps;
  /** The instance-wide files every Python consumer runs, rendered once. */
  readonly files: InstanceConfigFiles;
  /** The variables every Python pod receives (`pythonEnv`), built once: every pod of the instance holds these objects. */
  readonly pythonEnv: readonly k8s.EnvVar[];
}

/** Pod annotation that rolls a component's pods when its rendered inputs change. */
export const CHECKSUM_ANNOTATION = 'superset.apache.org/config-checksum';
