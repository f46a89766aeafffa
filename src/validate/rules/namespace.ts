import { isSet } from './rule';
import type { Rule } from './rule';
import type { SupersetInstanceProps } from '../../spec';
import { missing } from '../violations';

/** A feature beyond the operator whose objects name the instance's namespace. */
interface NamespaceNeed {
  readonly field: string;
  readonly when: (props: SupersetInstanceProps) => boolean;
  readonly because: string;
}

const NEEDS: readonly NamespaceNeed[] = [
  {
    field: 'monitoring.serviceMonitor',
    when: (p) => isSet(p.monitoring?.serviceMonitor),
    because: 'the ServiceMonitors\' namespaceSelector and the alert queries name it',
  },
  { field: 'celeryWorker.queueScaling', when: (p) => isSet(p.celeryWorker?.queueScaling), because: 'the queue\'s name contains it' },
];

/**
 * The features that name the instance's namespace need one, from the props or from the chart: one problem naming
 * every such feature that is set.
 */
export const namespaceRequired: Rule = (props, _instanceName, context) => {
  if (isSet(props.namespace) || !context.chart || context.chart.namespace) return [];
  const needs = NEEDS.filter((need) => need.when(props));
  if (needs.length === 0) return [];
  const reasons = needs.map((need) => `${need.field} is set: ${need.because}`).join('; and when ');
  return [missing('namespace', `is required when ${reasons}`, 'set namespace on the props or on the chart')];
};

export const NAMESPACE_RULES: readonly Rule[] = [namespaceRequired];
