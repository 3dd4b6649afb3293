import { DEFAULT_TIME_ZONE } from './time.ts';

/** dd.MM.yyyy in the organisation's zone (DESIGN §1). */
export function formatDate(d: Date | string, zone = DEFAULT_TIME_ZONE): string {
  if (typeof d === 'string') {
    const [y, m, day] = d.split('-');
    return `${day}.${m}.${y}`;
  }
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: '2-digit', month: '2-digit', year: 'numeric' }).formatToParts(d);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('day')}.${get('month')}.${get('year')}`;
}

/** dd.MM.yyyy HH:mm in the organisation's zone. */
export function formatDateTime(d: Date, zone = DEFAULT_TIME_ZONE): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(d);
  return `${formatDate(d, zone)} ${time}`;
}

/** "Нұрланов Данияр Асқарұлы" → "Нұрланов Д. А." — how signatures are written in journals. */
export function surnameWithInitials(fullName: string): string {
  const [surname, ...rest] = fullName.trim().split(/\s+/);
  return [surname, ...rest.map((n) => `${[...n][0]}.`)].join(' ');
}

/** A calendar month (yyyy-mm) as a reader writes it: "2026 ж. наурыз", "март 2026 г.", "March 2026". */
export function formatMonth(month: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`));
}
