import type { Violation } from './violation';

/**
 * The error `SupersetInstance` throws for props that are not a valid spec: its message lists every problem as
 * `<path>: <rule>[, got <value>][; <fix>]`, values that may be secrets shown as `<hidden>`.
 */
export class SupersetSpecError extends Error {
  /** Every problem found, in the order the message lists them. */
  public readonly violations: readonly Violation[];

  constructor(message: string, violations: readonly Violation[]) {
    super(message);
    this.name = 'SupersetSpecError';
    this.violations = violations;
  }
}
