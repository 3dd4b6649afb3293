import { startOfDayInZone } from '../../platform/time.ts';
import type { Deadline } from './competition-rules.ts';

/** A deadline of a competition year: the day as the regulation names it, and the first moment that is late. */
export interface YearDeadline {
  point: string;
  /** yyyy-MM-dd in the year after the reporting year. */
  dueOn: string;
  /** From this instant on it is late (start of the next day in the union's zone when the day itself counts). */
  closesAt: Date;
}

const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** RC-16, RC-21: "20 наурызға дейін" of the competition held in the year after the reporting year, judged in `zone`. */
export function deadlineOf(reportingYear: number, d: Deadline, zone: string): YearDeadline {
  const y = reportingYear + 1;
  const dueOn = isoDay(Date.UTC(y, d.month - 1, d.day));
  const closesOn = isoDay(Date.UTC(y, d.month - 1, d.day + (d.includesDay ? 1 : 0)));
  return { point: d.point, dueOn, closesAt: startOfDayInZone(closesOn, zone) };
}

export const isLate = (now: Date, d: { closesAt: Date }) => now.getTime() >= d.closesAt.getTime();
