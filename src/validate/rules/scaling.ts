import { at, isSet, pickSet } from './rule';
import type { Rule } from './rule';
import type { ScalableSpec, SupersetInstanceProps } from '../../spec';
import { violation } from '../violations';

/** Every place that takes replicas, autoscaling and a disruption budget: the top level and scalable components. */
function scalableLevels(props: SupersetInstanceProps): { readonly path: string; readonly spec?: ScalableSpec }[] {
  return [
    { path: '', spec: props },
    { path: 'webServer', spec: props.webServer },
    { path: 'celeryWorker', spec: props.celeryWorker },
    { path: 'celeryFlower', spec: props.celeryFlower },
    { path: 'websocketServer', spec: props.websocketServer },
    { path: 'mcpServer', spec: props.mcpServer },
  ];
}

/** CEL: `maxReplicas >= minReplicas`. */
export const autoscalingMaxAtLeastMin: Rule = (props) => scalableLevels(props).flatMap(({ path, spec }) => {
  const { minReplicas, maxReplicas } = spec?.autoscaling ?? {};
  return typeof minReplicas === 'number' && typeof maxReplicas === 'number' && maxReplicas < minReplicas
    ? [violation(at(path, 'autoscaling.maxReplicas'),
      `maxReplicas must be >= minReplicas (minReplicas is ${minReplicas})`, maxReplicas)]
    : [];
});

/** CEL: a disruption budget sets `minAvailable` or `maxUnavailable`, not both. */
export const podDisruptionBudgetExclusive: Rule = (props) => scalableLevels(props).flatMap(({ path, spec }) => {
  const pdb = spec?.podDisruptionBudget;
  return isSet(pdb?.minAvailable) && isSet(pdb?.maxUnavailable)
    ? [violation(at(path, 'podDisruptionBudget'), 'minAvailable and maxUnavailable are mutually exclusive',
      pickSet(pdb!, ['minAvailable', 'maxUnavailable']), 'remove one')]
    : [];
});

/**
 * Beyond the operator: where one level sets both `replicas` and `autoscaling`, the operator ignores `replicas`.
 * We never drop user input silently. (Component replicas under top-level autoscaling: see ignored-input.ts.)
 */
export const replicasWithAutoscaling: Rule = (props) => scalableLevels(props).flatMap(({ path, spec }) =>
  isSet(spec?.replicas) && isSet(spec?.autoscaling)
    ? [violation(at(path, 'replicas'), `replicas is ignored when ${at(path, 'autoscaling')} is set`, spec?.replicas,
      `remove one of ${at(path, 'replicas')} and ${at(path, 'autoscaling')}`)]
    : []);

export const SCALING_RULES: readonly Rule[] = [
  autoscalingMaxAtLeastMin, podDisruptionBudgetExclusive, replicasWithAutoscaling,
];
