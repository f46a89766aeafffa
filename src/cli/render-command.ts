import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseDocuments } from './documents';
import { readInputs } from './inputs';
import type { RenderOptions } from './options';
import { formatProblem, type Problem } from './problems';
import { type Entry, readDocuments, renderSuperset } from './resources';
import { yamlDocuments } from '../render/yaml';

/** Where the command writes. */
export interface CommandIo {
  readonly readStdin: () => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** Exit codes: success, invalid input, usage error, internal error (sysexits' EX_SOFTWARE). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 70 } as const;

/**
 * The file of an entry in an output directory. A `Superset` gives `superset.<namespace>.<name>.yaml`; any other
 * object `<kind>.<namespace>.<name>.yaml`. Namespaces have no dots, so the names are unambiguous and stable.
 */
export function outputFileName(entry: Entry): string {
  const kind = entry.type === 'superset' ? 'superset' : entry.ref.kind.toLowerCase();
  const name = entry.ref.name || `${path.basename(entry.source.file).replace(/\.[^.]*$/, '')}-${entry.source.index}`;
  const parts = [kind, ...(entry.ref.namespace ? [entry.ref.namespace] : []), name];
  return `${parts.join('.').replace(/[^A-Za-z0-9._-]/g, '_')}.yaml`;
}

function report(io: CommandIo, problems: readonly Problem[]): void {
  for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
}

/** The YAML of one entry: a `Superset`'s manifests, or the other object as it was. */
function entryYaml(entry: Entry): string {
  return yamlDocuments(entry.type === 'superset' ? renderSuperset(entry.resource) : [entry.value]);
}

/**
 * `cdk8s-superset render`: every input is read and checked first, so invalid input writes nothing; then each
 * entry is rendered and written in input order, one at a time.
 */
export function renderCommand(options: RenderOptions, io: CommandIo): number {
  const { texts, problems: readProblems } = readInputs(options.inputs, io.readStdin);
  const documents = texts.flatMap((input) => parseDocuments(input.file, input.text));
  const { entries, problems } = readDocuments(documents, {
    namespace: options.namespace,
    dropControllerOnly: options.dropControllerOnly,
    refuseOtherKinds: options.otherKinds === 'refuse',
  });
  const all = [...readProblems, ...problems];
  const errors = all.filter((p) => p.severity === 'error');
  const files = options.outputDir === undefined ? undefined : entries.map(outputFileName);
  const clashes = files ? fileClashes(entries, files) : [];
  report(io, [...all, ...clashes]);
  const supersets = entries.filter((e) => e.type === 'superset').length;
  if (errors.length + clashes.length > 0) {
    io.stderr(`cdk8s-superset: ${errors.length + clashes.length} problem(s)${options.check ? '' : '; nothing was written'}\n`);
    return EXIT.invalid;
  }
  if (options.check) {
    io.stderr(`cdk8s-superset: ${supersets} Superset resource(s) and ${entries.length - supersets} other document(s) are valid\n`);
    return EXIT.ok;
  }
  if (options.outputDir === undefined) {
    for (const entry of entries) io.stdout(entryYaml(entry));
    return EXIT.ok;
  }
  mkdirSync(options.outputDir, { recursive: true });
  entries.forEach((entry, i) => writeFileSync(path.join(options.outputDir!, files![i]), entryYaml(entry)));
  io.stderr(`cdk8s-superset: wrote ${entries.length} file(s) to ${options.outputDir}\n`);
  return EXIT.ok;
}

/** Two entries that would be written to one file: refused rather than one silently replacing the other. */
function fileClashes(entries: readonly Entry[], files: readonly string[]): Problem[] {
  const first = new Map<string, number>();
  return files.flatMap((file, i): Problem[] => {
    const earlier = first.get(file);
    if (earlier === undefined) {
      first.set(file, i);
      return [];
    }
    const other = entries[earlier].source;
    return [{
      severity: 'error',
      source: entries[i].source,
      resource: entries[i].ref,
      message: `would be written to ${file}, like ${other.file} (document ${other.index + 1}); two objects of one kind, namespace and name`,
    }];
  });
}
