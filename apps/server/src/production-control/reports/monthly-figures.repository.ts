import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
// Typed parameters: both drivers (pg, PGlite) then compare them as instants and days.
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const day = (d: string) => sql`${d}::date`;

/** The month being counted: its instants in the organisation's zone and the moment states are taken at. */
export interface MonthWindow {
  organisationId: string;
  /** The month's first and last calendar day. */
  firstDay: string;
  lastDay: string;
  /** The month's first instant and the next month's first instant. */
  from: Date;
  to: Date;
  /** When states are taken: the month's end, or now while it runs; `today` is its calendar day. */
  asOf: Date;
  today: string;
}

/**
 * Each instruction current in the month (issued by its last day, not closed or cancelled before its
 * first) with its state as at `asOf`: cancelled or closed by then, else overdue when a measure's
 * deadline has passed and its violation was not verified eliminated by then, else on time.
 * The states are what the report counts; they come from one statement so the figures agree.
 */
const instructionStates = (w: MonthWindow) => sql`
  WITH ins AS (
    SELECT i.id, i.number, i.issued_on, i.facility_id, i.unit_id, i.closed_at, i.cancelled_at, i.cancel_order_id
      FROM pc_instructions i
     WHERE i.organisation_id = ${w.organisationId} AND i.issued_on <= ${day(w.lastDay)}
       AND (i.closed_at IS NULL OR i.closed_at >= ${at(w.from)})
       AND (i.cancelled_at IS NULL OR i.cancelled_at >= ${at(w.from)})
  ), late AS (
    -- Each measure once: overdue when its deadline passed and its violation was not verified eliminated by asOf.
    SELECT it.instruction_id,
           CASE WHEN it.deadline < ${day(w.today)} AND NOT (v.status IN ('verified', 'rechecked') AND v.verified_at <= ${at(w.asOf)})
                THEN ${day(w.today)} - it.deadline END AS days
      FROM ins JOIN pc_instruction_items it ON it.instruction_id = ins.id JOIN pc_violations v ON v.id = it.violation_id
  ), m AS (
    SELECT instruction_id, count(*)::int AS measures, count(days)::int AS overdue,
           (count(*) FILTER (WHERE days < 30))::int AS under_30,
           (count(*) FILTER (WHERE days BETWEEN 30 AND 60))::int AS from_30_to_60,
           (count(*) FILTER (WHERE days > 60))::int AS over_60
      FROM late GROUP BY 1
  )
  SELECT ins.id, ins.number, ins.issued_on AS "issuedOn", ins.facility_id AS "facilityId", ins.unit_id AS "unitId",
         ins.closed_at AS "closedAt", o.number AS "cancelOrderNumber", o.order_date AS "cancelOrderDate",
         coalesce(m.measures, 0) AS measures, coalesce(m.overdue, 0) AS overdue,
         coalesce(m.under_30, 0) AS under_30, coalesce(m.from_30_to_60, 0) AS from_30_to_60, coalesce(m.over_60, 0) AS over_60,
         CASE WHEN ins.cancelled_at <= ${at(w.asOf)} THEN 'cancelled'
              WHEN ins.closed_at <= ${at(w.asOf)} THEN 'closed'
              WHEN m.overdue > 0 THEN 'overdue'
              ELSE 'on_time' END AS state
    FROM ins
    LEFT JOIN m ON m.instruction_id = ins.id
    LEFT JOIN pc_orders o ON o.id = ins.cancel_order_id AND ins.cancelled_at <= ${at(w.asOf)}`;

export interface InstructionStateRow {
  id: string;
  number: string;
  issuedOn: string;
  facilityId: string;
  unitId: string | null;
  closedAt: Date | string | null;
  cancelOrderNumber: string | null;
  cancelOrderDate: string | null;
  measures: number;
  overdue: number;
  /** The overdue measures by days overdue (R315-13's bands). */
  under_30: number;
  from_30_to_60: number;
  over_60: number;
  state: 'on_time' | 'overdue' | 'closed' | 'cancelled';
}

export async function instructionsOfMonth(db: DbOrTx, w: MonthWindow) {
  const res = await db.execute(sql`${instructionStates(w)} ORDER BY ins.issued_on, ins.number`);
  return rowsOf<InstructionStateRow>(res);
}

export interface ActivityRow {
  facilityId: string;
  unitId: string | null;
  planned: number;
  scheduled: number;
  extraordinary: number;
  comprehensive: number;
  violationsFound: number;
  dangerousFound: number;
  instructionsIssued: number;
}

