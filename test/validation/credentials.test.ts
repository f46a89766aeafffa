import * as fc from 'fast-check';
import { hasCredentials } from '../../src/validate/violations';

// What hasCredentials finds, written as the one regex it replaces (which backtracked quadratically on long runs of
// letters): both must agree on every string.
const REGEX = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]*@|(^|[\s/])[^\s/@:]*:[^\s/@]+@/;

describe('credentials in a value', () => {
  test('URLs and bare user information with a password', () => {
    for (const text of ['redis://:pw@host', 'postgresql://u:pw@db/x', 'see x+y.z-1://a@b', 'user:pw@host', 'a /u:p@h', 'a\tu:p@h']) {
      expect(hasCredentials(text)).toBe(true);
    }
    for (const text of ['https://host/a@b', 'redis://host', 'u:@host', 'mailto:a@b', '1://u@h', 'x u@h:p', ':// @']) {
      expect(hasCredentials(text)).toBe(REGEX.test(text));
    }
  });

  test('agrees with the regex on random strings', () => {
    const text = fc.array(fc.constantFrom('a', 'Z', '1', '+', '.', '-', ':', '/', '//', '://', '@', '?', '#', ' ', '\n', '\u00a0', 'ü'), { maxLength: 14 })
      .map((parts) => parts.join(''));
    fc.assert(fc.property(text, (value) => hasCredentials(value) === REGEX.test(value)), { seed: 20261202, numRuns: 20000 });
  });

  test('a value of megabytes is read in one pass', () => {
    // The regex took over ten minutes on 5 MB of letters; one pass reads it at once.
    expect(hasCredentials('x'.repeat(5_000_000))).toBe(false);
    expect(hasCredentials(`${'ab1'.repeat(1_000_000)}://u:p@h`)).toBe(true);
    expect(hasCredentials(`${'/a:b'.repeat(500_000)}`)).toBe(false);
  });
});
