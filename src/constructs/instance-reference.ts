import type { IConstruct } from 'constructs';
import type { ResolvedInstance } from '../base/model/instance';

/**
 * What constructs that work on an instance (routing, policies, monitoring, cdk8s-plus peers) need from it: its
 * name, namespace and resolved model. They read nothing else, so anything that resolves a model can stand in.
 */
export interface ISupersetInstance extends IConstruct {
  /** The instance name. */
  readonly instanceName: string;
  /** The namespace of every object, when one is set. */
  readonly namespace?: string;
  /** The resolved model of the instance: every feature, resolved before any object is built. */
  readonly model: ResolvedInstance;
}
