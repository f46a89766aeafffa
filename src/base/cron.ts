/*
 * The five-field cron schedules of a Kubernetes CronJob, read the way its controller reads them (robfig/cron's
 * standard parser): numbers, `*` and `?`, ranges `a-b`, steps `/n`, lists, month and weekday names; weekdays are
 * 0-6 (Sunday is 0: robfig refuses 7, and so does the API server). When both day fields are restricted a day matches
 * either; when one is `*` or `?` (without a step over 1) both must match. Used to know the longest gap between two runs, which the backup alerts allow twice over.
 */

interface Field { readonly min: number; readonly max: number; readonly names?: readonly string[] }

const MINUTE: Field = { min: 0, max: 59 };
const HOUR: Field = { min: 0, max: 23 };
const DAY: Field = { min: 1, max: 31 };
const MONTH: Field = { min: 1, max: 12, names: ['', 'jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] };
const WEEKDAY: Field = { min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] };

/** The values one field allows, and whether it is a plain `*` / `?` (which changes how the day fields combine). */
interface Values { readonly set: ReadonlySet<number>; readonly star: boolean }

function value(text: string, field: Field): number | undefined {
  const named = field.names?.indexOf(text.toLowerCase()) ?? -1;
  if (named > 0 || (named === 0 && field === WEEKDAY)) return named;
  if (!/^[0-9]{1,2}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= field.min && n <= field.max ? n : undefined;
}

function part(text: string, field: Field): Values | undefined {
  const [range, stepText, extra] = text.split('/');
  if (extra !== undefined) return undefined;
  const step = stepText === undefined ? 1 : /^[0-9]{1,2}$/.test(stepText) ? Number(stepText) : 0;
  if (step < 1) return undefined;
  let low: number | undefined;
  let high: number | undefined;
  let star = false;
  if (range === '*' || range === '?') {
    [low, high, star] = [field.min, field.max, step === 1];
  } else {
    const bounds = range.split('-');
    if (bounds.length > 2) return undefined;
    low = value(bounds[0], field);
    // `n/step` runs from n to the maximum.
    high = bounds.length === 2 ? value(bounds[1], field) : stepText !== undefined ? field.max : low;
  }
  if (low === undefined || high === undefined || low > high) return undefined;
  const set = new Set<number>();
  for (let n = low; n <= high; n += step) set.add(n);
  return { set, star };
}

function parseField(text: string, field: Field): Values | undefined {
  const parts = text.split(',').map((p) => part(p, field));
  if (parts.some((p) => p === undefined)) return undefined;
  const set = new Set<number>(parts.flatMap((p) => [...p!.set]));
  return { set, star: parts.some((p) => p!.star) };
}

/** A parsed five-field schedule. */
export interface CronSchedule {
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly days: Values;
  readonly months: ReadonlySet<number>;
  readonly weekdays: Values;
}

/** Parses a five-field cron schedule; undefined when Kubernetes would refuse it or it is not of five fields. */
export function parseCron(schedule: string): CronSchedule | undefined {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minutes, hours, days, months, weekdays] = [
    parseField(fields[0], MINUTE), parseField(fields[1], HOUR), parseField(fields[2], DAY),
    parseField(fields[3], MONTH), parseField(fields[4], WEEKDAY),
  ];
  if (!minutes || !hours || !days || !months || !weekdays) return undefined;
  return { minutes: minutes.set, hours: hours.set, days, months: months.set, weekdays };
}

function dayMatches(cron: CronSchedule, date: Date): boolean {
  const day = cron.days.set.has(date.getUTCDate());
  const weekday = cron.weekdays.set.has(date.getUTCDay());
  return cron.days.star || cron.weekdays.star ? day && weekday : day || weekday;
}

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;
// Eight years from a leap year: every calendar case (29 February twice, every date on every weekday) is seen.
const FROM = Date.UTC(2024, 0, 1);
const DAYS = 8 * 365 + 2;

/**
 * The longest time between two consecutive runs of a schedule, in seconds (over eight calendar years); undefined
 * when it never runs (e.g. `0 0 30 2 *`).
 */
export function longestCronGapSeconds(cron: CronSchedule): number | undefined {
  const minutes = [...cron.minutes].sort((a, b) => a - b);
  const hours = [...cron.hours].sort((a, b) => a - b);
  let previous: number | undefined;
  let longest: number | undefined;
  for (let d = 0; d < DAYS; d++) {
    const start = FROM + d * DAY_MS;
    const date = new Date(start);
    if (!cron.months.has(date.getUTCMonth() + 1) || !dayMatches(cron, date)) continue;
    for (const h of hours) {
      for (const m of minutes) {
        const time = start + (h * 60 + m) * MINUTE_MS;
        if (previous !== undefined) longest = Math.max(longest ?? 0, time - previous);
        previous = time;
      }
    }
  }
  return longest === undefined ? undefined : longest / 1000;
}
