import { createHash } from 'node:crypto';

/**
 * A plain object with its keys in code-unit order: the object itself when they are already (most objects the
 * checksums cover; copying them all was a fifth of the hashing time), else a sorted copy. Object.keys lists
 * integer-like keys first either way, so an object whose keys it lists sorted serializes as its sorted copy would.
 */
function sortedKeys(object: object): object {
  const keys = Object.keys(object);
  let i = 1;
  while (i < keys.length && keys[i - 1] < keys[i]) i++;
  if (i >= keys.length) return object;
  const sorted: Record<string, unknown> = {};
  for (const key of keys.sort()) sorted[key] = (object as Record<string, unknown>)[key];
  return sorted;
}

/**
 * JSON with object keys sorted at every level, so equal inputs always hash alike. Native `JSON.stringify` with a
 * sorting replacer: hashing whole Jobs for their names made a hand-written serializer show up in profiles.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? sortedKeys(v) : v));
}

/** The SHA-256 hex digest of any JSON-like value, keys sorted, so equal content hashes alike. */
export function contentHash(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}

/**
 * The SHA-256 hex digest of each file's text, by file name: what a checksum covers of the files a pod reads. A
 * checksum over the digests changes exactly when a text does, without serializing every text again for each pod
 * that reads it (the shared files are read by every pod of an instance).
 */
export function fileDigests(files: { readonly [name: string]: string }): { [name: string]: string } {
  const digests: { [name: string]: string } = {};
  for (const [name, text] of Object.entries(files)) digests[name] = createHash('sha256').update(text).digest('hex');
  return digests;
}

/** A `sha256:<hex>` content hash of any JSON-like value. */
export function contentChecksum(value: unknown): string {
  return `sha256:${contentHash(value)}`;
}
