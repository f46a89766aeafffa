// Validates Kubernetes manifests against the JSON schemas shipped in `kubernetes-models`.
//
// Why a separate ESM script: kubernetes-models is ESM-only (its `exports` only has the `import` condition), so jest's
// CommonJS runtime cannot load it. test/support/k8s-schema.ts runs this script in one child process per batch.
//
// Usage: node test/support/validate-models.mjs [file.json] < manifests.json
// Input: a JSON array of manifests (or a single manifest), from the file argument or stdin.
// Output (stdout): a JSON array, in input order, of { name, kind, errors }; `errors` is empty for a valid manifest.
// Exit code: 0 all valid, 1 some invalid, 2 the input could not be read (message on stderr).
//
// What this catches: missing required fields, wrong types, bad enum values, pattern/format violations (quantities,
// CRD patterns) and CRD numeric bounds. What it does not: unknown fields (the schemas allow additional properties)
// and the Kubernetes version (the package is ~1.34+ and still carries removed APIs such as policy/v1beta1).
import { readFileSync } from 'node:fs';

// CRD groups live in separate packages. Keep in sync with CRD_GROUPS in k8s-schema.ts.
const CRD_PACKAGES = {
  'gateway.networking.k8s.io': '@kubernetes-models/gateway-api',
  'monitoring.coreos.com': '@kubernetes-models/prometheus-operator',
};

// apiVersion and kind become part of an import specifier, so only accept plain names (no `..`, no extra slashes).
const GROUP = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?$/;
const VERSION = /^v[0-9]+((alpha|beta)[0-9]+)?$/;
const KIND = /^[A-Z][A-Za-z0-9]*$/;

/** @type {Map<string, Promise<{ Model?: any, error?: string }>>} */
const models = new Map();

function loadModel(apiVersion, kind) {
  const key = `${apiVersion} ${kind}`;
  if (!models.has(key)) models.set(key, importModel(apiVersion, kind));
  return models.get(key);
}

async function importModel(apiVersion, kind) {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/', 2) : ['', apiVersion];
  if ((group && !GROUP.test(group)) || !VERSION.test(version) || !KIND.test(kind) || apiVersion.split('/').length > 2) {
    return { error: `invalid apiVersion/kind: ${JSON.stringify(apiVersion)} ${JSON.stringify(kind)}` };
  }
  const pkg = CRD_PACKAGES[group] ?? 'kubernetes-models';
  // kubernetes-models puts the core group at `v1/...`; CRD packages always include the group.
  const specifier = `${pkg}/${group ? `${group}/` : ''}${version}/${kind}`;
  let mod;
  try {
    mod = await import(specifier);
  } catch (e) {
    if (e?.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes(`Cannot find package '${pkg}'`)) {
      return { error: `no schema package installed for ${group || 'core'} (${apiVersion} ${kind}): add ${pkg} to devDependencies` };
    }
    if (e?.code === 'ERR_MODULE_NOT_FOUND' || e?.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') {
      return { error: `no schema for ${apiVersion} ${kind} in ${pkg}` };
    }
    throw e;
  }
  const Model = mod[kind];
  // The same folders also hold nested types (e.g. apps/v1/DeploymentSpec); only top-level resources carry apiVersion/kind.
  if (typeof Model !== 'function' || Model.apiVersion !== apiVersion || Model.kind !== kind) {
    return { error: `no schema for ${apiVersion} ${kind} in ${pkg} (not a top-level resource)` };
  }
  return { Model };
}

function formatError(err) {
  const where = err.instancePath || '/';
  if (err.keyword === 'enum' && Array.isArray(err.params?.allowedValues)) {
    return `${where} ${err.message}: ${err.params.allowedValues.join(', ')}`;
  }
  if (err.keyword === 'additionalProperties' && err.params?.additionalProperty) {
    return `${where} ${err.message}: ${err.params.additionalProperty}`;
  }
  return `${where} ${err.message}`;
}

async function validate(manifest) {
  if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
    return { name: '', kind: '', errors: ['manifest is not an object'] };
  }
  const name = typeof manifest.metadata?.name === 'string' ? manifest.metadata.name : '';
  const { apiVersion, kind } = manifest;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    return { name, kind: String(kind ?? ''), errors: ['/ apiVersion and kind must be strings'] };
  }
  const { Model, error } = await loadModel(apiVersion, kind);
  if (!Model) return { name, kind, errors: [error] };
  try {
    new Model(manifest).validate();
    return { name, kind, errors: [] };
  } catch (e) {
    const errors = Array.isArray(e?.errors) ? e.errors.map(formatError) : [String(e?.message ?? e)];
    return { name, kind, errors };
  }
}

let input;
try {
  const text = readFileSync(process.argv[2] ?? 0, 'utf8');
  input = JSON.parse(text);
} catch (e) {
  process.stderr.write(`validate-models: cannot read JSON input: ${e?.message ?? e}\n`);
  process.exit(2);
}
const results = [];
for (const manifest of Array.isArray(input) ? input : [input]) results.push(await validate(manifest));
process.stdout.write(JSON.stringify(results));
// exitCode rather than exit(): exit() can cut off a large stdout write to a pipe.
process.exitCode = results.some(r => r.errors.length > 0) ? 1 : 0;
