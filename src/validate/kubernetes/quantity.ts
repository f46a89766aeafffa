/*
 * Kubernetes' quantity syntax (apimachinery `resource.Quantity`):
 *   <quantity> ::= <signedNumber><suffix>, <suffix> ::= <binarySI> | <decimalExponent> | <decimalSI>,
 *   <binarySI> ::= Ki | Mi | Gi | Ti | Pi | Ei, <decimalSI> ::= n | u | m | "" | k | M | G | T | P | E,
 *   <decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber>.
 * This is the regex Kubernetes' OpenAPI tooling publishes for it (the `pattern` of every CRD quantity field).
 */
const QUANTITY = /^(\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\+|-)?(([0-9]+(\.[0-9]*)?)|(\.[0-9]+))))?$/;

/** True for a quantity as JSON carries it: a string in Kubernetes' syntax or a finite number. */
export function isQuantity(value: unknown): boolean {
  return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && QUANTITY.test(value));
}

export const QUANTITY_RULE = 'must be a Kubernetes quantity (a number with an optional suffix: '
  + 'Ki, Mi, Gi, Ti, Pi, Ei, n, u, m, k, M, G, T, P, E or an exponent such as e3)';
export const QUANTITY_FIX = 'for example \'500m\', \'2\' or \'512Mi\'';
