/**
 * Regenerates the CRD bindings in imports/ with `cdk8s import`, from the official CRD YAML files:
 *   tsx scripts/import-crds.ts <gateway-api-v1.2.1-httproutes.yaml> <servicemonitors.yaml> <prometheusrules.yaml>
 *
 * Only the `v1` versions are kept, and descriptions are stripped: the output is a binding, not documentation.
 * HTTPRoute comes from Gateway API v1.2.1 on purpose: a field newer than v1.2 then fails to compile, so the
 * routes work on every cluster from v1.2 on.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';

function stripDescriptions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripDescriptions);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value)
      .filter(([key, v]) => !(key === 'description' && typeof v === 'string'))
      .map(([key, v]) => [key, stripDescriptions(v)]));
  }
  return value;
}

/** One CRD document with only its v1 version, descriptions removed. */
function prepare(file: string): string {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    const crd = doc.toJSON();
    crd.spec.versions = crd.spec.versions.filter((v: { name: string }) => v.name === 'v1');
    return stringify(stripDescriptions(crd));
  }).join('---\n');
}

const [gateway, ...monitoring] = process.argv.slice(2);
const work = mkdtempSync(path.join(tmpdir(), 'crds-'));
const inputs = {
  'gateway.networking.k8s.io': prepare(gateway),
  // Both monitoring CRDs share an API group, so they must be imported from one file into one module.
  'monitoring.coreos.com': monitoring.map(prepare).join('---\n'),
};
for (const [group, text] of Object.entries(inputs)) {
  const file = path.join(work, `${group}.yaml`);
  writeFileSync(file, text);
  execFileSync('node_modules/.bin/cdk8s', ['import', file, '--output', 'imports', '--no-save', '--language', 'typescript'], {
    stdio: 'inherit',
    env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' },
  });
}
