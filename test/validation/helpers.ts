import type { SupersetInstanceProps } from '../../src/spec';
import { validateInstanceProps } from '../../src/validate/validate-instance';

/** The smallest valid props. */
export const MINIMAL: SupersetInstanceProps = { image: { tag: '6.1.0' }, secretKeyFrom: { name: 's', key: 'k' } };

/** Minimal props with `extra` merged in; `unknown` because tests also feed what YAML could contain. */
export function withMinimal(extra: object): unknown {
  return { ...MINIMAL, ...extra };
}

/** The error message for `props`, or undefined when they are valid. */
export function errorOf(props: unknown, instanceName = 'superset'): string | undefined {
  try {
    validateInstanceProps(props as SupersetInstanceProps, instanceName);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** Each violation of `props` as one line `<path>: <rule>...`, without the instance header. */
export function problemsOf(props: unknown, instanceName = 'superset'): string[] {
  const message = errorOf(props, instanceName);
  if (message === undefined) return [];
  const head = `SupersetInstance '${instanceName}': `;
  expect(message.startsWith(head)).toBe(true);
  const body = message.slice(head.length);
  const list = /^\d+ problems:\n/.exec(body);
  return list ? body.slice(list[0].length).split('\n').map((line) => line.replace(/^ {2}- /, '')) : [body];
}

/**
 * Asserts that `props` fail with a violation at `path` whose text contains every fragment (rule words, the
 * rendered value, the fix).
 */
export function expectProblem(props: unknown, path: string, ...fragments: string[]): void {
  const problems = problemsOf(props);
  const atPath = problems.filter((p) => p.startsWith(`${path}: `));
  if (atPath.length === 0) throw new Error(`no problem at '${path}'; got:\n${problems.join('\n') || '(valid)'}`);
  const matching = atPath.filter((p) => fragments.every((f) => p.includes(f)));
  if (matching.length === 0) {
    throw new Error(`no problem at '${path}' contains ${JSON.stringify(fragments)}; got:\n${atPath.join('\n')}`);
  }
}

/** Asserts that `props` are valid. */
export function expectValid(props: unknown, instanceName = 'superset'): void {
  expect(errorOf(props, instanceName)).toBeUndefined();
}
