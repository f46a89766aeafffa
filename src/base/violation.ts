import { redactSecrets } from './redact';

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

// Secret values must not end up in CI logs. Fields named like secrets are never shown, whatever they hold
// (a misspelt `pasword` or a secret pasted into `secretKeyFrom` included); neither is the websocket config,
// which carries the JWT secret.
const SECRET_PATHS = new Set(['websocketServer.config']);
const HIDDEN = '<hidden>';
const MAX_VALUE_LENGTH = 100;

/** True for a field name that suggests a secret value. */
export function isSecretName(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.includes('password') || lower.includes('secret') || lower === 'uri';
}

function isSecretPath(path: string): boolean {
  const within = (secret: string) => path === secret || path.startsWith(`${secret}.`) || path.startsWith(`${secret}[`);
  return isSecretName(path.split('.').pop() ?? path) || [...SECRET_PATHS].some(within);
}

// A URL with user information (`redis://:pw@host`, `postgresql://u:pw@db/x`) carries credentials wherever it is, and
// so does user information without a scheme (`user:pw@host`).
const URL_WITH_CREDENTIALS = /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]*@|(^|[\s/])[^\s/@:]*:[^\s/@]+@/;

/** True for a string that holds a URL with credentials. */
export function hasCredentials(value: unknown): boolean {
  return typeof value === 'string' && URL_WITH_CREDENTIALS.test(value);
}

function hideSecrets(key: string, value: unknown): unknown {
  return (isSecretName(key) && value !== undefined) || hasCredentials(value) ? HIDDEN : value;
}

/** A value as JSON (secrets hidden, long values shortened), for messages. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function' || typeof value === 'symbol') return `a ${typeof value}`;
  let json: string;
  try {
    json = JSON.stringify(value, hideSecrets) ?? String(value);
  } catch {
    json = Object.prototype.toString.call(value); // circular structures
  }
  return json.length > MAX_VALUE_LENGTH ? `${json.slice(0, MAX_VALUE_LENGTH - 1)}…` : json;
}

/** A violation about a value the user gave. */
export function violation(path: string, rule: string, value: unknown, fix?: string): Violation {
  return { path, rule, got: isSecretPath(path) ? HIDDEN : describeValue(redactSecrets(path, value, HIDDEN)), fix };
}

/** A violation about a value that must not be shown, such as a misspelt password field. */
export function hiddenViolation(path: string, rule: string, fix?: string): Violation {
  return { path, rule, got: HIDDEN, fix };
}

/** A violation about something the user did not give (a missing field, a missing counterpart). */
export function missing(path: string, rule: string, fix?: string): Violation {
  return { path, rule, fix };
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

/** Throws one `SupersetValidationError` listing every violation; returns when there are none. */
export function throwIfAny(instanceName: string, violations: readonly Violation[]): void {
  if (violations.length > 0) throw new SupersetValidationError(instanceSubject(instanceName), violations);
}
