import { isSet } from './rule';
import type { Rule } from './rule';
import type { Violation } from '../../base/errors';
import { DNS_LABEL } from '../../base/patterns';
import type { SupersetInstanceProps } from '../../spec';
import { describeValue, missing, violation } from '../violations';

type When = (props: SupersetInstanceProps) => boolean;

/** A limit on the instance name: object names are plain concatenations and must stay within 63 characters. */
interface NameLimit {
  readonly max: number;
  readonly when: When;
  /** The operator's reason, so its users recognise it. */
  readonly reason: string;
  /** Another way out than a shorter name. */
  readonly alternative?: string;
}

const MAX_NAME = 63;

/** `<name><suffix>` names an object of an enabled part. */
function suffixed(part: string, suffix: string, when: When): NameLimit {
  const reason = `when ${part} is enabled (sub-resource suffix '${suffix}' is ${suffix.length} chars)`;
  return { max: MAX_NAME - suffix.length, when, reason };
}

/** `<name>-<task>-config` names the ConfigMap of a lifecycle task. */
function taskConfig(part: string, task: string, when: When): NameLimit {
  const reason = `when ${part} is enabled `
    + `(task name '{name}-${task}' + ConfigMap suffix '-config' must fit within 63 chars)`;
  return { max: MAX_NAME - `-${task}-config`.length, when, reason };
}

/** The operator's object-level CEL rules (operator-behaviour §1.7). */
const NAME_LIMITS: readonly NameLimit[] = [
  { max: MAX_NAME, when: () => true, reason: '(label values and Service names are limited to 63 characters)' },
  suffixed('webServer', '-web-server', (p) => isSet(p.webServer)),
  suffixed('celeryWorker', '-celery-worker', (p) => isSet(p.celeryWorker)),
  suffixed('celeryBeat', '-celery-beat', (p) => isSet(p.celeryBeat)),
  suffixed('celeryFlower', '-celery-flower', (p) => isSet(p.celeryFlower)),
  suffixed('websocketServer', '-websocket-server', (p) => isSet(p.websocketServer)),
  suffixed('mcpServer', '-mcp-server', (p) => isSet(p.mcpServer)),
  suffixed('lifecycle.maintenancePage', '-maintenance-page', (p) => isSet(p.lifecycle?.maintenancePage)),
  taskConfig('lifecycle.rotate', 'rotate', (p) => isSet(p.lifecycle?.rotate)),
  // Beyond the operator: the CronJob that repeats a scheduled seed; Kubernetes limits CronJob names to 52.
  {
    max: 52 - '-seed'.length,
    when: (p) => isSet(p.lifecycle?.seed?.cronSchedule) && p.lifecycle?.disabled !== true,
    reason: 'when lifecycle.seed.cronSchedule is set (the CronJob \'{name}-seed\' must fit within 52 chars)',
  },
  // Beyond the operator: KEDA's webhook refuses a ScaledObject whose HPA name, keda-hpa-<name>, exceeds 63.
  {
    max: 63 - 'keda-hpa-'.length - '-celery-worker'.length,
    when: (p) => isSet(p.celeryWorker?.queueScaling),
    reason: 'with celeryWorker.queueScaling: KEDA refuses a ScaledObject whose HPA name \'keda-hpa-{name}-celery-worker\' exceeds 63 chars',
  },
  // Beyond the operator: the metastore backup's CronJob.
  {
    max: 52 - '-backup'.length,
    when: (p) => isSet(p.backup),
    reason: 'when backup is set (the CronJob \'{name}-backup\' must fit within 52 chars)',
  },
  {
    max: 63 - '-restore-yyyymmddthhmmssz'.length,
    when: (p) => isSet(p.backup?.restore),
    reason: 'when backup.restore is set (the Job \'{name}-restore-<dump time>\' must fit within 63 chars)',
  },
  // Lifecycle is on unless explicitly disabled, also when `lifecycle` is absent.
  {
    ...taskConfig('lifecycle', 'migrate', (p) => p.lifecycle?.disabled !== true),
    alternative: 'set lifecycle.disabled: true',
  },
];

/** CEL: the name is a DNS label, since Service names are derived from it. */
export const instanceNameIsDnsLabel: Rule = (_props, name) =>
  typeof name === 'string' && !DNS_LABEL.test(name)
    ? [violation('name', 'must be a valid DNS label (lowercase alphanumeric and hyphens only, no dots or underscores)',
      name, 'object and Service names are derived from it; it defaults to the construct id')]
    : [];

/** CEL: the name fits every object name derived from it. Only the tightest limit that applies is reported. */
export const instanceNameLength: Rule = (props, name) => {
  if (typeof name !== 'string') return [];
  const limit = NAME_LIMITS.filter((l) => l.when(props)).reduce((tightest, l) => (l.max < tightest.max ? l : tightest));
  if (name.length <= limit.max) return [];
  const tooLong: Violation = {
    path: 'name',
    rule: `must be at most ${limit.max} characters ${limit.reason}`,
    got: `${describeValue(name)} (${name.length} characters)`,
    fix: limit.alternative ? `shorten the name, or ${limit.alternative}` : 'shorten the name',
  };
  return [tooLong];
};

/** CEL: without a created ServiceAccount, pods must name an existing one. */
export const serviceAccountNameRequired: Rule = (props) => {
  const sa = props.serviceAccount;
  // An empty name is reported by the structure check (not a DNS subdomain).
  return sa?.create === false && !isSet(sa.name)
    ? [missing('serviceAccount.name', 'serviceAccount.name is required when serviceAccount.create is false '
      + '(otherwise pods would silently use the default ServiceAccount of the namespace)')]
    : [];
};

export const NAME_RULES: readonly Rule[] = [instanceNameIsDnsLabel, instanceNameLength, serviceAccountNameRequired];
