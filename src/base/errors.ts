/**
 * One thing wrong with the props: `<path>: <rule>[, got <value>][; <fix>]`. The path is written the way the user
 * wrote the props (`webServer.service.nodePort`, `celeryWorker.podTemplate.container.ports[0].containerPort`).
 */
export interface Violation {
  /** Where, as a props path. */
  readonly path: string;
  /** What must hold, in words (lowercase, no trailing period). */
  readonly rule: string;
  /** The offending value, already rendered; absent when nothing was given (a missing field). */
  readonly got?: string;
  /** How to fix it, when that is not obvious from the rule. */
  readonly fix?: string;
}

/** `<path>: <rule>[, got <value>][; <fix>]`. */
export function formatViolation(v: Violation): string {
  const got = v.got === undefined ? '' : `, got ${v.got}`;
  const fix = v.fix === undefined ? '' : `; ${v.fix}`;
  return `${v.path}: ${v.rule}${got}${fix}`;
}

/** One message for all violations of a subject, such as `SupersetInstance 'analytics'`. */
export function formatViolations(subject: string, violations: readonly Violation[]): string {
  if (violations.length === 1) return `${subject}: ${formatViolation(violations[0])}`;
  const lines = violations.map((v) => `  - ${formatViolation(v)}`);
  return `${subject}: ${violations.length} problems:\n${lines.join('\n')}`;
}

/**
 * The error for input that is not valid: it lists every problem found, each with its path, rule, value (hidden
 * when it may be a secret) and fix. Anything else thrown by this library is a defect of the library itself.
 */
export class SupersetValidationError extends Error {
  /** What was invalid, as messages name it: `SupersetInstance 'analytics'`, `Superset 'team-a/analytics'`. */
  public readonly subject: string;
  /** Every problem, in the order they are reported. */
  public readonly violations: readonly Violation[];

  constructor(subject: string, violations: readonly Violation[]) {
    super(formatViolations(subject, violations));
    this.name = 'SupersetValidationError';
    this.subject = subject;
    this.violations = violations;
  }

  /** The same problems about another subject, with their paths written another way (props paths as resource paths). */
  public restate(subject: string, path: (violationPath: string) => string): SupersetValidationError {
    return new SupersetValidationError(subject, this.violations.map((v) => ({ ...v, path: path(v.path) })));
  }
}

/** The subject of an instance's props in messages. */
export function instanceSubject(instanceName: string): string {
  return `SupersetInstance '${instanceName}'`;
}

/**
 * A defect of the library itself: an invariant that validation should have made true did not hold. Never thrown for
 * anything a user wrote (that is a `SupersetValidationError`); please report it.
 */
export class SupersetInternalError extends Error {
  constructor(message: string) {
    super(`internal error in cdk8s-superset (please report it): ${message}`);
    this.name = 'SupersetInternalError';
  }
}
