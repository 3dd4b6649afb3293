import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
// Typed parameters: both drivers (pg, PGlite) then compare them as instants and days.
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const day = (d: string) => sql`${d}::date`;

/** The year counted: its instants in the organisation's zone; states are taken at `asOf` (its end, or now while it runs), `endDay` its day. */
export interface YearWindow {
  organisationId: string;
  year: number;
  firstDay: string;
  lastDay: string;
  from: Date;
  to: Date;
  asOf: Date;
  endDay: string;
  now: Date;
}

/** Section 1: the plan of measures for the year and for the next one — the approved version, else the latest presented; measures done by the year's end. */
export async function plansOfYear(db: DbOrTx, w: YearWindow) {
  const res = await db.execute(sql`
    SELECT DISTINCT ON (p.year) p.year, p.title, v.id AS "versionId", v.version, a.approved_at AS "approvedAt",
           (SELECT count(*)::int FROM pc_plan_measures m WHERE m.version_id = v.id) AS measures,
           (SELECT count(*)::int FROM pc_plan_measures m JOIN pc_plan_measure_completions c ON c.measure_id = m.id
             WHERE m.version_id = v.id AND c.done_on <= ${day(w.lastDay)}) AS done,
           (SELECT count(*)::int FROM pc_plan_measures m JOIN pc_plan_measure_completions c ON c.measure_id = m.id
             WHERE m.version_id = v.id AND c.done_on <= ${day(w.lastDay)} AND c.done_on <= m.due_on) AS "doneOnTime"
      FROM pc_plans p
      JOIN pc_plan_versions v ON v.plan_id = p.id
      LEFT JOIN pc_plan_approvals a ON a.version_id = v.id
     WHERE p.organisation_id = ${w.organisationId} AND p.kind = 'safety_measures' AND p.year IN (${w.year}, ${w.year + 1})
     ORDER BY p.year, (a.version_id IS NULL), v.version DESC`);
  return rowsOf<{
    year: number;
    title: string;
    versionId: string;
    version: number;
    approvedAt: Date | string | null;
    measures: number;
    done: number;
    doneOnTime: number;
  }>(res);
}

export async function planMeasures(db: DbOrTx, versionId: string, lastDay: string) {
  const res = await db.execute(sql`
    SELECT m.ordinal, m.measure, m.responsible, m.due_on AS "dueOn", c.done_on AS "doneOn"
      FROM pc_plan_measures m
      LEFT JOIN pc_plan_measure_completions c ON c.measure_id = m.id AND c.done_on <= ${day(lastDay)}
     WHERE m.version_id = ${versionId}
     ORDER BY m.ordinal`);
  return rowsOf<{ ordinal: number; measure: string; responsible: string; dueOn: string; doneOn: string | null }>(res);
}

/** Section 2: facilities and units in operation, officials appointed and in force on `endDay`, the year's schedule. */
export async function management(db: DbOrTx, w: YearWindow) {
  const counts = db.execute(sql`
    SELECT (SELECT count(*)::int FROM pc_facilities f WHERE f.organisation_id = ${w.organisationId}
              AND (f.decommissioned_on IS NULL OR f.decommissioned_on > ${day(w.endDay)})) AS facilities,
           (SELECT count(*)::int FROM pc_units u JOIN pc_facilities f ON f.id = u.facility_id
             WHERE u.organisation_id = ${w.organisationId} AND (u.closed_on IS NULL OR u.closed_on > ${day(w.endDay)})
               AND (f.decommissioned_on IS NULL OR f.decommissioned_on > ${day(w.endDay)})) AS units`);
  const schedule = db.execute(sql`
    SELECT s.revision, s.approved_at AS "approvedAt",
           (SELECT count(*)::int FROM pc_schedule_items si WHERE si.schedule_id = s.id) AS planned,
           (SELECT count(*)::int FROM pc_schedule_items si
             WHERE si.schedule_id = s.id AND EXISTS (SELECT 1 FROM pc_inspections i WHERE i.schedule_item_id = si.id
               AND i.status = 'completed' AND i.completed_at <= ${at(w.asOf)})) AS done
      FROM pc_schedules s
     WHERE s.organisation_id = ${w.organisationId} AND s.year = ${w.year} AND s.status = 'approved'
     ORDER BY s.revision DESC LIMIT 1`);
  const [c, s, officials] = await Promise.all([counts, schedule, officialsInForce(db, w.organisationId, w.endDay)]);
  return {
    counts: rowsOf<{ facilities: number; units: number }>(c)[0]!,
    schedule: rowsOf<{ revision: number; approvedAt: Date | string | null; planned: number; done: number }>(s)[0] ?? null,
    officials,
  };
}

/** The production-control officials whose appointment by the head's order is in force on `on`, with their scope. */
export async function officialsInForce(db: DbOrTx, organisationId: string, on: string) {
  const res = await db.execute(sql`
    SELECT u.full_name AS "fullName", a.position, a.order_number AS "orderNumber", a.order_date AS "orderDate",
           a.facility_ids AS "facilityIds", a.unit_ids AS "unitIds"
      FROM pc_official_appointments a JOIN users u ON u.id = a.person_id
     WHERE a.organisation_id = ${organisationId} AND a.valid_from <= ${day(on)} AND (a.valid_to IS NULL OR a.valid_to >= ${day(on)})
     ORDER BY a.position DESC, u.full_name`);
  return rowsOf<{
    fullName: string;
    position: 'service_head' | 'official';
    orderNumber: string;
    orderDate: string;
    facilityIds: string[];
    unitIds: string[];
  }>(res);
}
