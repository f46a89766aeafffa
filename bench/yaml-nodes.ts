/**
 * The size of synthesized documents in YAML nodes, as the YAML data model counts them: every mapping, every
 * sequence and every scalar, keys included (each key of a mapping is a scalar node of its own). Counted on the JSON
 * documents cdk8s writes, which map one to one onto YAML nodes (`null` is a scalar).
 */
export function yamlNodes(value: unknown): number {
  if (Array.isArray(value)) {
    let n = 1;
    for (const item of value) n += yamlNodes(item);
    return n;
  }
  if (value !== null && typeof value === 'object') {
    let n = 1;
    for (const item of Object.values(value)) n += 1 + yamlNodes(item);
    return n;
  }
  return 1;
}
