import { developmentOnly, fromStore, isSet } from './rule';
import type { Rule } from './rule';
import { missing, violation } from '../violations';

/** CEL: `has(secretKey) != has(secretKeyFrom)`. Every component needs Flask's SECRET_KEY. */
export const secretKeyExactlyOne: Rule = (props) => {
  const inline = isSet(props.secretKey);
  // `externalSecrets.secretKey` fills in secretKeyFrom; its own rule refuses setting either field next to it.
  if (fromStore(props, 'secretKey')) return [];
  if (inline !== isSet(props.secretKeyFrom)) return [];
  const rule = 'exactly one of secretKey (dev only) or secretKeyFrom must be set';
  return inline
    ? [violation('secretKey', `${rule}, not both`, props.secretKey, 'remove secretKey or secretKeyFrom')]
    : [missing('secretKeyFrom', rule,
      'reference a Secret key, for example { name: \'superset-secret\', key: \'secret-key\' }')];
};

/** CEL: inline `secretKey` only in Development (elsewhere the operator would also drop it silently). */
export const secretKeyDevelopmentOnly: Rule = (props) => developmentOnly(props, 'secretKey', props.secretKey,
  'secretKey is only allowed when environment is Development', 'use secretKeyFrom in Staging or Production');

/** CEL: inline `previousSecretKey` only in Development (elsewhere the operator would also drop it silently). */
export const previousSecretKeyDevelopmentOnly: Rule = (props) => developmentOnly(props, 'previousSecretKey',
  props.previousSecretKey, 'previousSecretKey is only allowed when environment is Development',
  'use previousSecretKeyFrom in Staging or Production');

/** CEL: `previousSecretKey` and `previousSecretKeyFrom` are mutually exclusive. */
export const previousSecretKeyExclusive: Rule = (props) =>
  isSet(props.previousSecretKey) && isSet(props.previousSecretKeyFrom)
    ? [violation('previousSecretKey', 'previousSecretKey and previousSecretKeyFrom are mutually exclusive',
      props.previousSecretKey, 'remove one')]
    : [];

export const SECRET_RULES: readonly Rule[] = [
  secretKeyExactlyOne, secretKeyDevelopmentOnly, previousSecretKeyDevelopmentOnly, previousSecretKeyExclusive,
];
