import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

/**
 * R315-3: does the person hold an appointment by the head's order, in force on `day`, whose scope
 * covers the facility (and the unit)? An appointment naming units covers only those units, so an
 * inspection of the whole facility needs one without a unit list.
 * (A copy of the officials feature's check, kept here so inspections need not wait for it.)
 */
export async function appointmentCovers(
  db: DbOrTx,
  q: { organisationId: string; personId: string; facilityId: string; unitId: string | null; day: string },
) {
  const unitClause = q.unitId
    ? sql`(cardinality(a.unit_ids) = 0 OR ${q.unitId}::uuid = ANY(a.unit_ids))`
    : sql`cardinality(a.unit_ids) = 0`;
  const res = await db.execute(sql`
    SELECT a.id, a.order_number AS "orderNumber" FROM pc_official_appointments a
     WHERE a.organisation_id = ${q.organisationId} AND a.person_id = ${q.personId}
       AND a.valid_from <= ${q.day}::date AND (a.valid_to IS NULL OR a.valid_to >= ${q.day}::date)
       AND ${q.facilityId}::uuid = ANY(a.facility_ids) AND ${unitClause}
     LIMIT 1`);
  return (res as unknown as { rows: { id: string; orderNumber: string }[] }).rows[0];
}
