import type { SupersetInstanceProps } from '../spec';
import { COMPONENT_TYPES, SPEC_FIELD } from './component-types';
import { parentLabels } from './labels';
import { mergeMaps } from './merge';
import type { ResolvedInstance, ResolvedServiceAccount } from './model';
import { type InstanceContext, resolveComponent } from './resolve-component';

function resolveServiceAccount(props: SupersetInstanceProps, name: string): ResolvedServiceAccount {
  const sa = props.serviceAccount ?? {};
  return {
    name: sa.name || name,
    create: sa.create !== false,
    labels: parentLabels(name),
    annotations: mergeMaps(sa.annotations),
  };
}

/**
 * Resolves validated props into the model the builders read: defaults applied, templates merged, presets
 * computed and `superset_config.py` rendered, one entry per present component.
 */
export function resolveInstance(props: SupersetInstanceProps, name: string, namespace: string | undefined): ResolvedInstance {
  const serviceAccount = resolveServiceAccount(props, name);
  const ctx: InstanceContext = { spec: props, name, namespace, serviceAccountName: serviceAccount.name };
  return {
    name,
    namespace,
    serviceAccount,
    components: COMPONENT_TYPES.filter((type) => props[SPEC_FIELD[type]] !== undefined).map((type) => resolveComponent(ctx, type)),
  };
}
