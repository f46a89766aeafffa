// Five-field cron schedules read as the CronJob controller reads them, and the longest gap between runs that the
// backup alerts allow twice over.
import { longestCronGapSeconds, parseCron } from '../../src/base/cron';

const gap = (schedule: string) => {
  const cron = parseCron(schedule);
  return cron && longestCronGapSeconds(cron);
};
const HOUR = 3600;
const DAY = 24 * HOUR;

test.each([
  ['*/15 * * * *', 15 * 60],
  ['0 3 * * *', DAY],
  ['0 */6 * * *', 6 * HOUR],
  ['0 1,13 * * *', 12 * HOUR],
  ['30 2 * * 0', 7 * DAY],
  ['5 4 * * sun', 7 * DAY],
  ['0 2 * * MON-FRI', 3 * DAY],
  ['0 0 1 * *', 31 * DAY],
  ['0 0 1 JAN,JUL *', 184 * DAY],
  // Both day fields restricted: either matches (the 1st and 15th, and every Monday).
  ['0 4 1,15 * MON', 7 * DAY],
  // `*/2` is not a star (robfig/cron's rule): odd days or Mondays, never more than 2 days apart.
  ['0 0 */2 * MON', 2 * DAY],
  // A star in day-of-month: only the weekday restricts.
  ['0 0 * * MON,THU', 4 * DAY],
  ['0 0 29 2 *', 4 * 365 * DAY + DAY],
  ['0 0 ? * 1', 7 * DAY],
])('%s: longest gap %d s', (schedule, seconds) => {
  expect(gap(schedule)).toBe(seconds);
});

test.each([
  '@daily', '0 3 * *', '0 3 * * * *', '60 * * * *', '* 24 * * *', '* * 0 * *', '* * * 13 *', '* * * * 7', '* * * * 8',
  '*/0 * * * *', '5-1 * * * *', '1-2-3 * * * *', 'a * * * *', '1/2/3 * * * *', '',
])('%j is refused', (schedule) => {
  expect(parseCron(schedule)).toBeUndefined();
});

test('a date that never comes has no gap', () => {
  expect(gap('0 0 30 2 *')).toBeUndefined();
  expect(gap('0 0 31 4,6,9,11 *')).toBeUndefined();
});
