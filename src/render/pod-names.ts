/*
 * How Kubernetes names the pods of a Deployment, as a regex. The ReplicaSet is `<deployment>-<hash>` (the
 * pod-template-hash: a 32-bit number, encoded in 1 to 10 lowercase letters and digits), and its pods take the
 * generated name `<ReplicaSet>-<5 random characters>`. The name generator keeps at most 58 characters of the
 * prefix `<ReplicaSet>-`, so that the name stays within 63: a long prefix loses its last hyphen, then hash
 * characters, and for the longest names even the end of the Deployment name.
 */

/** Characters of a pod name the generator may keep of its prefix (63 minus the random suffix). */
export const MAX_GENERATED_PREFIX = 58;
/** Length of the random suffix of a generated name. */
export const RANDOM_SUFFIX_LENGTH = 5;
/** The longest pod-template-hash: a 32-bit number has at most 10 digits, each encoded as one character. */
export const MAX_HASH_LENGTH = 10;

/**
 * The characters of a pod-template-hash and of the random suffix: Kubernetes encodes both with the same alphabet,
 * which has no vowels (and no 0, 1, 3), so that generated names spell no words. A Job's pod `<instance>-<task>-<suffix>`
 * therefore never passes for a Deployment's pod: every task name has a vowel.
 */
export const NAME_CHAR = '[b-df-hj-np-tv-xz24-9]'; // bcdfghjklmnpqrstvwxz2456789
const CHAR = NAME_CHAR;

/** One form of a pod name: a literal beginning and a regex for the rest. */
export interface PodNameForm {
  /** The literal beginning: the Deployment name, or as much of it as the generator keeps. */
  readonly literal: string;
  /** A regex for the rest of the name. */
  readonly rest: string;
}

/**
 * The forms of the names Kubernetes gives the pods of Deployment `deployment` (a DNS label, so the literals need no
 * escaping in a regex):
 *
 * - `<deployment>-<hash>-<suffix>`, when the prefix fits;
 * - `<deployment>-<characters>` of 63 characters in all, when the hash or its hyphen was cut;
 * - the first 58 characters of the Deployment name and the suffix, when even that name was cut.
 *
 * Every form has fixed lengths and at most one hyphen after the Deployment name, so pods of an instance whose name
 * merely starts like this one do not match, nor do Job pods. Where a long name was cut, another instance's pod can
 * still look the same; `ownedPods` in promql.ts settles that by the pod's owner.
 */
export function podNameForms(deployment: string): PodNameForm[] {
  const prefix = `${deployment}-`;
  if (prefix.length > MAX_GENERATED_PREFIX) {
    return [{ literal: deployment.slice(0, MAX_GENERATED_PREFIX), rest: `${CHAR}{${RANDOM_SUFFIX_LENGTH}}` }];
  }
  // Room in the kept prefix for the hash and the hyphen after it.
  const room = MAX_GENERATED_PREFIX - prefix.length;
  const longestWholeHash = Math.min(MAX_HASH_LENGTH, room - 1);
  return [
    ...(longestWholeHash >= 1 ? [{ literal: deployment, rest: `-${CHAR}{1,${longestWholeHash}}-${CHAR}{${RANDOM_SUFFIX_LENGTH}}` }] : []),
    // A hash that reaches the cut: what is left of it runs into the suffix.
    ...(MAX_HASH_LENGTH >= room ? [{ literal: deployment, rest: `-${CHAR}{${room + RANDOM_SUFFIX_LENGTH}}` }] : []),
  ];
}
