// Go's real text/template (Helm's engine) for tests: a small Go program, built once per test file into a temp dir.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface GoTemplate {
  /** What Helm renders `template` into; throws with Go's error when parsing or executing fails. */
  render(template: string): string;
  dispose(): void;
}

/** Builds the renderer (needs `go`, Debian's golang-go). */
export function buildGoTemplate(): GoTemplate {
  const dir = mkdtempSync(path.join(tmpdir(), 'go-template-'));
  const binary = path.join(dir, 'render');
  const env = { ...process.env, GOCACHE: process.env.GOCACHE ?? path.join(tmpdir(), 'go-template-cache'), GO111MODULE: 'off' };
  const build = spawnSync('go', ['build', '-o', binary, path.join(__dirname, 'go-template', 'main.go')], { env, encoding: 'utf-8' });
  if (build.status !== 0) throw new Error(`go build failed: ${build.stderr}`);
  return {
    render: (template) => {
      const run = spawnSync(binary, [], { input: template, encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024 });
      if (run.status !== 0) throw new Error(`text/template: ${run.stderr}`);
      return run.stdout;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
