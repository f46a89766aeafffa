import { developmentOnly, isSet, pickSet } from './rule';
import type { Rule } from './rule';
import type { ValkeySpec } from '../../spec';
import { violation } from '../violations';

function valkeyOf(props: { readonly valkey?: ValkeySpec }): Partial<ValkeySpec> {
  return props.valkey ?? {};
}

/** CEL: inline `valkey.password` only in Development (elsewhere the operator would also drop it silently). */
export const valkeyPasswordDevelopmentOnly: Rule = (props) => developmentOnly(props, 'valkey.password',
  valkeyOf(props).password, 'valkey.password is only allowed when environment is Development',
  'use valkey.passwordFrom in Staging or Production');

/** CEL: `password` and `passwordFrom` are mutually exclusive. */
export const valkeyPasswordExclusive: Rule = (props) => {
  const v = valkeyOf(props);
  return isSet(v.password) && isSet(v.passwordFrom)
    ? [violation('valkey', 'password and passwordFrom are mutually exclusive', pickSet(v, ['password', 'passwordFrom']),
      'remove one')]
    : [];
};

export const VALKEY_RULES: readonly Rule[] = [valkeyPasswordDevelopmentOnly, valkeyPasswordExclusive];
