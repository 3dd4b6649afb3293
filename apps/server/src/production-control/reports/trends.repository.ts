import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** Violations found per unit and month over [from, to) (months in the zone of `zone`), for the head's chart. */
export async function violationsByUnitAndMonth(db: DbOrTx, organisationId: string, from: Date, to: Date, zone: string) {
  const res = await db.execute(sql`
    SELECT to_char(v.found_at AT TIME ZONE ${zone}, 'YYYY-MM') AS month, v.facility_id AS "facilityId", v.unit_id AS "unitId",
           count(*)::int AS violations
      FROM pc_violations v
     WHERE v.organisation_id = ${organisationId}
       AND v.found_at >= ${from.toISOString()}::timestamptz AND v.found_at < ${to.toISOString()}::timestamptz
     GROUP BY 1, 2, 3 ORDER BY 1`);
  return rowsOf<{ month: string; facilityId: string; unitId: string | null; violations: number }>(res);
}

/**
 * Measures due in each month of [firstDay, lastDay] and how many were verified eliminated by the end
 * of their deadline day (cancelled instructions are left out: nothing was due any more).
 */
export async function closureByMonth(db: DbOrTx, organisationId: string, firstDay: string, lastDay: string, zone: string) {
  const res = await db.execute(sql`
    SELECT to_char(it.deadline, 'YYYY-MM') AS month, count(*)::int AS due,
           (count(*) FILTER (WHERE v.status IN ('verified', 'rechecked')
              AND (v.verified_at AT TIME ZONE ${zone})::date <= it.deadline))::int AS "onTime"
      FROM pc_instruction_items it
      JOIN pc_instructions i ON i.id = it.instruction_id AND i.status <> 'cancelled'
      JOIN pc_violations v ON v.id = it.violation_id
     WHERE it.organisation_id = ${organisationId} AND it.deadline BETWEEN ${firstDay}::date AND ${lastDay}::date
     GROUP BY 1 ORDER BY 1`);
  return rowsOf<{ month: string; due: number; onTime: number }>(res);
}
