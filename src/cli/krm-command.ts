import { parseDocuments, type InputDocument } from './documents';
import type { Problem } from './problems';
import { EXIT, type CommandIo } from './render-command';
import { type Entry, readDocuments, type ReadSettings, renderSuperset } from './resources';
import { isDnsLabel } from '../base/patterns';
import { isPlainObject } from '../base/plain-data';
import { yamlDocument } from '../render/yaml';
import { looksLikeSuperset } from '../validate/resource';

/*
 * `cdk8s-superset krm`: a KRM function (the kustomize/kpt function specification, `config.kubernetes.io/v1`). It
 * reads a ResourceList on stdin and writes one on stdout: every `Superset` among `items` is replaced by its
 * manifests, everything else is kept as it is, and problems are reported in `results`. A `Superset` given as the
 * `functionConfig` is rendered too (generator use); a ConfigMap `functionConfig` carries options in `data`:
 * `namespace` and `dropControllerOnly` (`"true"`).
 */

const RESOURCE_LIST_VERSIONS = ['config.kubernetes.io/v1', 'config.kubernetes.io/v1beta1'];
const PATH_ANNOTATIONS = ['internal.config.kubernetes.io/path', 'config.kubernetes.io/path'];
const INDEX_ANNOTATIONS = ['internal.config.kubernetes.io/index', 'config.kubernetes.io/index'];

/** A KRM result (the specification's `Result`). */
interface KrmResult {
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly resourceRef?: { readonly apiVersion: string; readonly kind: string; readonly name: string; readonly namespace?: string };
  readonly field?: { readonly path: string };
  readonly file?: { readonly path: string; readonly index: number };
}

function annotation(item: unknown, keys: readonly string[]): string | undefined {
  const annotations = isPlainObject(item) && isPlainObject(item.metadata) ? item.metadata.annotations : undefined;
  if (!isPlainObject(annotations)) return undefined;
  return keys.map((key) => annotations[key]).find((value): value is string => typeof value === 'string');
}

/** An item as a document, placed where the orchestrator says it came from. */
function itemDocument(item: unknown, position: number, fallbackFile: string): InputDocument {
  const index = Number(annotation(item, INDEX_ANNOTATIONS) ?? position);
  const file = annotation(item, PATH_ANNOTATIONS) ?? fallbackFile;
  return { source: { file, index: Number.isInteger(index) ? index : position }, value: item, errors: [] };
}

function resultOf(problem: Problem): KrmResult {
  const ref = problem.resource;
  const namespace = ref?.namespace ? { namespace: ref.namespace } : {};
  return {
    message: problem.message,
    severity: problem.severity,
    ...(ref?.name && ref.kind ? { resourceRef: { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, ...namespace } } : {}),
    ...(problem.path ? { field: { path: problem.path } } : {}),
    ...(problem.source ? { file: { path: problem.source.file, index: problem.source.index } } : {}),
  };
}

const OPTION_RULES: { readonly [key: string]: { readonly rule: string; readonly valid: (value: unknown) => boolean } } = {
  namespace: { rule: 'must be a DNS label', valid: (v) => typeof v === 'string' && isDnsLabel(v) },
  dropControllerOnly: { rule: 'must be "true" or "false"', valid: (v) => v === 'true' || v === 'false' },
};

/** Options from the `data` of a ConfigMap `functionConfig`, or the problems with them. */
function optionsOf(data: unknown): { settings: Partial<ReadSettings>; problems: Problem[] } {
  if (data === undefined) return { settings: {}, problems: [] };
  if (!isPlainObject(data)) return { settings: {}, problems: [{ severity: 'error', path: 'functionConfig.data', message: 'must be a mapping' }] };
  const problems = Object.entries(data).flatMap(([key, value]): Problem[] => {
    const option = OPTION_RULES[key];
    if (option?.valid(value)) return [];
    const rule = option?.rule ?? 'unknown option; the options are namespace and dropControllerOnly';
    return [{ severity: 'error', path: `functionConfig.data.${key}`, message: `${rule}, got ${JSON.stringify(value)}` }];
  });
  const namespace = typeof data.namespace === 'string' ? data.namespace : undefined;
  return { settings: { namespace, dropControllerOnly: data.dropControllerOnly === 'true' }, problems };
}

/** The options and generated resource of a `functionConfig`: a Superset, a ConfigMap of options, or nothing. */
function readFunctionConfig(config: unknown): { settings: Partial<ReadSettings>; generated: InputDocument[]; problems: Problem[] } {
  if (config === undefined) return { settings: {}, generated: [], problems: [] };
  if (looksLikeSuperset(config)) return { settings: {}, generated: [itemDocument(config, 0, '<functionConfig>')], problems: [] };
  if (isPlainObject(config) && config.kind === 'ConfigMap') return { ...optionsOf(config.data), generated: [] };
  const message = 'must be a Superset resource (to generate it) or a ConfigMap of options';
  return { settings: {}, generated: [], problems: [{ severity: 'error', path: 'functionConfig', message }] };
}

/** Writes a ResourceList and returns the exit code: 1 when any result is an error. */
function respond(io: CommandIo, apiVersion: unknown, items: readonly unknown[], problems: readonly Problem[]): number {
  const results = problems.map(resultOf);
  io.stdout(yamlDocument({ apiVersion, kind: 'ResourceList', items, ...(results.length > 0 ? { results } : {}) }));
  return problems.some((p) => p.severity === 'error') ? EXIT.invalid : EXIT.ok;
}

export function krmCommand(io: CommandIo): number {
  const documents = parseDocuments('<stdin>', io.readStdin());
  const list = documents.length === 1 ? documents[0].value : undefined;
  const versionOk = isPlainObject(list) && RESOURCE_LIST_VERSIONS.includes(list.apiVersion as string);
  if (!isPlainObject(list) || !versionOk || list.kind !== 'ResourceList' || !Array.isArray(list.items ?? [])) {
    const syntax = documents.flatMap((d) => d.errors).map((error) => `\n  ${error}`).join('');
    io.stderr(`cdk8s-superset krm: standard input must be one ResourceList (${RESOURCE_LIST_VERSIONS.join(' or ')}) with a list of items${syntax}\n`);
    return EXIT.invalid;
  }
  const items = (list.items ?? []) as unknown[];
  const config = readFunctionConfig(list.functionConfig);
  const inputs = [...items.map((item, i) => itemDocument(item, i, '<items>')), ...config.generated];
  const read = readDocuments(inputs, { dropControllerOnly: false, refuseOtherKinds: false, ...config.settings });
  const problems = [...config.problems, ...read.problems];
  if (problems.some((p) => p.severity === 'error')) return respond(io, list.apiVersion, items, problems);
  const rendered = read.entries.flatMap((entry: Entry) => (entry.type === 'superset' ? renderSuperset(entry.resource) : [entry.value]));
  return respond(io, list.apiVersion, rendered, problems);
}
