/**
 * Child process of the benchmark: synthesizes N tenants several times and prints one JSON line of measurements.
 * A fresh process per size keeps peak memory (max RSS) attributable to that size.
 *   node measure-size.js <instances> <runs>
 */
import { App, Yaml } from 'cdk8s';
import { addTenants } from './full-instance';

const [instances, runs] = process.argv.slice(2).map(Number);
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

const synthesis: number[] = [];
let yaml = '';
let docs: unknown[] = [];
let deterministic = true;
for (let run = 0; run < runs; run++) {
  const start = process.hrtime.bigint();
  const app = new App({ outdir: '/tmp/cdk8s-superset-bench' });
  addTenants(app, instances);
  const text = app.synthYaml();
  synthesis.push(ms(start));
  if (run > 0 && text !== yaml) deterministic = false;
  yaml = text;
  if (run === runs - 1) docs = app.charts.flatMap((chart) => chart.toJson());
}

// The floor: the same manifests, already synthesized, serialized by the same YAML library cdk8s uses.
const floor: number[] = [];
let floorYaml = '';
for (let run = 0; run < runs; run++) {
  const start = process.hrtime.bigint();
  floorYaml = Yaml.stringify(...docs);
  floor.push(ms(start));
}

process.stdout.write(JSON.stringify({
  instances,
  objects: docs.length,
  bytes: Buffer.byteLength(yaml),
  synthesis,
  floor,
  sameAsFloor: floorYaml === yaml,
  deterministic,
  maxRssBytes: process.resourceUsage().maxRSS * 1024,
}) + '\n');
