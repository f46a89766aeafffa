/**
 * Where synthesis spends its time: runs one synthesis of N tenants under `node --cpu-prof` and prints the share of
 * CPU samples by package (the YAML library, cdk8s, constructs, this library, garbage collection).
 *   npm run bench -- --profile 200
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface CpuProfile {
  readonly nodes: { readonly id: number; readonly callFrame: { readonly functionName: string; readonly url: string } }[];
  readonly samples: number[];
}

/** The bucket a sampled function belongs to. */
function bucket(functionName: string, url: string): string {
  if (functionName === '(garbage collector)') return 'garbage collection';
  // The innermost package: cdk8s bundles its own copy of the YAML library.
  const pkg = /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
  if (pkg) return pkg;
  if (url.includes('/.bench-build/src/') || url.includes('/.bench-build/imports/')) return 'cdk8s-superset';
  if (url.startsWith('node:')) return 'node';
  return functionName.startsWith('RegExp:') ? 'regular expressions (mostly the YAML library)' : 'other';
}

/** Share of samples per bucket, largest first. */
export function profileShares(profile: CpuProfile): [string, number][] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const counts = new Map<string, number>();
  for (const id of profile.samples) {
    const frame = byId.get(id)!;
    const key = bucket(frame.functionName, frame.url);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]): [string, number] => [key, n / profile.samples.length]).sort((a, b) => b[1] - a[1]);
}

/** Profiles one synthesis of `instances` tenants in a child process and prints the shares. */
export function printProfile(buildDir: string, instances: number): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'superset-profile-'));
  execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, path.join(buildDir, 'bench/measure-size.js'), String(instances), '1', 'one-chart', 'memory'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))!;
  const shares = profileShares(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
  console.log(`\nCPU profile of synthesizing ${instances} instances (after one warm-up of a single instance), by package:\n`);
  console.log('| where | share of samples |\n|---|---:|');
  for (const [key, share] of shares.filter(([, s]) => s >= 0.005)) console.log(`| ${key} | ${(100 * share).toFixed(1)}% |`);
}
