import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { approveMonthlyReport, presentMonthlyReport } from '../reports/monthlyReport.ts';

type Who = { kind: 'user'; id: string };

/** yyyy-mm, `back` months before the month of `today` (yyyy-mm-dd). */
const monthBefore = (today: string, back: number) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - back, 1)).toISOString().slice(0, 7);
};

/**
 * R315-18 in the demo, through the use cases: the month before last presented on the 3rd of the next
 * month and approved by the head a day later; last month presented and waiting for the head.
 */
export async function seedDemoReports(deps: AppDeps, org: string, official: Who, head: Who) {
  const now = deps.now();
  const today = dateInZone(now);
  /** The clock at 10:00 on day `d` of the month after `month` — or now, if that is still ahead. */
  const after = (month: string, d: number): AppDeps => {
    const next = monthBefore(`${month}-01`, -1);
    const at = new Date(startOfDayInZone(`${next}-0${d}`).getTime() + 10 * 3_600_000);
    const when = at < now ? at : now;
    return { ...deps, now: () => when };
  };
  const beforeLast = monthBefore(today, 2);
  const last = monthBefore(today, 1);
  const approved = await presentMonthlyReport(after(beforeLast, 3), official, org, beforeLast);
  await approveMonthlyReport(after(beforeLast, 4), head, org, approved.id);
  await presentMonthlyReport(after(last, 3), official, org, last);
}
