import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Problem } from './problems';

/** One input text: a file's, or standard input's. */
export interface InputText {
  /** The file as named on the command line (joined with its path inside a named directory), or `<stdin>`. */
  readonly file: string;
  readonly text: string;
}

/** The file names a directory input stands for. */
const MANIFEST_FILE = /\.(ya?ml|json)$/;

/** Every manifest file under a directory, recursively, in code-unit order of their paths, so output is stable. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .map((entry) => ({ entry, file: path.join(dir, entry.name) }))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .flatMap(({ entry, file }) => {
      if (entry.isDirectory()) return filesUnder(file);
      return entry.isFile() && MANIFEST_FILE.test(entry.name) ? [file] : [];
    });
}

/** Reads the inputs of a command line: files, directories and `-` (standard input, read once). */
export function readInputs(inputs: readonly string[], readStdin: () => string): { texts: InputText[]; problems: Problem[] } {
  const texts: InputText[] = [];
  const problems: Problem[] = [];
  let stdinRead = false;
  for (const input of inputs) {
    if (input === '-') {
      if (stdinRead) {
        problems.push({ severity: 'error', message: 'standard input (-) is named more than once' });
        continue;
      }
      stdinRead = true;
      texts.push({ file: '<stdin>', text: readStdin() });
      continue;
    }
    try {
      const files = statSync(input).isDirectory() ? filesUnder(input) : [input];
      for (const file of files) texts.push({ file, text: readFileSync(file, 'utf8') });
    } catch (error) {
      problems.push({ severity: 'error', message: `cannot read ${input}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    }
  }
  return { texts, problems };
}
