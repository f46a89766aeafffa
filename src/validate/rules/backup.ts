import { isSet } from './rule';
import type { Rule } from './rule';
import { longestCronGapSeconds, parseCron } from '../../base/cron';
import { DUMP_TIME_PATTERN } from '../../base/names';
import { hiddenViolation, violation } from '../violations';

/*
 * Beyond the operator: the metastore backup (`backup`). The schema has checked the fields' shapes; these rules check
 * what the job needs to run and the alerts need to be right.
 */

/** The schedule must be one the CronJob controller runs, so the alerts can allow twice its longest gap. */
export const backupScheduleRuns: Rule = (props) => {
  const schedule = props.backup?.schedule;
  if (typeof schedule !== 'string' || schedule === '') return [];
  const cron = parseCron(schedule);
  if (!cron) {
    return [violation('backup.schedule', 'must be a cron schedule of 5 fields (minute hour day-of-month month '
      + 'day-of-week) of numbers, *, ?, ranges a-b, steps /n, lists and month or weekday names', schedule,
    'write e.g. \'0 3 * * *\' for every day at 03:00')];
  }
  return longestCronGapSeconds(cron) === undefined
    ? [violation('backup.schedule', 'never runs (or runs only once in eight years)', schedule, 'choose a date that exists')]
    : [];
};

/** Exactly one destination: the job stores each dump in one place. */
export const backupHasOneDestination: Rule = (props) => {
  const backup = props.backup;
  if (!isSet(backup)) return [];
  const set = (['persistentVolumeClaim', 's3'] as const).filter((field) => isSet(backup![field]));
  return set.length === 1 ? [] : [violation('backup', 'must set exactly one destination, persistentVolumeClaim or s3; '
    + `got ${set.length === 0 ? 'none' : 'both'}`, set, 'set backup.persistentVolumeClaim.claimName or backup.s3')];
};

/** The dump connects with the structured metastore fields (a URI is Superset's only: the tools do not read it). */
export const backupNeedsStructuredMetastore: Rule = (props) => {
  if (!isSet(props.backup) || isSet(props.devDependencies) || isSet(props.metastore?.host)) return [];
  return [violation('backup', 'needs the metastore\'s host, port, database, username and password as separate '
    + 'fields: the dump tools connect with them, not with a URI', props.metastore?.uri === undefined ? undefined : '(uri)',
  'set metastore.host, metastore.database, metastore.username and metastore.passwordFrom instead of metastore.uri/uriFrom')];
};

/** Why an endpoint is not a base URL, or undefined when it is one. */
function endpointProblem(endpoint: string): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http:// or https:// URL';
  if (url.username !== '' || url.password !== '') return 'must not hold credentials (use accessKeyIdFrom and secretAccessKeyFrom)';
  // The URL parser drops an empty query or fragment and adds a path `/`: look at what was written after the host.
  const rest = endpoint.slice(`${url.protocol}//`.length).replace(/^[^/?#]*/, '');
  return rest === '' ? undefined : 'must have no path, query or fragment';
}

/** The endpoint is a base URL: the AWS CLI adds bucket and key; a path, query or credentials would be lost or leak. */
export const backupEndpointIsBaseUrl: Rule = (props) => {
  const endpoint = props.backup?.s3?.endpoint;
  const problem = typeof endpoint === 'string' && endpoint !== '' ? endpointProblem(endpoint) : undefined;
  if (problem === undefined) return [];
  const fix = 'write the base URL only, e.g. https://minio.storage.svc:9000';
  // An endpoint with credentials in it is not repeated.
  return [problem.includes('credentials')
    ? hiddenViolation('backup.s3.endpoint', problem, fix)
    : violation('backup.s3.endpoint', problem, endpoint, fix)];
};

/**
 * A restore replaces the metastore: its Job is rendered only with an explicit `replaceMetastore: true`, and only for
 * a dump of this instance's backups, by the name the backup job gave it (which also names the Job).
 */
export const backupRestoreIsExplicit: Rule = (props, name) => {
  const restore = props.backup?.restore;
  if (!isSet(restore) || typeof restore !== 'object') return [];
  const problems = [];
  if (restore!.replaceMetastore !== true) {
    problems.push(violation('backup.restore.replaceMetastore', 'must be true to render the restore Job, which replaces '
      + 'the metastore\'s tables with the dump\'s', restore!.replaceMetastore,
    'stop the components and take a backup first (see the README\'s restore steps), then set it to true; or remove backup.restore'));
  }
  const type = isSet(props.devDependencies) ? 'PostgreSQL' : props.metastore?.type ?? 'PostgreSQL';
  const extension = type === 'MySQL' ? 'sql' : 'dump';
  const dump = restore!.dump;
  const expected = `${name}-YYYYMMDDTHHMMSSZ.${extension}`;
  const ok = typeof dump === 'string' && dump.startsWith(`${name}-`)
    && new RegExp(`^${DUMP_TIME_PATTERN}\\.${extension}$`).test(dump.slice(name.length + 1));
  if (typeof dump === 'string' && dump !== '' && !ok) {
    problems.push(violation('backup.restore.dump', `must name one of this instance's ${type} backups, ${expected}`, dump,
      'copy the name from the backup Job\'s log (backup: wrote …) or the listing of the claim or bucket'));
  }
  return problems;
};

export const BACKUP_RULES: readonly Rule[] = [
  backupScheduleRuns, backupHasOneDestination, backupNeedsStructuredMetastore, backupEndpointIsBaseUrl,
  backupRestoreIsExplicit,
];
