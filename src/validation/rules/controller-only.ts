import { violation } from '../violation';
import { isSet } from './rule';
import type { Rule } from './rule';

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
