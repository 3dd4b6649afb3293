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

/** How far `zone`'s wall clock is ahead of UTC at `at`, in milliseconds. */
function zoneOffsetMs(at: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a calendar day (yyyy-mm-dd) begins in `zone`: 2026-03-21 in Asia/Almaty is 2026-03-20T19:00Z. */
export function startOfDayInZone(day: string, zone = DEFAULT_TIME_ZONE): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d);
  let t = wall - zoneOffsetMs(new Date(wall), zone);
  // Once more with the offset at the guess, in case a clock change falls between.
  t = wall - zoneOffsetMs(new Date(t), zone);
  return new Date(t);
}
