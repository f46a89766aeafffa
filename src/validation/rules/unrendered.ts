import { violation } from '../violation';
import { isSet } from './rule';
import type { Rule } from './rule';

/**
 * Parts of the spec this version accepts in its types but does not render yet. Ignoring them would silently
 * drop what the user asked for (an unmigrated database, an unreachable or unisolated instance), so they fail.
 */
const NOT_RENDERED: readonly { readonly field: 'networking' | 'monitoring' | 'networkPolicy'; readonly what: string }[] = [
  { field: 'monitoring', what: 'ServiceMonitor objects' },
];

/** Until lifecycle Jobs are rendered, an enabled lifecycle would leave the metastore unmigrated. */
export const lifecycleMustBeDisabled: Rule = (props) =>
  props.lifecycle?.disabled === true
    ? []
    : [violation('lifecycle', 'this version renders no lifecycle Jobs (migrate, init), and an absent lifecycle means '
      + 'enabled', props.lifecycle, "set lifecycle: { disabled: true } and run 'superset db upgrade' and 'superset init' "
      + 'before rolling out')];

/** Until routing, monitoring and policies are rendered, asking for them is an error rather than a no-op. */
export const notRenderedYet: Rule = (props) =>
  NOT_RENDERED.filter(({ field }) => isSet(props[field])).map(({ field, what }) =>
    violation(field, `this version renders no ${what}`, props[field], `remove ${field}`));

export const UNRENDERED_RULES: readonly Rule[] = [lifecycleMustBeDisabled, notRenderedYet];
