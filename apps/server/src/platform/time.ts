/** Kazakhstan is one zone (UTC+5) since 1 March 2024; organisations may override. */
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

/** The calendar date (yyyy-mm-dd) at `now` in `zone`. */
export function dateInZone(now: Date, zone = DEFAULT_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
