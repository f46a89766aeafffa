/** Kubernetes' IntOrString: a 32-bit integer or a string (a port name, a percentage). */
export function isIntOrString(value: unknown): boolean {
  return typeof value === 'string' || (typeof value === 'number' && isInt32(value));
}

/** The range of Kubernetes' `int32` fields. */
export function isInt32(value: number): boolean {
  return Number.isSafeInteger(value) && value >= -(2 ** 31) && value < 2 ** 31;
}

export const INT_OR_STRING_RULE = 'must be an integer or a string';
