/** Shown in the organisation's zone; every demo organisation is in Asia/Almaty (UTC+5 since 2024). */
export const DISPLAY_ZONE = 'Asia/Almaty';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function partsOf(d: Date) {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(d)) p[part.type] = part.value;
  return { y: p.year ?? '', m: p.month ?? '', d: p.day ?? '', hh: p.hour ?? '', mm: p.minute ?? '', ss: p.second ?? '' };
}

const toDate = (v: Date | string) => (v instanceof Date ? v : new Date(v));

/** dd.MM.yyyy of an instant, in the display zone. */
export function formatDate(v: Date | string): string {
  const p = partsOf(toDate(v));
  return `${p.d}.${p.m}.${p.y}`;
}

/** dd.MM.yyyy HH:mm of an instant, in the display zone. */
export function formatDateTime(v: Date | string): string {
  const p = partsOf(toDate(v));
  return `${p.d}.${p.m}.${p.y} ${p.hh}:${p.mm}`;
}

/** dd.MM.yyyy HH:mm:ss of an instant, in the display zone (recordings, where seconds matter). */
export function formatDateTimeSeconds(v: Date | string): string {
  const p = partsOf(toDate(v));
  return `${p.d}.${p.m}.${p.y} ${p.hh}:${p.mm}:${p.ss}`;
}

/** HH:mm:ss of an instant, in the display zone. */
export function formatTime(v: Date | string): string {
  const p = partsOf(toDate(v));
  return `${p.hh}:${p.mm}:${p.ss}`;
}

/** A calendar date `yyyy-mm-dd` (no zone) as dd.MM.yyyy. */
export function formatCalendarDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** Parses what a person types, dd.MM.yyyy (also d.M.yyyy, with / or -), into `yyyy-mm-dd`. */
export function parseCalendarDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!m) return /^\d{4}-\d{2}-\d{2}$/.test(text.trim()) ? text.trim() : null;
  const [dd, mm, yyyy] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(yyyy, mm - 1, dd));
  if (date.getUTCFullYear() !== yyyy || date.getUTCMonth() !== mm - 1 || date.getUTCDate() !== dd) return null;
  return `${yyyy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

/** Today as `yyyy-mm-dd` in the display zone. */
export function todayInZone(now = new Date()): string {
  const p = partsOf(now);
  return `${p.y}-${p.m}-${p.d}`;
}

/** The zone's UTC offset on a date, e.g. "+05:00". */
function offsetOn(isoDate: string): string {
  const f = new Intl.DateTimeFormat('en-US', { timeZone: DISPLAY_ZONE, timeZoneName: 'longOffset' });
  const name = f.formatToParts(new Date(`${isoDate}T12:00:00Z`)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const off = name.replace('GMT', '');
  return off === '' ? '+00:00' : off;
}

/** The first and the last instant of a calendar day in the display zone, as ISO date-times. */
export const startOfDay = (isoDate: string) => `${isoDate}T00:00:00${offsetOn(isoDate)}`;
export const endOfDay = (isoDate: string) => `${isoDate}T23:59:59.999${offsetOn(isoDate)}`;

/** A wall-clock date (`yyyy-mm-dd`) and time (`HH:mm`) in the display zone as an ISO instant. */
export const zonedDateTime = (isoDate: string, time: string) => `${isoDate}T${time}:00${offsetOn(isoDate)}`;

/** The display zone's `yyyy-mm-dd` and `HH:mm` of an instant (for editing it in a date and a time field). */
export function splitInZone(v: Date | string): { date: string; time: string } {
  const p = partsOf(toDate(v));
  return { date: `${p.y}-${p.m}-${p.d}`, time: `${p.hh}:${p.mm}` };
}
