import { isIntOrString } from '../../src/validate/kubernetes/int-or-string';
import { isQuantity } from '../../src/validate/kubernetes/quantity';

/* Kubernetes' quantity grammar (apimachinery resource.Quantity) and IntOrString, as JSON carries them. */

describe('quantities', () => {
  test.each(['1', '0', '1.5', '.5', '5.', '+1', '-1', '100m', '1n', '1u', '250k', '1M', '2G', '1T', '1P', '1E', '512Ki',
    '1Mi', '1Gi', '1Ti', '1Pi', '1Ei', '1e3', '1E-3', '1e+3', '1.5e2'])('accepts %s', (value) => {
    expect(isQuantity(value)).toBe(true);
  });

  test.each(['', ' 1', '1 Gi', '1KiB', '1ki', '1e', 'Ki', '1.2.3', '0x10', '1Gi ', '1e3M', 'one'])('refuses %j', (value) => {
    expect(isQuantity(value)).toBe(false);
  });

  test('numbers are quantities when finite', () => {
    expect([1, 0.25, 0, -2].every(isQuantity)).toBe(true);
    expect([NaN, Infinity, true, null, {}].some(isQuantity)).toBe(false);
  });
});

describe('int-or-string', () => {
  test('is a 32-bit integer or any string', () => {
    expect([0, 8080, -1, 2 ** 31 - 1, '25%', 'http', ''].every(isIntOrString)).toBe(true);
    expect([1.5, 2 ** 31, NaN, true, null, ['a']].some(isIntOrString)).toBe(false);
  });
});
