import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** What one run of the command line gave. */
export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return typeScriptFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [file] : [];
  });
}

/**
 * The `cdk8s-superset` command as a separate process: the library and the CLI transpiled once (esbuild, file by
 * file, as `tsc` lays them out in `lib/`), run with the project's own `node_modules`.
 */
export class CliUnderTest {
  private readonly dir = mkdtempSync(path.join(tmpdir(), 'cdk8s-superset-cli-'));

  constructor() {
    const files = [...typeScriptFiles(path.join(ROOT, 'src')), ...typeScriptFiles(path.join(ROOT, 'imports'))];
    const result = spawnSync(path.join(ROOT, 'node_modules/.bin/esbuild'), [
      ...files, `--outdir=${path.join(this.dir, 'lib')}`, `--outbase=${ROOT}`, '--format=cjs', '--platform=node', '--target=node20', '--log-level=warning',
    ], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`esbuild failed:\n${result.stderr}`);
    copyFileSync(path.join(ROOT, 'package.json'), path.join(this.dir, 'package.json'));
  }

  /** Runs `cdk8s-superset ...args` in `cwd` (default: the repository), with `input` on stdin. */
  public run(args: readonly string[], options: { input?: string; cwd?: string } = {}): CliResult {
    const result = spawnSync(process.execPath, [path.join(this.dir, 'lib/src/cli/main.js'), ...args], {
      cwd: options.cwd ?? ROOT,
      input: options.input ?? '',
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
      timeout: 60_000,
    });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  public dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
