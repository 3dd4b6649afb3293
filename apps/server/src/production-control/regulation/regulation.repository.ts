import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const day = (d: string) => sql`${d}::date`;

/** Point 6 sub-points 2–3: the facilities in operation on `on` with their units (and heads) and hazard features. */
export async function facilitiesInOperation(db: DbOrTx, organisationId: string, on: string) {
  const res = await db.execute(sql`
    SELECT f.id, f.name, f.registration_number AS "registrationNumber", f.address, f.hazard_features AS "hazardFeatures",
           coalesce(json_agg(json_build_object('name', u.name, 'head', h.full_name) ORDER BY u.name) FILTER (WHERE u.id IS NOT NULL), '[]') AS units
      FROM pc_facilities f
      LEFT JOIN pc_units u ON u.facility_id = f.id AND (u.closed_on IS NULL OR u.closed_on > ${day(on)})
      LEFT JOIN users h ON h.id = u.head_id
     WHERE f.organisation_id = ${organisationId} AND (f.decommissioned_on IS NULL OR f.decommissioned_on > ${day(on)})
     GROUP BY f.id ORDER BY f.name`);
  return rowsOf<{
    id: string;
    name: string;
    registrationNumber: string;
    address: string;
    hazardFeatures: string[] | string;
    units: { name: string; head: string | null }[];
  }>(res);
}

/** Point 6 sub-point 3: accidents, incidents and injuries ever registered per facility, and training valid / expired on `on` (latest record per person). */
export async function facilityRecords(db: DbOrTx, organisationId: string, on: string) {
  const res = await db.execute(sql`
    SELECT "facilityId", sum(accident)::int AS accident, sum(incident)::int AS incident, sum(injury)::int AS injury,
           sum(valid)::int AS "trainedValid", sum(expired)::int AS "trainedExpired"
      FROM (
        SELECT facility_id AS "facilityId", count(*) FILTER (WHERE kind = 'accident') AS accident,
               count(*) FILTER (WHERE kind = 'incident') AS incident, count(*) FILTER (WHERE kind = 'injury') AS injury, 0 AS valid, 0 AS expired
          FROM pc_accidents WHERE organisation_id = ${organisationId} GROUP BY 1
        UNION ALL
        SELECT "facilityId", 0, 0, 0, count(*) FILTER (WHERE "validUntil" >= ${day(on)}), count(*) FILTER (WHERE "validUntil" < ${day(on)})
          FROM (
            SELECT DISTINCT ON (r.facility_id, lower(r.full_name)) r.facility_id AS "facilityId", r.valid_until AS "validUntil"
              FROM pc_training_records r
             WHERE r.organisation_id = ${organisationId} AND r.facility_id IS NOT NULL AND r.completed_on <= ${day(on)}
               AND NOT EXISTS (SELECT 1 FROM pc_training_records s WHERE s.supersedes = r.id)
             ORDER BY r.facility_id, lower(r.full_name), r.valid_until DESC
          ) p GROUP BY 1
      ) a GROUP BY 1`);
  return rowsOf<{ facilityId: string; accident: number; incident: number; injury: number; trainedValid: number; trainedExpired: number }>(
    res,
  );
}

/** Point 6 sub-point 5: the year's approved schedule — planned inspections per facility and unit, by kind. */
export async function scheduleOfYear(db: DbOrTx, organisationId: string, year: number) {
  const res = await db.execute(sql`
    SELECT s.revision, s.approved_at AS "approvedAt", si.facility_id AS "facilityId", si.unit_id AS "unitId",
           count(si.id) FILTER (WHERE si.kind = 'scheduled')::int AS scheduled,
           count(si.id) FILTER (WHERE si.kind = 'comprehensive')::int AS comprehensive
      FROM pc_schedules s LEFT JOIN pc_schedule_items si ON si.schedule_id = s.id
     WHERE s.id = (SELECT id FROM pc_schedules WHERE organisation_id = ${organisationId} AND year = ${year} AND status = 'approved'
                    ORDER BY revision DESC LIMIT 1)
     GROUP BY 1, 2, 3, 4`);
  return rowsOf<{
    revision: number;
    approvedAt: Date | string | null;
    facilityId: string | null;
    unitId: string | null;
    scheduled: number;
    comprehensive: number;
  }>(res);
}
