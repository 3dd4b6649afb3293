import { sql } from 'drizzle-orm';
import type { HazardFeature, InspectionKind, NormativeReference, Severity, ViolationStatus } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';

export interface BriefViolation {
  id: string;
  description: string;
  reference: NormativeReference;
  severity: Severity;
  dangerous: boolean;
  eliminatedOnSpot: boolean;
  status: ViolationStatus;
  unitId: string | null;
  inspectionId: string;
  foundAt: string;
  dueOn: string | null;
  verifiedAt: string | null;
  overdue: boolean;
}
export interface BriefRows {
  facility: {
    id: string;
    name: string;
    registrationNumber: string;
    address: string;
    hazardFeatures: HazardFeature[];
    safeOperationConditions: string;
  } | null;
  unit: { id: string; name: string } | null;
  previous: {
    id: string;
    kind: InspectionKind;
    unitId: string | null;
    official: string;
    startedAt: string;
    completedAt: string | null;
    conclusion: string | null;
    items: number;
    violations: number;
    dangerous: number;
  }[];
  violations: BriefViolation[];
}

/**
 * R315-9: everything the official reads before an inspection, in one statement: the facility (and
 * unit), the last `limit` completed inspections with their counts, and every violation still open
 * or verified eliminated and not yet re-checked (what R315-14 carries into the next inspection).
 * Uses pc_inspections_org_facility_started / pc_inspections_org_unit_started and
 * pc_violations_org_facility_status / pc_violations_org_unit_status.
 */
export async function briefRows(
  db: DbOrTx,
  q: { organisationId: string; facilityId: string; unitId: string | null; today: string; limit: number },
): Promise<BriefRows> {
  const unitOfInspection = q.unitId ? sql`AND i.unit_id = ${q.unitId}::uuid` : sql``;
  const unitOfViolation = q.unitId ? sql`AND v.unit_id = ${q.unitId}::uuid` : sql``;
  const res = await db.execute(sql`
    WITH prev AS (
      SELECT i.id, i.kind, i.unit_id AS "unitId", u.full_name AS official, i.started_at AS "startedAt",
             i.completed_at AS "completedAt", i.conclusion,
             (SELECT count(*) FROM pc_inspection_items it WHERE it.inspection_id = i.id)::int AS items,
             c.violations, c.dangerous
        FROM pc_inspections i
        JOIN users u ON u.id = i.official_id
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS violations, (count(*) FILTER (WHERE v.dangerous))::int AS dangerous
            FROM pc_violations v WHERE v.inspection_id = i.id) c
       WHERE i.organisation_id = ${q.organisationId} AND i.facility_id = ${q.facilityId} ${unitOfInspection}
         AND i.status = 'completed'
       ORDER BY i.started_at DESC LIMIT ${q.limit}
    ), viol AS (
      SELECT v.id, v.description, v.reference, v.severity, v.dangerous, v.eliminated_on_spot AS "eliminatedOnSpot",
             v.status, v.unit_id AS "unitId", v.inspection_id AS "inspectionId", v.found_at AS "foundAt",
             v.due_on AS "dueOn", v.verified_at AS "verifiedAt",
             (v.due_on IS NOT NULL AND v.due_on < ${q.today} AND v.status IN ('open', 'measure_reported')) AS overdue
        FROM pc_violations v
       WHERE v.organisation_id = ${q.organisationId} AND v.facility_id = ${q.facilityId} ${unitOfViolation}
         AND v.status IN ('open', 'measure_reported', 'verified')
    )
    SELECT
      (SELECT json_build_object('id', f.id, 'name', f.name, 'registrationNumber', f.registration_number, 'address', f.address,
                                'hazardFeatures', f.hazard_features, 'safeOperationConditions', f.safe_operation_conditions)
         FROM pc_facilities f WHERE f.organisation_id = ${q.organisationId} AND f.id = ${q.facilityId}) AS facility,
      (SELECT json_build_object('id', un.id, 'name', un.name) FROM pc_units un
        WHERE un.organisation_id = ${q.organisationId} AND un.id = ${q.unitId}::uuid AND un.facility_id = ${q.facilityId}) AS unit,
      (SELECT coalesce(json_agg(p ORDER BY p."startedAt" DESC), '[]'::json) FROM prev p) AS previous,
      (SELECT coalesce(json_agg(x ORDER BY x."foundAt", x.id), '[]'::json) FROM viol x) AS violations`);
  const row = (res as unknown as { rows: Record<string, unknown>[] }).rows[0]!;
  // node-postgres parses json columns, PGlite too; a string would be a driver returning raw text.
  const parse = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
  return {
    facility: parse(row.facility),
    unit: parse(row.unit),
    previous: parse(row.previous),
    violations: parse(row.violations),
  };
}
