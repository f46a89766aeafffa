/**
 * Child process of the benchmark: runs `cdk8s-superset render FILE -o DIR` in this process and prints its peak RSS
 * as one JSON line, so the renderer's memory is measured without anything else in the process.
 *   node render-memory.js <file> <outdir>
 */
import { writeFileSync } from 'node:fs';
import { run } from '../src/cli/main';

const [file, outdir] = process.argv.slice(2);
const code = run(['render', file, '-o', outdir], {
  readStdin: () => '',
  stdout: (text) => writeFileSync(1, text),
  stderr: () => undefined,
});
if (code !== 0) throw new Error(`render exited ${code}`);
process.stdout.write(JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
