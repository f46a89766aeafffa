/**
 * Where synthesis spends its time: runs one synthesis of N tenants under `node --cpu-prof` and prints the share of
 * CPU samples by package (the YAML library, cdk8s, constructs, this library, garbage collection), and with `--top K`
 * also the K functions with the most self time in each of this library, cdk8s and constructs.
 *   npm run bench -- --profile 200
 *   npm run bench -- --profile 200 --top 30
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  /** 0-based; absent in hand-made profiles. */
  readonly lineNumber?: number;
}

interface CpuProfile {
  readonly nodes: { readonly id: number; readonly callFrame: CallFrame }[];
  readonly samples: number[];
}

/** The buckets whose functions `--top` lists: the code this library can change, and the framework it drives. */
const TOP_BUCKETS = ['cdk8s-superset', 'cdk8s', 'constructs'];

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

/** Where a function is, as a reader finds it: its file relative to its package or the build, and line (1-based). */
function location(frame: CallFrame): string {
  const file = frame.url.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+)\//, '').replace(/^.*\/\.bench-build\//, '');
  return `${file}:${(frame.lineNumber ?? -1) + 1}`;
}

/** A function's share of all samples, by self time. */
export interface FunctionShare {
  readonly functionName: string;
  readonly location: string;
  readonly share: number;
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

/** The `top` functions with the most self time in each of `buckets`, with their share of all samples. */
export function topFunctions(profile: CpuProfile, buckets: readonly string[], top: number): Map<string, FunctionShare[]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const counts = new Map<string, Map<string, { frame: CallFrame; n: number }>>(buckets.map((b) => [b, new Map()]));
  for (const id of profile.samples) {
    const frame = byId.get(id)!;
    const perFunction = counts.get(bucket(frame.functionName, frame.url));
    if (!perFunction) continue;
    const key = `${frame.functionName} ${location(frame)}`;
    const known = perFunction.get(key);
    if (known) known.n++;
    else perFunction.set(key, { frame, n: 1 });
  }
  return new Map([...counts].map(([b, perFunction]): [string, FunctionShare[]] => [b, [...perFunction.values()]
    .map(({ frame, n }) => ({ functionName: frame.functionName || '(anonymous)', location: location(frame), share: n / profile.samples.length }))
    .sort((x, y) => y.share - x.share || x.location.localeCompare(y.location) || x.functionName.localeCompare(y.functionName))
    .slice(0, top)]));
}

/** Profiles one synthesis of `instances` tenants in a child process and prints the shares (and the top functions). */
export function printProfile(buildDir: string, instances: number, top = 0): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'superset-profile-'));
  execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, path.join(buildDir, 'bench/measure-size.js'), String(instances), '1', 'one-chart', 'memory'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'))!;
  const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
  const shares = profileShares(profile);
  console.log(`\nCPU profile of synthesizing ${instances} instances (after one warm-up of a single instance), by package:\n`);
  console.log('| where | share of samples |\n|---|---:|');
  for (const [key, share] of shares.filter(([, s]) => s >= 0.005)) console.log(`| ${key} | ${(100 * share).toFixed(1)}% |`);
  if (top <= 0) return;
  for (const [name, functions] of topFunctions(profile, TOP_BUCKETS, top)) {
    console.log(`\nTop ${top} functions of ${name} by self time (share of all samples):\n`);
    console.log('| function | file:line | self |\n|---|---|---:|');
    for (const f of functions) console.log(`| ${f.functionName} | ${f.location} | ${(100 * f.share).toFixed(2)}% |`);
  }
}
