import type { AppDeps } from '../../platform/deps.ts';
import { DEFAULT_TIME_ZONE, dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { overdueAges, placeNames } from './monthly-figures.repository.ts';
import { monthWindow } from './monthlyReport.ts';
import { closureByMonth, violationsByUnitAndMonth } from './trends.repository.ts';

const shift = (month: string, by: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return d.toISOString().slice(0, 7);
};

/**
 * What the head's dashboard draws (R315-18): violations by unit and month, the share of measures
 * closed by their deadline per month, and overdue measures by age now — over the last `months`
 * months up to the current one.
 */
export async function productionControlTrends(deps: AppDeps, organisationId: string, months = 12) {
  const current = dateInZone(deps.now()).slice(0, 7);
  const list = Array.from({ length: months }, (_, i) => shift(current, i - months + 1));
  const from = startOfDayInZone(`${list[0]}-01`);
  const to = startOfDayInZone(`${shift(current, 1)}-01`);
  const now = monthWindow(deps, organisationId, current);
  const [violations, closure, ages, places] = await Promise.all([
    violationsByUnitAndMonth(deps.db, organisationId, from, to, DEFAULT_TIME_ZONE),
    closureByMonth(deps.db, organisationId, `${list[0]}-01`, now.today, DEFAULT_TIME_ZONE),
    overdueAges(deps.db, now),
    placeNames(deps.db, organisationId),
  ]);
  const facility = new Map(places.map((p) => [p.facilityId, p.facility]));
  const unit = new Map(places.filter((p) => p.unitId).map((p) => [p.unitId!, p.unit!]));
  const units = new Map<string, { key: string; label: string }>();
  for (const v of violations) {
    const key = v.unitId ?? v.facilityId;
    if (!units.has(key)) units.set(key, { key, label: v.unitId ? `${unit.get(v.unitId) ?? ''}` : (facility.get(v.facilityId) ?? '') });
  }
  const closed = new Map(closure.map((c) => [c.month, c]));
  return {
    months: list,
    units: [...units.values()],
    violations: list.map((month) => ({
      month,
      byUnit: Object.fromEntries(violations.filter((v) => v.month === month).map((v) => [v.unitId ?? v.facilityId, v.violations])),
    })),
    closure: list.map((month) => {
      const c = closed.get(month);
      return { month, due: c?.due ?? 0, onTime: c?.onTime ?? 0, rate: c?.due ? Math.round((1000 * c.onTime) / c.due) / 10 : null };
    }),
    overdueByAge: ages,
  };
}
