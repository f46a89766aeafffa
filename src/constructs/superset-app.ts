import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import { App, Yaml } from 'cdk8s';
import { Cdk8sYamlWriter, type DocumentWriter, writesAsCdk8s } from '../render/cdk8s-yaml';

/**
 * A cdk8s `App` that writes the same files, byte for byte, synthesizing many instances in about a third of `App`'s
 * time and with less memory: use it instead of `App` (`new SupersetApp()`, same props); everything else about
 * synthesis is cdk8s' own.
 *
 * cdk8s writes YAML with the general-purpose `yaml` package, which builds a node tree of every document, and holds
 * every document's YAML, their concatenation and its UTF-8 copy at once; for many instances that is most of the time
 * and memory of `cdk8s synth`. While this app synthesizes (`synth()`, `synthYaml()`), cdk8s' YAML writer is replaced
 * by one that writes the documents directly, asks the `yaml` package for every string whose style is not obvious,
 * hands any document it does not fully understand to cdk8s' own writer, and writes each file document by document.
 * The charts, their order, the file names and layouts (`yamlOutputType`), validation and construct metadata stay
 * cdk8s' own. Any chart's objects can be in it, not only this library's. Before each synthesis the two writers
 * write a probe document covering every choice the direct writer makes on its own (layout, plain strings, blocks,
 * long lines); should cdk8s' `Yaml.stringify` write it otherwise (another cdk8s version, or one the app replaced),
 * or should the app have replaced `Yaml.save`, cdk8s' own writer is left in place, and a process warning (`CDK8S_SUPERSET_YAML_WRITER`) says so once. While
 * this app synthesizes, `Yaml.stringify` and `Yaml.save` are replaced for the whole process: code that calls them
 * during synthesis gets the same YAML, written directly.
 */
export class SupersetApp extends App {
  /** Synthesizes all manifests to the output directory, as `App.synth()` does. */
  public override synth(): void {
    withDirectYaml(() => super.synth());
  }

  /** The YAML of all objects across all charts, as `App.synthYaml()` returns it. */
  public override synthYaml(): string {
    return withDirectYaml(() => super.synthYaml());
  }
}

/** Characters of YAML gathered before each write to the file. */
const CHUNK = 1024 * 1024;

let active = false;

/** cdk8s' own file writer, as this module found it: one an app installs in its place is left to write the files. */
const CDK8S_SAVE = Yaml.save;

/** Runs `synthesize` with cdk8s' `Yaml.stringify` and `Yaml.save` writing directly; restores them after. */
function withDirectYaml<T>(synthesize: () => T): T {
  const { save, stringify } = Yaml;
  const cdk8sWriter: DocumentWriter = (document) => stringify.call(Yaml, document);
  if (active) return synthesize();
  if (save !== CDK8S_SAVE || !writesAsCdk8s(cdk8sWriter)) {
    warnOnce();
    return synthesize();
  }
  // One writer for the whole synthesis, so that each string's style is asked once, whatever the file layout.
  const writer = new Cdk8sYamlWriter(cdk8sWriter);
  Yaml.stringify = (...docs: unknown[]): string => docs.map((document) => writer.document(document)).join('---\n');
  Yaml.save = (filePath: string, docs: unknown[]): void => saveDocuments(filePath, docs, writer);
  active = true;
  try {
    return synthesize();
  } finally {
    active = false;
    Yaml.save = save;
    Yaml.stringify = stringify;
  }
}

let warned = false;

/** Says once per process that cdk8s' own writer writes the YAML, so the speed-up is gone. */
function warnOnce(): void {
  if (warned) return;
  warned = true;
  process.emitWarning('cdk8s\' Yaml.stringify writes YAML otherwise than SupersetApp\'s writer knows (another cdk8s version, or one '
    + 'the app replaced), or the app replaced Yaml.save: cdk8s\' own writer writes the files, as App would, without SupersetApp\'s speed-up',
  { code: 'CDK8S_SUPERSET_YAML_WRITER', type: 'SupersetAppWarning' });
}

/**
 * What `Yaml.save` writes (the documents joined by `---`, UTF-8), a chunk at a time, into a file next to the target
 * that replaces it once complete: like cdk8s' writer, which writes the whole text at once, a document that fails
 * to write leaves the previous file as it was.
 */
function saveDocuments(filePath: string, docs: readonly unknown[], writer: Cdk8sYamlWriter): void {
  const partial = path.join(path.dirname(filePath), `.${path.basename(filePath)}.${process.pid}.partial`);
  const fd = openSync(partial, 'w');
  try {
    try {
      let chunk = '';
      docs.forEach((document, i) => {
        chunk += (i > 0 ? '---\n' : '') + writer.document(document);
        if (chunk.length >= CHUNK) {
          writeAll(fd, chunk);
          chunk = '';
        }
      });
      writeAll(fd, chunk);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, filePath);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written);
}
