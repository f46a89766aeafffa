import { violation } from '../violation';
import { isSet } from './rule';
import type { Rule } from './rule';

/**
 * Parts of the spec this version accepts in its types but does not render yet. Ignoring them would silently
 * drop what the user asked for (an unmigrated database, an unreachable or unisolated instance), so they fail.
 */
const NOT_RENDERED: readonly { readonly field: 'networking' | 'monitoring' | 'networkPolicy'; readonly what: string }[] = [
];

/** Until routing, monitoring and policies are rendered, asking for them is an error rather than a no-op. */
export const notRenderedYet: Rule = (props) =>
  NOT_RENDERED.filter(({ field }) => isSet(props[field])).map(({ field, what }) =>
    violation(field, `this version renders no ${what}`, props[field], `remove ${field}`));

/*
 * Parts of the lifecycle spec that only the operator's controller can carry out at run time. They are valid
 * operator input, so validation accepts them, but manifests cannot reproduce them: refused rather than dropped.
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

export const UNRENDERED_RULES: readonly Rule[] = [notRenderedYet, supervisedUpgradeNeedsController, maintenancePageNeedsController];
