/**
 * Regenerates the CRD bindings in imports/ with `cdk8s import`, from the official CRD YAML files:
 *   tsx scripts/import-crds.ts <gateway-api-v1.2.1-httproutes.yaml> <servicemonitors.yaml> <prometheusrules.yaml> \
 *     <external-secrets-v2.9.0-externalsecrets.yaml> <keda-v2.20.2-scaledobjects.yaml> \
 *     <keda-v2.20.2-triggerauthentications.yaml>
 *
 * Only the versions this library emits are kept (`v1`; `v1alpha1` for KEDA, its only version), and descriptions are
 * stripped: the output is a binding, not documentation. HTTPRoute comes from Gateway API v1.2.1 on purpose: a field
 * newer than v1.2 then fails to compile, so the routes work on every cluster from v1.2 on.
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

/** One CRD document with only the given version, descriptions removed. */
function prepare(file: string, version = 'v1'): string {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((doc) => {
    const crd = doc.toJSON();
    crd.spec.versions = crd.spec.versions.filter((v: { name: string }) => v.name === version);
    return stringify(stripDescriptions(crd));
  }).join('---\n');
}

const [gateway, serviceMonitors, prometheusRules, externalSecrets, scaledObjects, triggerAuthentications] = process.argv.slice(2);
const work = mkdtempSync(path.join(tmpdir(), 'crds-'));
const inputs = {
  'gateway.networking.k8s.io': prepare(gateway),
  // CRDs that share an API group must be imported from one file into one module.
  'monitoring.coreos.com': [serviceMonitors, prometheusRules].map((file) => prepare(file)).join('---\n'),
  'external-secrets.io': prepare(externalSecrets),
  'keda.sh': [scaledObjects, triggerAuthentications].map((file) => prepare(file, 'v1alpha1')).join('---\n'),
};
for (const [group, text] of Object.entries(inputs)) {
  const file = path.join(work, `${group}.yaml`);
  writeFileSync(file, text);
  execFileSync('node_modules/.bin/cdk8s', ['import', file, '--output', 'imports', '--no-save', '--language', 'typescript'], {
    stdio: 'inherit',
    env: { ...process.env, CDK8S_CHECK_UPGRADE: 'false' },
  });
}
