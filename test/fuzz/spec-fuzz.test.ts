import { Testing } from 'cdk8s';
import fc from 'fast-check';
import { mutate, mutatedSpec, specWithTwoPlaces, validSpec } from './spec-arbitraries';
import { SupersetInstance, SupersetValidationError } from '../../src';
import type { SupersetInstanceProps } from '../../src';
import { unknownFields, validateWithModels } from '../support/k8s-schema';

/*
 * Property-based fuzzing of the whole library: for valid specs and for specs mutated at any depth (inside the
 * Kubernetes types too), SupersetInstance either synthesizes manifests that pass the official schemas (the 1.28
 * unknown-field check and the kubernetes-models schemas), or throws its own SupersetValidationError naming a field. Never a
 * crash, never an invalid manifest. The seed is fixed so CI runs the same cases every time.
 */

// Fixed in CI; FUZZ_SEED and FUZZ_RUNS explore further by hand.
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

type Manifest = Record<string, unknown>;

interface Outcome {
  readonly manifests?: Manifest[];
  readonly error?: unknown;
}

function run(spec: Record<string, unknown>): Outcome {
  const chart = Testing.chart();
  try {
    new SupersetInstance(chart, 'fuzz', spec as unknown as SupersetInstanceProps);
    return { manifests: Testing.synth(chart) };
  } catch (error) {
    return { error };
  }
}

/** Manifests that synthesized, kept for one batched kubernetes-models check (a child process) at the end. */
const synthesized: { spec: Record<string, unknown>; manifest: Manifest }[] = [];
let refused = 0;

function holds(spec: Record<string, unknown>): void {
  const { manifests, error } = run(spec);
  if (error !== undefined) {
    // The library's own error, naming at least one field of the spec; anything else is a crash.
    if (!(error instanceof SupersetValidationError)) throw error;
    const violations = (error as SupersetValidationError).violations;
    expect(violations.length).toBeGreaterThan(0);
    for (const v of violations) expect(v.path).toMatch(/^[A-Za-z]/);
    refused++;
    return;
  }
  for (const manifest of manifests!) {
    const unknown = unknownFields(manifest);
    if (unknown.length > 0) {
      throw new Error(`${String(manifest.kind)} has fields unknown to Kubernetes 1.28: ${unknown.join(', ')}`);
    }
    synthesized.push({ spec, manifest });
  }
}

/** A violation path (`a.b[0]["k"]`) as its keys and indexes. */
function segments(path: string): (string | number)[] {
  return [...path.matchAll(/\.?([A-Za-z0-9_$]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)]
    .map((m) => (m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? JSON.parse(m[3]) : m[1]));
}

describe('fuzzing the spec', () => {
  test('valid specs synthesize', () => {
    fc.assert(fc.property(validSpec, (spec) => {
      const { error } = run(spec);
      if (error !== undefined) throw error;
    }), { seed: SEED, numRuns: 30 });
  });

  test('valid and mutated specs synthesize valid manifests or throw the library\'s error naming a field', () => {
    fc.assert(fc.property(fc.oneof({ arbitrary: validSpec, weight: 1 }, { arbitrary: mutatedSpec, weight: 4 }), holds),
      { seed: SEED, numRuns: RUNS });
    // Both outcomes were exercised.
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(synthesized.length).toBeGreaterThan(RUNS / 10);

    const results = validateWithModels(synthesized.map((s) => s.manifest));
    const invalid = results.flatMap((result, i) => result.errors.length === 0 ? [] : [
      `${result.kind} ${result.name}: ${result.errors.join('; ')}\n  from spec ${JSON.stringify(synthesized[i].spec)}`,
    ]);
    expect(invalid.slice(0, 5)).toEqual([]);
  });

  test('two problems at unrelated places are both reported: no problem hides another', () => {
    fc.assert(fc.property(specWithTwoPlaces, ({ spec, first, second }) => {
      const { error } = run(mutate(mutate(spec, first, 'null'), second, 'null'));
      expect(error).toBeInstanceOf(SupersetValidationError);
      const reported = (error as SupersetValidationError).violations.map((v) => JSON.stringify(segments(v.path)));
      expect(reported).toEqual(expect.arrayContaining([JSON.stringify(first), JSON.stringify(second)]));
    }), { seed: SEED, numRuns: Math.round(RUNS / 3) });
  });
});
