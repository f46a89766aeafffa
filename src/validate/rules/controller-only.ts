import { isSet } from './rule';
import type { Rule } from './rule';
import { type Violation } from '../../base/errors';
import type { SupersetInstanceProps } from '../../spec';
import { violation } from '../violations';

/*
 * Parts of the lifecycle spec that only the operator's controller can carry out at run time. They are valid
 * operator input, but manifests cannot reproduce them: refused rather than dropped.
 */

/** Beyond the operator: approving upgrades needs its controller, which holds the tasks until approval. */
export const supervisedUpgradeNeedsController: Rule = (props) =>
  props.lifecycle?.upgradeMode === 'Supervised'
    ? [violation('lifecycle.upgradeMode', '\'Supervised\' needs the operator\'s controller to hold upgrades until '
      + 'they are approved, which manifests cannot do', props.lifecycle.upgradeMode,
    'remove it and approve upgrades in your delivery tool instead (a reviewed pull request, a manual sync)')]
    : [];

/** Beyond the operator: a maintenance page needs its controller, which drains the components and switches the Service. */
export const maintenancePageNeedsController: Rule = (props) =>
  isSet(props.lifecycle?.maintenancePage)
    ? [violation('lifecycle.maintenancePage', 'a maintenance page needs the operator\'s controller to drain the '
      + 'components and switch the web Service to it, which manifests cannot do', props.lifecycle?.maintenancePage,
    'remove it')]
    : [];

export const CONTROLLER_ONLY_RULES: readonly Rule[] = [supervisedUpgradeNeedsController, maintenancePageNeedsController];

/**
 * The props without the fields only the operator's controller can carry out, and a violation for each dropped
 * field saying why it needed the controller. For rendering the operator's own samples, which use them.
 */
export function withoutControllerOnlyFields<T extends object>(
  props: T, instanceName: string,
): { readonly props: T; readonly dropped: readonly Violation[] } {
  const dropped = CONTROLLER_ONLY_RULES.flatMap((rule) => rule(props as SupersetInstanceProps, instanceName, {}));
  return { props: dropped.reduce((current, v) => withoutPath(current, v.path.split('.')), props), dropped };
}

/** A copy of `value` without the field at `path` (object keys only), sharing everything it does not change. */
function withoutPath<T>(value: T, path: readonly string[]): T {
  if (path.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const [head, ...rest] = path;
  const record = value as Record<string, unknown>;
  if (!Object.prototype.hasOwnProperty.call(record, head)) return value;
  const copy = { ...record };
  if (rest.length === 0) delete copy[head];
  else copy[head] = withoutPath(record[head], rest);
  return copy as T;
}
