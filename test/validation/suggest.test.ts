import { closestMatch, editDistance } from '../../src/validate/suggest';

describe('editDistance', () => {
  test('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('replica', 'replicas')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('closestMatch', () => {
  const fields = ['webServer', 'replicas', 'autoscaling', 'image'];

  test('ignores case', () => {
    expect(closestMatch('webserver', fields)).toBe('webServer');
  });
  test('finds near misses', () => {
    expect(closestMatch('replica', fields)).toBe('replicas');
    expect(closestMatch('autoscale', fields)).toBe('autoscaling');
  });
  test('finds a candidate that starts with the word', () => {
    expect(closestMatch('warn', ['debug', 'info', 'warning'])).toBe('warning');
    expect(closestMatch('wa', ['debug', 'info', 'warning'])).toBeUndefined();
  });
  test('finds nothing for unrelated words', () => {
    expect(closestMatch('foo', fields)).toBeUndefined();
    expect(closestMatch('totallyDifferent', fields)).toBeUndefined();
  });
  test('prefers the earlier candidate on ties', () => {
    expect(closestMatch('ab', ['ac', 'ad'])).toBe('ac');
  });
});