/** What happened in the month per facility and unit: planned and completed inspections, violations found, instructions issued. */
export async function activityOfMonth(db: DbOrTx, w: MonthWindow) {
  const res = await db.execute(sql`
    SELECT "facilityId", "unitId",
           sum(planned)::int AS planned, sum(scheduled)::int AS scheduled, sum(extraordinary)::int AS extraordinary,
           sum(comprehensive)::int AS comprehensive, sum(found)::int AS "violationsFound",
           sum(dangerous)::int AS "dangerousFound", sum(issued)::int AS "instructionsIssued"
      FROM (
        SELECT si.facility_id AS "facilityId", si.unit_id AS "unitId", count(*) AS planned, 0 AS scheduled,
               0 AS extraordinary, 0 AS comprehensive, 0 AS found, 0 AS dangerous, 0 AS issued
          FROM pc_schedule_items si JOIN pc_schedules s ON s.id = si.schedule_id AND s.status = 'approved'
         WHERE si.organisation_id = ${w.organisationId} AND si.planned_on BETWEEN ${day(w.firstDay)} AND ${day(w.lastDay)}
         GROUP BY 1, 2
        UNION ALL
        SELECT facility_id, unit_id, 0, count(*) FILTER (WHERE kind = 'scheduled'),
               count(*) FILTER (WHERE kind = 'extraordinary'), count(*) FILTER (WHERE kind = 'comprehensive'), 0, 0, 0
          FROM pc_inspections
         WHERE organisation_id = ${w.organisationId} AND status = 'completed'
           AND completed_at >= ${at(w.from)} AND completed_at < ${at(w.to)} AND completed_at <= ${at(w.asOf)}
         GROUP BY 1, 2
        UNION ALL
        SELECT facility_id, unit_id, 0, 0, 0, 0, count(*), count(*) FILTER (WHERE dangerous), 0
          FROM pc_violations
         WHERE organisation_id = ${w.organisationId} AND found_at >= ${at(w.from)} AND found_at < ${at(w.to)} AND found_at <= ${at(w.asOf)}
         GROUP BY 1, 2
        UNION ALL
        SELECT facility_id, unit_id, 0, 0, 0, 0, 0, 0, count(*)
          FROM pc_instructions
         WHERE organisation_id = ${w.organisationId} AND issued_on BETWEEN ${day(w.firstDay)} AND ${day(w.lastDay)}
         GROUP BY 1, 2
      ) a
     GROUP BY 1, 2`);
  return rowsOf<ActivityRow>(res);
}

/** Overdue measures of instructions still in force as at `asOf`, by days overdue (R315-13's bands). */
export async function overdueAges(db: DbOrTx, w: MonthWindow) {
  const res = await db.execute(sql`
    SELECT (count(*) FILTER (WHERE ${day(w.today)} - it.deadline < 30))::int AS under_30,
           (count(*) FILTER (WHERE ${day(w.today)} - it.deadline BETWEEN 30 AND 60))::int AS from_30_to_60,
           (count(*) FILTER (WHERE ${day(w.today)} - it.deadline > 60))::int AS over_60
      FROM pc_instruction_items it
      JOIN pc_instructions i ON i.id = it.instruction_id
      JOIN pc_violations v ON v.id = it.violation_id
     WHERE it.organisation_id = ${w.organisationId} AND i.issued_on <= ${day(w.lastDay)}
       AND (i.closed_at IS NULL OR i.closed_at > ${at(w.asOf)}) AND (i.cancelled_at IS NULL OR i.cancelled_at > ${at(w.asOf)})
       AND it.deadline < ${day(w.today)}
       AND NOT (v.status IN ('verified', 'rechecked') AND v.verified_at <= ${at(w.asOf)})`);
  return rowsOf<{ under_30: number; from_30_to_60: number; over_60: number }>(res)[0]!;
}

/** Names of the facilities and units the figures mention. */
export async function placeNames(db: DbOrTx, organisationId: string) {
  const res = await db.execute(sql`
    SELECT f.id AS "facilityId", f.name AS facility, u.id AS "unitId", u.name AS unit
      FROM pc_facilities f LEFT JOIN pc_units u ON u.facility_id = f.id
     WHERE f.organisation_id = ${organisationId}`);
  return rowsOf<{ facilityId: string; facility: string; unitId: string | null; unit: string | null }>(res);
}
