/**
 * Validates synthesized YAML files with the same two checks the tests use (test/support/k8s-schema.ts): the
 * `kubernetes-models` schemas (values) and the Kubernetes 1.28 / CRD bindings (unknown fields).
 *   tsx scripts/validate-manifests.ts <file.k8s.yaml>...
 * Exit code 0 when every manifest is valid, 1 otherwise (each problem is printed), 2 when a file has no manifest.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { expectValidManifests } from '../test/support/k8s-schema';

const files = process.argv.slice(2);
const manifests: object[] = [];
for (const file of files) {
  const documents = parseAllDocuments(readFileSync(file, 'utf8')).map((d) => d.toJS() as unknown).filter((d) => d !== null);
  if (documents.length === 0) {
    process.stderr.write(`${file}: no manifests\n`);
    process.exit(2);
  }
  manifests.push(...(documents as object[]));
}
if (manifests.length === 0) {
  process.stderr.write('usage: tsx scripts/validate-manifests.ts <file.k8s.yaml>...\n');
  process.exit(2);
}
try {
  expectValidManifests(manifests);
  process.stdout.write(`${manifests.length} manifests valid (schemas and Kubernetes 1.28 fields)\n`);
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(1);
}
