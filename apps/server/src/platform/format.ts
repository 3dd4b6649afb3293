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
