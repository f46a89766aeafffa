import { isSet } from './rule';
import type { Rule } from './rule';
import { missing } from '../violations';

/**
 * Beyond the operator: the ServiceMonitors' namespaceSelector and every alert and dashboard query name the
 * instance's namespace, so monitoring needs one, from the props or from the chart.
 */
export const monitoringRequiresNamespace: Rule = (props, _instanceName, context) =>
  isSet(props.monitoring?.serviceMonitor) && !isSet(props.namespace) && context.chart && !context.chart.namespace
    ? [missing('namespace', 'is required when monitoring.serviceMonitor is set: the ServiceMonitors\' '
      + 'namespaceSelector and every alert and dashboard query name it', 'set namespace on the props or on the chart')]
    : [];

export const NAMESPACE_RULES: readonly Rule[] = [monitoringRequiresNamespace];
