/**
 * Child process of the benchmark: synthesizes N tenants several times and prints one JSON line of measurements.
 *   node measure-size.js <instances> <runs> <one-chart|chart-per-tenant> [time|memory|memory-app]
 * `time` (default) times the runs: the YAML floor and cdk8s alone, the synthesis with `SupersetApp` and with cdk8s'
 * `App`, taking turns. `memory` synthesizes once with `SupersetApp` as `cdk8s synth` does (`app.synth()`, which
 * writes the YAML file) and reports the peak RSS, in a process of its own, so that garbage left by earlier runs does
 * not count; `memory-app` does the same with cdk8s' `App`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ApiObject, App, Chart, Yaml } from 'cdk8s';
import type { Construct } from 'constructs';
import { SupersetApp } from '../src';
import { addTenants, type Layout } from './full-instance';
import { yamlNodes } from './yaml-nodes';

const instances = Number(process.argv[2]);
const runs = Number(process.argv[3]);
const layout = (process.argv[4] ?? 'one-chart') as Layout;
const mode = process.argv[5] ?? 'time';
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const digest = (text: string) => createHash('sha256').update(text).digest('hex');

/** How the tenants are synthesized: with this library's `SupersetApp` (as the README recommends) or cdk8s' `App`. */
type AppKind = 'SupersetApp' | 'App';

function synthesizeApp(count: number, outdir = '/tmp/cdk8s-superset-bench', kind: AppKind = 'App'): App {
  const app = kind === 'SupersetApp' ? new SupersetApp({ outdir }) : new App({ outdir });
  addTenants(app, count, layout);
  return app;
}

// One uncounted warm-up of building and writing YAML, so the measured synthesis pays for no compiling (the time mode
// warms up each of its paths again below).
Yaml.stringify(...synthesizeApp(1).charts.flatMap((chart) => chart.toJson()));

if (mode === 'memory' || mode === 'memory-app') {
  // What `cdk8s synth` runs: the YAML written to a file, whose UTF-8 copy of the text counts too.
  const outdir = mkdtempSync(path.join(tmpdir(), 'cdk8s-superset-bench-'));
  synthesizeApp(instances, outdir, mode === 'memory' ? 'SupersetApp' : 'App').synth();
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  rmSync(outdir, { recursive: true, force: true });
  process.stdout.write(JSON.stringify({ maxRssBytes }) + '\n');
  process.exit(0);
}

/** A document already synthesized, as an object cdk8s synthesizes by handing it out unchanged. */
class Prebuilt extends ApiObject {
  public constructor(scope: Construct, id: string, private readonly document: any) {
    super(scope, id, { apiVersion: document.apiVersion, kind: document.kind, metadata: { name: document.metadata.name } });
  }

  public override toJson(): any {
    return this.document;
  }
}

/** The floor and cdk8s alone, timed on the documents of a fresh app that are synthesized outside the timing. */
function timeFloor(count: number): { floor: number; cdk8sAlone: number; digest: string; objects: number; nodes: number } {
  const docs = synthesizeApp(count).charts.flatMap((chart) => chart.toJson());
  let start = process.hrtime.bigint();
  const yaml = Yaml.stringify(...docs);
  const floorMs = ms(start);
  start = process.hrtime.bigint();
  const prebuilt = new App();
  const chart = new Chart(prebuilt, 'prebuilt');
  docs.forEach((document, i) => new Prebuilt(chart, String(i), document));
  prebuilt.synthYaml();
  const aloneMs = ms(start);
  const nodes = docs.reduce((n: number, doc) => n + yamlNodes(doc), 0);
  return { floor: floorMs, cdk8sAlone: aloneMs, digest: digest(yaml), objects: docs.length, nodes };
}

/** One synthesis, timed from nothing to the YAML. */
function timeSynthesis(count: number, kind: AppKind): { synthesis: number; digest: string; bytes: number } {
  const start = process.hrtime.bigint();
  const yaml = synthesizeApp(count, undefined, kind).synthYaml();
  const synthesisMs = ms(start);
  return { synthesis: synthesisMs, digest: digest(yaml), bytes: Buffer.byteLength(yaml) };
}

// Each run times the floor (the same manifests, already synthesized, serialized by the same YAML library cdk8s uses),
// cdk8s alone (the same documents synthesized by cdk8s as objects that cost nothing to build or render) and the
// synthesis with SupersetApp and with App, in turn, so that a slow spell of the shared machine lands on all of them.
// Each phase runs in a function of its own and keeps only a digest of its YAML, so what it built is garbage when the
// next starts; that garbage may still be collected during the next phase, so the order rotates from run to run.
// Every path is warmed up first.
timeFloor(1);
timeSynthesis(1, 'SupersetApp');
timeSynthesis(1, 'App');
const synthesis: number[] = [];
const appSynthesis: number[] = [];
const floor: number[] = [];
const cdk8sAlone: number[] = [];
const digests = new Set<string>();
let bytes = 0;
let floorDigest = '';
let objects = 0;
let nodes = 0;
const floorPhase = () => {
  const measured = timeFloor(instances);
  floor.push(measured.floor);
  cdk8sAlone.push(measured.cdk8sAlone);
  floorDigest = measured.digest;
  objects = measured.objects;
  nodes = measured.nodes;
};
const synthesisPhase = (kind: AppKind, times: number[]) => () => {
  const measured = timeSynthesis(instances, kind);
  times.push(measured.synthesis);
  digests.add(measured.digest);
  bytes = measured.bytes;
};
const phases = [floorPhase, synthesisPhase('SupersetApp', synthesis), synthesisPhase('App', appSynthesis)];
for (let run = 0; run < runs; run++) {
  for (let i = 0; i < phases.length; i++) phases[(run + i) % phases.length]();
}
const maxRssBytes = process.resourceUsage().maxRSS * 1024;

process.stdout.write(JSON.stringify({
  instances,
  objects,
  bytes,
  nodes,
  synthesis,
  appSynthesis,
  floor,
  cdk8sAlone,
  // Both apps wrote the floor's YAML, byte for byte, on every run.
  sameAsFloor: digests.has(floorDigest),
  deterministic: digests.size === 1,
  maxRssBytes,
}) + '\n');
