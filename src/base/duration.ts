import { SupersetInternalError } from './errors';
import { isGoDuration } from './patterns';

const NANOSECONDS_PER_UNIT: { readonly [unit: string]: bigint } = {
  ns: BigInt(1),
  us: BigInt(1e3),
  µs: BigInt(1e3),
  μs: BigInt(1e3),
  ms: BigInt(1e6),
  s: BigInt(1e9),
  m: BigInt(60e9),
  h: BigInt(3600e9),
};

/**
 * Nanoseconds of a non-negative Go duration (`300s`, `1.5h`, `1h30m`), computed in integers as
 * `time.ParseDuration` does, so that `4.1m` is exactly 246 seconds.
 */
export function goDurationNanoseconds(value: string): bigint {
  if (!isGoDuration(value)) throw new SupersetInternalError(`not a Go duration: ${JSON.stringify(value)}`);
  let total = BigInt(0);
  for (const [, whole, fraction = '', unit] of value.matchAll(/(\d*)(?:\.(\d*))?(ns|us|µs|μs|ms|s|m|h)/g)) {
    const perUnit = NANOSECONDS_PER_UNIT[unit];
    total += BigInt(whole || '0') * perUnit + (BigInt(fraction || '0') * perUnit) / BigInt(10) ** BigInt(fraction.length);
  }
  return total;
}

/**
 * A task's `activeDeadlineSeconds` from its `timeout`, as the operator computes it: whole seconds, a positive
 * timeout under one second becomes 1, and zero means no limit.
 */
export function deadlineSeconds(timeout: string): number | undefined {
  const nanoseconds = goDurationNanoseconds(timeout);
  if (nanoseconds === BigInt(0)) return undefined;
  const seconds = Number(nanoseconds / BigInt(1e9));
  return Math.max(1, seconds);
}

/** The sum of two deadlines in seconds; no limit when either has none. */
export function addDeadlines(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined || b === undefined ? undefined : a + b;
}
