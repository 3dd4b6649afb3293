import { sql } from 'drizzle-orm';
import type { IndicatorFormula } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { DEFAULT_TIME_ZONE } from '../../platform/time.ts';
import type { MonthWindow } from '../reports/monthly-figures.repository.ts';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const day = (d: string) => sql`${d}::date`;

/** The counts an indicator is made of, per official (personId null: the organisation as a whole). */
export interface IndicatorCounts {
  personId: string | null;
  formula: IndicatorFormula;
  numerator: number;
  denominator: number;
}

/**
 * R315-20: what each computation counts over the year (`w`: its first and last day, states as at
 * `asOf`), per responsible official and for the organisation, in one statement:
 *  - measures_closed_on_time_share: measures whose deadline fell in the year (by the time of asOf),
 *    of instructions not cancelled, verified by the end of the deadline day — per the inspection's official;
 *  - reopened_share: violations found in the official's inspections in the year, reopened by a re-check;
 *  - inspections_done_share: lines of the approved schedule planned in the year for the responsible
 *    official, done by a completed inspection of that line;
 *  - average_days_to_verify: days from the performer's report to the official's verification, over
 *    the verifications made in the year — per the verifying official;
 *  - violations_per_inspection: violations found in the official's inspections completed in the year, per inspection.
 */
export async function indicatorCounts(db: DbOrTx, w: MonthWindow, zone = DEFAULT_TIME_ZONE) {
  const dueBy = w.today < w.lastDay ? w.today : w.lastDay;
  const res = await db.execute(sql`
    WITH raw AS (
      SELECT ins.official_id AS p, 'measures_closed_on_time_share' AS f,
             CASE WHEN EXISTS (SELECT 1 FROM pc_violation_events e WHERE e.violation_id = it.violation_id AND e.kind = 'verified'
                                  AND e.at <= ${at(w.asOf)} AND (e.at AT TIME ZONE ${zone})::date <= it.deadline) THEN 1 ELSE 0 END AS num,
             1 AS den
        FROM pc_instruction_items it
        JOIN pc_instructions i ON i.id = it.instruction_id AND (i.cancelled_at IS NULL OR i.cancelled_at > ${at(w.asOf)})
        JOIN pc_inspections ins ON ins.id = i.inspection_id
       WHERE it.organisation_id = ${w.organisationId} AND it.deadline BETWEEN ${day(w.firstDay)} AND ${day(dueBy)}
      UNION ALL
      SELECT ins.official_id, 'reopened_share',
             CASE WHEN EXISTS (SELECT 1 FROM pc_violation_events e WHERE e.violation_id = v.id AND e.kind = 'reopened' AND e.at <= ${at(w.asOf)})
                  THEN 1 ELSE 0 END, 1
        FROM pc_violations v JOIN pc_inspections ins ON ins.id = v.inspection_id
       WHERE v.organisation_id = ${w.organisationId} AND v.found_at >= ${at(w.from)} AND v.found_at < ${at(w.to)} AND v.found_at <= ${at(w.asOf)}
      UNION ALL
      SELECT si.responsible_official_id, 'inspections_done_share',
             CASE WHEN EXISTS (SELECT 1 FROM pc_inspections ins WHERE ins.schedule_item_id = si.id AND ins.status = 'completed'
                                  AND ins.completed_at <= ${at(w.asOf)}) THEN 1 ELSE 0 END, 1
        FROM pc_schedule_items si JOIN pc_schedules s ON s.id = si.schedule_id AND s.status = 'approved'
       WHERE si.organisation_id = ${w.organisationId} AND si.planned_on BETWEEN ${day(w.firstDay)} AND ${day(dueBy)}
      UNION ALL
      SELECT e.actor_id, 'average_days_to_verify',
             (e.at AT TIME ZONE ${zone})::date - (max(r.at) AT TIME ZONE ${zone})::date, 1
        FROM pc_violation_events e
        JOIN pc_violation_events r ON r.violation_id = e.violation_id AND r.kind = 'measure_reported' AND r.at <= e.at
       WHERE e.organisation_id = ${w.organisationId} AND e.kind = 'verified'
         AND e.at >= ${at(w.from)} AND e.at < ${at(w.to)} AND e.at <= ${at(w.asOf)}
       GROUP BY e.id, e.actor_id, e.at
      UNION ALL
      SELECT ins.official_id, 'violations_per_inspection',
             (SELECT count(*) FROM pc_violations v WHERE v.inspection_id = ins.id), 1
        FROM pc_inspections ins
       WHERE ins.organisation_id = ${w.organisationId} AND ins.status = 'completed'
         AND ins.completed_at >= ${at(w.from)} AND ins.completed_at < ${at(w.to)} AND ins.completed_at <= ${at(w.asOf)}
    )
    SELECT p AS "personId", GROUPING(p) = 1 AS "isTotal", f AS formula, sum(num)::int AS numerator, sum(den)::int AS denominator
      FROM raw GROUP BY GROUPING SETS ((p, f), (f))`);
  return rowsOf<IndicatorCounts & { isTotal: boolean }>(res).map(({ isTotal, ...r }) => ({ ...r, personId: isTotal ? null : r.personId }));
}

/** The officials whose appointment by the head's order was in force at some time in the year. */
export async function officialsOfYear(db: DbOrTx, w: MonthWindow) {
  const res = await db.execute(sql`
    SELECT DISTINCT a.person_id AS "personId", u.full_name AS "fullName"
      FROM pc_official_appointments a JOIN users u ON u.id = a.person_id
     WHERE a.organisation_id = ${w.organisationId} AND a.valid_from <= ${day(w.lastDay)}
       AND (a.valid_to IS NULL OR a.valid_to >= ${day(w.firstDay)})
     ORDER BY 2`);
  return rowsOf<{ personId: string; fullName: string }>(res);
}
