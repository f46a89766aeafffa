import type { Format } from './schema';
import {
  isAnnotationKey, isCronSchedule, isDnsLabel, isDnsSubdomain, isGatewayPath, isGoDuration, isHostname, isLabelKey,
  isLabelValue, isNetworkHost, isPortName, isPrometheusDuration,
} from '../base/patterns';

/** A format from a plain regex, for the CRD's one-off patterns; the message quotes the pattern. */
export function matching(pattern: RegExp, fix?: string): Format {
  return { rule: `must match ${pattern.source}`, test: (value) => pattern.test(value), fix };
}

export const DNS_LABEL_FORMAT: Format = {
  rule: 'must be a DNS label (at most 63 lowercase letters, digits and \'-\', '
    + 'starting and ending with a letter or digit)',
  test: isDnsLabel,
};

/**
 * A dashboard's Grafana uid: at most 40 characters (Grafana's limit), here a DNS label too, since it also names the
 * dashboard's file and, by default, its ConfigMap.
 */
export const GRAFANA_UID_FORMAT: Format = {
  rule: 'must be 1 to 40 lowercase letters, digits and \'-\', starting and ending with a letter or digit (a Grafana uid '
    + 'that also names the ConfigMap)',
  test: (value) => value.length <= 40 && isDnsLabel(value),
};

export const DNS_SUBDOMAIN_FORMAT: Format = {
  rule: 'must be a DNS subdomain (at most 253 lowercase letters, digits, \'-\' and \'.\', '
    + 'each part starting and ending with a letter or digit)',
  test: isDnsSubdomain,
};

const QUALIFIED_KEY = 'an optional DNS subdomain prefix and \'/\', then at most 63 letters, digits, \'-\', \'_\' '
  + 'and \'.\', starting and ending with a letter or digit';

export const LABEL_KEY_FORMAT: Format = {
  rule: `must be a valid label key (${QUALIFIED_KEY})`,
  test: isLabelKey,
};

export const LABEL_VALUE_FORMAT: Format = {
  rule: 'must be a valid label value (empty, or at most 63 letters, digits, \'-\', \'_\' and \'.\', '
    + 'starting and ending with a letter or digit)',
  test: isLabelValue,
};

export const ANNOTATION_KEY_FORMAT: Format = {
  rule: `must be a valid annotation key (${QUALIFIED_KEY})`,
  test: isAnnotationKey,
};

export const HOSTNAME_FORMAT: Format = {
  rule: 'must be an RFC 1123 hostname, optionally with a \'*.\' prefix (lowercase letters, digits, \'-\' and \'.\', '
    + 'at most 253 characters, not an IP address)',
  test: isHostname,
  fix: 'for example \'superset.example.com\' or \'*.example.com\'',
};

export const GATEWAY_PATH_FORMAT: Format = {
  rule: 'must match ^/[a-zA-Z0-9/_.-]+$ (a path of letters, digits, \'/\', \'_\', \'.\' and \'-\' starting with \'/\')',
  test: isGatewayPath,
  fix: 'for example \'/flower\'',
};

export const CRON_FORMAT: Format = {
  rule: 'must be a cron schedule of 5 to 7 fields matching ^[A-Za-z0-9*/,?-]+(\\s+[A-Za-z0-9*/,?-]+){4,6}$, '
    + '9 to 256 characters long (macros such as \'@daily\' are not accepted)',
  test: isCronSchedule,
  fix: 'for example \'0 3 * * *\'',
};

export const GO_DURATION_FORMAT: Format = {
  rule: 'must be a non-negative Go duration',
  test: isGoDuration,
  fix: 'for example \'300s\', \'5m\' or \'1h30m\'',
};

export const PROMETHEUS_DURATION_FORMAT: Format = {
  rule: 'must be a Prometheus duration matching '
    + '^(0|(([0-9]+)y)?(([0-9]+)w)?(([0-9]+)d)?(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?(([0-9]+)ms)?)$ and not empty',
  test: isPrometheusDuration,
  fix: 'for example \'30s\' or \'1m\'',
};

export const PORT_NAME_FORMAT: Format = {
  rule: 'must be an IANA service name (at most 15 lowercase letters, digits and \'-\', with at least one letter, '
    + 'no \'-\' at either end or twice in a row)',
  test: isPortName,
};

export const ABSOLUTE_PATH_FORMAT: Format = {
  rule: 'must be an absolute path starting with \'/\'',
  test: (value) => value.startsWith('/'),
};

export const NETWORK_HOST_FORMAT: Format = {
  rule: 'must be a DNS name, an IPv4 address or an IPv6 address (letters, digits, \'-\' and \'.\', or an address; '
    + 'no port, scheme, path, brackets or spaces)',
  test: isNetworkHost,
  fix: 'for example \'valkey.databases.svc\', \'10.0.0.5\' or \'fd00::5\' (IPv6 without brackets; the port has its own field)',
};

/**
 * SQLAlchemy 1.4 and 2.x read the database of a URL verbatim up to the first '?', which starts the query; there is
 * no escape for it.
 */
export const SQLALCHEMY_DATABASE_FORMAT: Format = {
  rule: 'must not contain \'?\' (SQLAlchemy ends the database name of a URL at the first \'?\' and has no escape for it)',
  test: (value) => !value.includes('?'),
  fix: 'rename the database, or give the whole URI with metastore.uriFrom',
};
