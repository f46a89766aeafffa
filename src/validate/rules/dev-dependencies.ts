import { developmentOnly, isSet } from './rule';
import type { Rule } from './rule';
import { violation } from '../violations';

/** Beyond the operator: throw-away databases with inline passwords only in Development. */
export const devDependenciesDevelopmentOnly: Rule = (props) => developmentOnly(props, 'devDependencies',
  props.devDependencies, 'devDependencies is only allowed when environment is Development: they keep data in a '
  + 'single unbacked pod and their passwords inline', 'point metastore and valkey at managed services instead');

/** Beyond the operator: `devDependencies` wires `metastore` and `valkey`, so setting them too is a contradiction. */
export const devDependenciesReplaceConnections: Rule = (props) => {
  if (!isSet(props.devDependencies)) return [];
  return (['metastore', 'valkey'] as const).filter((field) => isSet(props[field])).map((field) => violation(field,
    `must not be set with devDependencies, which points ${field} at its own server`, props[field],
    `remove ${field}, or remove devDependencies to use your own server`));
};

/**
 * Beyond the operator: hooks run before anything else is applied, so with hook delivery the first migrate Job
 * would wait for a PostgreSQL that does not exist yet, and fail.
 */
export const devDependenciesNeedPlainDelivery: Rule = (props) => {
  const delivery = props.lifecycle?.delivery;
  const hooks = props.lifecycle?.disabled !== true && (delivery === 'ArgoCD' || delivery === 'Helm');
  return isSet(props.devDependencies) && hooks
    ? [violation('lifecycle.delivery', `${delivery} delivery runs the lifecycle Jobs as hooks before any other object `
      + 'exists, so before the PostgreSQL of devDependencies', delivery,
    'remove it: the default \'Plain\' delivery works with Argo CD and Helm too')]
    : [];
};

export const DEV_DEPENDENCY_RULES: readonly Rule[] = [
  devDependenciesDevelopmentOnly, devDependenciesReplaceConnections, devDependenciesNeedPlainDelivery,
];
