/** Kazakhstan is one zone (UTC+5) since 1 March 2024; organisations may override. */
export const DEFAULT_TIME_ZONE = 'Asia/Almaty';

// Building an Intl.DateTimeFormat is costly and this runs on every request (roles by date): one per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (yyyy-mm-dd) at `now` in `zone`. */
export function dateInZone(now: Date, zone = DEFAULT_TIME_ZONE): string {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  return f.format(now);
}
