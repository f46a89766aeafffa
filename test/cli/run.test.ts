// Exit codes that a subprocess cannot provoke: an internal failure is told apart from invalid input.
import { run } from '../../src/cli/main';

function io(readStdin: () => string) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { readStdin, stdout: (t: string) => { out.stdout += t; }, stderr: (t: string) => { out.stderr += t; } } };
}

test('a defect of the library exits 70 and says so', () => {
  const { out, io: streams } = io(() => { throw new TypeError('boom'); });
  expect(run(['render', '-'], streams)).toBe(70);
  expect(out.stderr).toMatch(/^cdk8s-superset: internal error, a defect of cdk8s-superset \(please report it\):\nTypeError: boom/);
});

test('invalid input exits 1, usage errors 2, success 0', () => {
  expect(run(['render', '-'], io(() => 'apiVersion: superset.apache.org/v1alpha1\nkind: Superset\nmetadata: {name: x}\nspec: {}\n').io)).toBe(1);
  expect(run(['render', '--nope'], io(() => '').io)).toBe(2);
  expect(run(['render', '-'], io(() => 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n').io)).toBe(0);
});
