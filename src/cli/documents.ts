import { LineCounter, parseAllDocuments } from 'yaml';

/** Where a document came from: the file as the user named it (or `<stdin>`), and its position in that file. */
export interface DocumentSource {
  /** The file, relative as given on the command line, or `<stdin>`. */
  readonly file: string;
  /** 0-based index of the document in the file, as kustomize and kpt count them. */
  readonly index: number;
}

/** A YAML document of an input: its value, or why it could not be read. */
export interface InputDocument {
  readonly source: DocumentSource;
  /** The parsed value; undefined when the document has a syntax error. */
  readonly value?: unknown;
  /** YAML syntax errors, with line and column. */
  readonly errors: readonly string[];
}

/**
 * The documents of a multi-document YAML text, parsed as Kubernetes tools read manifests (YAML 1.2 core schema,
 * duplicate keys refused). Empty documents (a stray `---`, a file of comments) are skipped but keep their index.
 */
export function parseDocuments(file: string, text: string): InputDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const list = Array.isArray(documents) ? documents : [documents];
  const out: InputDocument[] = [];
  list.forEach((document, index) => {
    const source = { file, index };
    const errors = document.errors.map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      return `line ${line}, column ${col}: ${error.message.split('\n')[0]}`;
    });
    if (errors.length > 0) {
      out.push({ source, errors });
      return;
    }
    const value: unknown = document.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) return;
    out.push({ source, value, errors: [] });
  });
  return out;
}
