import { redactSecrets } from './redact';
import { type Violation, SupersetValidationError, instanceSubject } from '../base/errors';

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
// so does user information without a scheme (`user:pw@host`). What is found is what the regex
// /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#\s]*@|(^|[\s/])[^\s/@:]*:[^\s/@]+@/ matches (a property test holds the two
// together), in one pass: the regex backtracks over every run of letters, so a value of a few megabytes took minutes.
const SCHEME_CHAR = /[A-Za-z0-9+.-]/;
const LETTER = /[A-Za-z]/;
const SPACE = /\s/;

/** Where, from `from`, the first character of `stops` (or whitespace) is, or -1. */
function firstStop(text: string, from: number, stops: string): number {
  for (let i = from; i < text.length; i++) if (stops.includes(text[i]) || SPACE.test(text[i])) return i;
  return -1;
}

/** `scheme://userinfo@`: a scheme with a letter before `://`, then `@` before any of `/?#` or whitespace. */
function schemeWithUserinfo(text: string): boolean {
  for (let k = text.indexOf('://'); k >= 0; k = text.indexOf('://', k + 1)) {
    let letter = false;
    for (let i = k - 1; i >= 0 && SCHEME_CHAR.test(text[i]); i--) letter ||= LETTER.test(text[i]);
    if (letter && text[firstStop(text, k + 3, '/?#@')] === '@') return true;
  }
  return false;
}

/** `user:password@`, at the start or after whitespace or `/`: a `:` before any of `/@`, then text, then `@`. */
function bareUserinfo(text: string): boolean {
  for (let start = 0; start <= text.length; start++) {
    if (start > 0 && !(text[start - 1] === '/' || SPACE.test(text[start - 1]))) continue;
    const colon = firstStop(text, start, '/@:');
    if (colon < 0 || text[colon] !== ':') continue;
    const at = firstStop(text, colon + 1, '/@');
    if (at > colon + 1 && text[at] === '@') return true;
  }
  return false;
}

/** True for a string that holds a URL with credentials. */
export function hasCredentials(value: unknown): boolean {
  return typeof value === 'string' && (schemeWithUserinfo(value) || bareUserinfo(value));
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

/** Throws one `SupersetValidationError` listing every violation; returns when there are none. */
export function throwIfAny(instanceName: string, violations: readonly Violation[]): void {
  if (violations.length > 0) throw new SupersetValidationError(instanceSubject(instanceName), violations);
}
