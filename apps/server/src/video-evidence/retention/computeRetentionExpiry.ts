import { dateInZone } from '../../platform/time.ts';

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * R444-12: the last day a recording is kept — its capture date (in the
 * organisation's calendar) plus the class's years. A period counted in years
 * ends on the same month and day of its last year; a day the month does not
 * have (29 February in a common year) falls on that month's last day — how
 * Kazakh law counts periods in years (e.g. art. 12-1 of the Law "On
 * administrative procedures" of 27.11.2000). So a capture on 29.02.2024 is
 * kept through 28.02.2027 and falls due on 01.03.2027. PostgreSQL's
 * `date + interval 'N years'` gives the same day, which the backfill relies on.
 */
export function computeRetentionExpiry(capturedAt: Date, years: number, zone: string): string {
  const [y, m, d] = dateInZone(capturedAt, zone).split('-').map(Number) as [number, number, number];
  const year = y + years;
  const day = m === 2 && d === 29 && !isLeap(year) ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Due means the last day kept is behind us: `retainUntil < today` in the organisation's calendar. */
export const isDue = (retainUntil: string | null, today: string) => retainUntil !== null && retainUntil < today;

/**
 * "Today" for the retention rule: the organisation's calendar date, but never
 * ahead of the UTC date — the database trigger checks expiry against its own
 * current_date in UTC, and in Kazakhstan (UTC+5) the local date runs ahead of
 * it from midnight to 05:00. Being a few hours later than the calendar is the
 * safe direction; being earlier would be refused by the database.
 */
export function retentionToday(now: Date, zone: string): string {
  const local = dateInZone(now, zone);
  const utc = now.toISOString().slice(0, 10);
  return local < utc ? local : utc;
}
