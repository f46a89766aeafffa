/**
 * The command-line renderer against `cdk8s synth`, end to end and side by side: N fully featured tenants as
 * `Superset` resources in one YAML file rendered by `cdk8s-superset render`, and the same N instances in a cdk8s
 * app written by `cdk8s synth`. Both processes write YAML to disk; both outputs must hold the same objects.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { tenantResourcesYaml } from './tenants-resources';

export interface RendererResult {
  readonly tenants: number;
  readonly render: number[];
  /** `cdk8s synth` of the app with cdk8s' `App`. */
  readonly synth: number[];
  /** `cdk8s synth` of the same app with `SupersetApp`. */
  readonly directSynth: number[];
  readonly renderMaxRssBytes: number;
  readonly sameObjects: boolean;
}

function timed(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
  return ms;
}

const objectsOf = (text: string) => parseAllDocuments(text).map((d) => JSON.stringify(d.toJS())).filter((d) => d !== 'null');

/** Runs both `runs` times, alternating, and checks once that they wrote the same objects. */
export function compareRenderer(root: string, build: string, tenants: number, runs: number): RendererResult {
  const work = mkdtempSync(path.join(tmpdir(), 'superset-renderer-'));
  try {
    const input = path.join(work, 'tenants.yaml');
    writeFileSync(input, tenantResourcesYaml(tenants));
    const cli = path.join(build, 'src/cli/main.js');
    const renderOut = path.join(work, 'render');
    const synthOut = path.join(work, 'synth');
    const directOut = path.join(work, 'direct');
    const render: number[] = [];
    const synth: number[] = [];
    const directSynth: number[] = [];
    const cdk8sSynth = (out: string, app: string) => timed(path.join(root, 'node_modules/.bin/cdk8s'),
      ['synth', '--app', `${process.execPath} ${path.join(build, 'bench/tenants-app.js')}`, '--output', out],
      { cwd: root, env: { BENCH_TENANTS: String(tenants), BENCH_APP: app, CDK8S_CHECK_UPGRADE: 'false' } });
    const commands = [
      () => render.push(timed(process.execPath, [cli, 'render', input, '-o', renderOut], { cwd: root })),
      () => synth.push(cdk8sSynth(synthOut, 'App')),
      () => directSynth.push(cdk8sSynth(directOut, 'SupersetApp')),
    ];
    // In turns whose order rotates from run to run, so that a slow spell of the machine lands on all three.
    for (let run = 0; run < runs; run++) {
      for (const out of [renderOut, synthOut, directOut]) rmSync(out, { recursive: true, force: true });
      for (let i = 0; i < commands.length; i++) commands[(run + i) % commands.length]();
    }
    const rendered = readdirSync(renderOut).sort().flatMap((file) => objectsOf(readFileSync(path.join(renderOut, file), 'utf8')));
    const synthesized = readdirSync(synthOut).flatMap((file) => objectsOf(readFileSync(path.join(synthOut, file), 'utf8')));
    const synthFiles = readdirSync(synthOut).sort();
    const sameFiles = synthFiles.join('\n') === readdirSync(directOut).sort().join('\n')
      && synthFiles.every((file) => readFileSync(path.join(synthOut, file), 'utf8') === readFileSync(path.join(directOut, file), 'utf8'));
    const memory = execFileSync(process.execPath, [path.join(build, 'bench/render-memory.js'), input, path.join(work, 'memory')], { cwd: root, encoding: 'utf8' });
    return {
      tenants,
      render,
      synth,
      directSynth,
      renderMaxRssBytes: (JSON.parse(memory) as { maxRssBytes: number }).maxRssBytes,
      sameObjects: sameFiles && rendered.length === synthesized.length && [...rendered].sort().join('\n') === [...synthesized].sort().join('\n'),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
