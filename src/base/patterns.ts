import { isIPv4, isIPv6 } from 'net';

/*
 * Syntax rules of Kubernetes, the Gateway API and Prometheus that the operator's OpenAPI schema cannot express
 * (or expresses only as a pattern). Each rule is a regex plus a predicate that also checks lengths, so other
 * parts of the library can reuse them.
 */

/** RFC 1123 label: lowercase letters, digits and '-', starting and ending with a letter or digit. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** RFC 1123 subdomain: DNS labels joined by dots. */
export const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The name part of a label or annotation key, and a non-empty label value. */
export const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** A label value: empty, or a qualified name. */
export const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A Gateway API hostname (the operator CRD's pattern): an RFC 1123 subdomain with an optional `*.` prefix. */
export const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** A component's path prefix in routes (the operator CRD's `gatewayPath` pattern). */
export const GATEWAY_PATH = /^\/[a-zA-Z0-9/_.-]+$/;

/** A cron schedule of 5 to 7 fields (the operator CRD's `cronSchedule` pattern); macros such as `@daily` fail it. */
export const CRON_SCHEDULE = /^[A-Za-z0-9*/,?-]+(\s+[A-Za-z0-9*/,?-]+){4,6}$/;

/** A non-negative Go duration as `time.ParseDuration` reads it: `0`, `300s`, `1.5h`, `1h30m`, `250ms`. */
export const GO_DURATION = /^(0|((\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h))+)$/;

/** A Prometheus duration (prometheus-operator's pattern); it also matches the empty string, which is not one. */
export const PROMETHEUS_DURATION =
  /^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$/;

/** An IANA service name, which Kubernetes requires for named container ports. */
export const PORT_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A DNS name as resolvers take it: letters (either case), digits and '-' in dot-separated labels. */
const DNS_NAME = /^[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?(\.[A-Za-z0-9]([-A-Za-z0-9]*[A-Za-z0-9])?)*$/;

/** True for an RFC 1123 DNS label of at most 63 characters (names of namespaces, Services, instances). */
export function isDnsLabel(value: string): boolean {
  return value.length <= 63 && DNS_LABEL.test(value);
}

/** True for an RFC 1123 DNS subdomain of at most 253 characters (names of most Kubernetes objects). */
export function isDnsSubdomain(value: string): boolean {
  return value.length <= 253 && DNS_SUBDOMAIN.test(value);
}

/** True for a Kubernetes qualified name: `[prefix/]name`, prefix a DNS subdomain, name at most 63 characters. */
export function isQualifiedName(value: string): boolean {
  const parts = value.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  const prefixOk = parts.length === 1 || isDnsSubdomain(parts[0]);
  return prefixOk && name.length <= 63 && QUALIFIED_NAME.test(name);
}

/** True for a label key. */
export function isLabelKey(value: string): boolean {
  return isQualifiedName(value);
}

/** True for a label value: at most 63 characters, possibly empty. */
export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

/** True for an annotation key. Kubernetes checks annotation keys in lower case, so the name part may use capitals. */
export function isAnnotationKey(value: string): boolean {
  return isQualifiedName(value.toLowerCase());
}

/**
 * True for a route hostname: an RFC 1123 subdomain of at most 253 characters whose labels have at most 63
 * characters, optionally with a `*.` prefix. IP addresses are refused, as the Gateway API and Ingress do.
 */
export function isHostname(value: string): boolean {
  const labels = value.replace(/^\*\./, '').split('.');
  return value.length >= 1 && value.length <= 253 && HOSTNAME.test(value)
    && labels.every((label) => label.length <= 63) && !IPV4.test(value);
}

/** True for a route path prefix such as `/flower`. */
export function isGatewayPath(value: string): boolean {
  return GATEWAY_PATH.test(value);
}

/** True for a cron schedule of 5 to 7 fields, 9 to 256 characters long (the operator CRD's limits). */
export function isCronSchedule(value: string): boolean {
  return value.length >= 9 && value.length <= 256 && CRON_SCHEDULE.test(value);
}

/** True for a non-negative Go duration, such as a lifecycle task `timeout`. */
export function isGoDuration(value: string): boolean {
  return GO_DURATION.test(value);
}

/** True for a non-empty Prometheus duration, such as a ServiceMonitor `interval`. */
export function isPrometheusDuration(value: string): boolean {
  return value.length > 0 && PROMETHEUS_DURATION.test(value);
}

const PROMETHEUS_UNIT_MS: { readonly [unit: string]: number } = {
  y: 365 * 24 * 3600_000, w: 7 * 24 * 3600_000, d: 24 * 3600_000, h: 3600_000, m: 60_000, s: 1000, ms: 1,
};

/** Milliseconds of a Prometheus duration (a year is 365 days, as in Prometheus), or undefined when it is not one. */
export function prometheusDurationMs(value: string): number | undefined {
  if (!isPrometheusDuration(value)) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(/(\d+)(ms|y|w|d|h|m|s)/g)) {
    total += Number(amount) * PROMETHEUS_UNIT_MS[unit];
  }
  return total;
}

/** True for a container port name: an IANA service name of at most 15 characters with at least one letter. */
export function isPortName(value: string): boolean {
  return value.length <= 15 && PORT_NAME.test(value) && /[a-z]/.test(value) && !value.includes('--');
}

/**
 * True for a host a client connects to: a DNS name (at most 253 characters, labels of at most 63), an IPv4 address
 * or an IPv6 address written bare (no brackets, no zone). Nothing else can reach a URL or a client's host argument,
 * so `;`, `/`, `?`, `#`, `@` and spaces never do. Dotted numbers must be a valid IPv4 address.
 */
export function isNetworkHost(value: string): boolean {
  if (isIPv6(value)) return !value.includes('%');
  if (/^[\d.]+$/.test(value)) return isIPv4(value);
  return value.length <= 253 && DNS_NAME.test(value) && value.split('.').every((label) => label.length <= 63);
}

/** A UTF-16 surrogate without its partner: no UTF-8 text (YAML, JSON files) can carry it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** The rule for text with a lone surrogate. */
export const UNICODE_RULE = 'must be valid Unicode text (it holds a lone surrogate, which no file can carry)';

/** True for text every file format can carry: no lone surrogate. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}
