import { deadlineSeconds, goDurationNanoseconds } from '../../src/base/duration';

describe('Go durations', () => {
  test.each([
    ['0', 0], ['300s', 300e9], ['5m', 300e9], ['1h30m', 5400e9], ['1.5h', 5400e9], ['4.1m', 246e9], ['250ms', 250e6],
    ['1h1m1s1ms1us1ns', 3661001001001], ['2µs', 2000], ['.5s', 5e8], ['1.s', 1e9],
  ])('%s is %d ns, computed in integers as Go does', (text, nanoseconds) => {
    expect(goDurationNanoseconds(text)).toBe(BigInt(nanoseconds));
  });

  test('refuses anything else', () => {
    for (const text of ['', '5', '-1s', '1d', 'five minutes']) expect(() => goDurationNanoseconds(text)).toThrow(/not a Go duration/);
  });

  test('a deadline is whole seconds, at least 1 when positive, none for zero', () => {
    expect([deadlineSeconds('1m59.9s'), deadlineSeconds('1ns'), deadlineSeconds('0s'), deadlineSeconds('0h0m')]).toEqual([119, 1, undefined, undefined]);
  });
});
