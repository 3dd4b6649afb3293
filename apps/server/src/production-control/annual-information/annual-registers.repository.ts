import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { YearWindow } from './annual-figures.repository.ts';

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
const day = (d: string) => sql`${d}::date`;
const inYear = (col: string, w: YearWindow) =>
  sql`${sql.raw(col)} >= ${at(w.from)} AND ${sql.raw(col)} < ${at(w.to)} AND ${sql.raw(col)} <= ${at(w.asOf)}`;

/**
 * Section 3 per facility in one pass: inspections completed in the year by kind, violations found
 * (dangerous, eliminated on the spot, eliminated — verified by the year's end), instructions issued and
 * their fate by then, proposals to suspend work or remove staff.
 */
export async function violationsOfYear(db: DbOrTx, w: YearWindow) {
  const res = await db.execute(sql`
    SELECT "facilityId", sum(scheduled)::int AS scheduled, sum(extraordinary)::int AS extraordinary, sum(comprehensive)::int AS comprehensive,
           sum(found)::int AS found, sum(dangerous)::int AS dangerous, sum(on_spot)::int AS "onSpot", sum(eliminated)::int AS eliminated,
           sum(issued)::int AS issued, sum(closed)::int AS closed, sum(cancelled)::int AS cancelled,
           sum(suspend)::int AS "suspendWork", sum(remove)::int AS "removeStaff", sum(accepted)::int AS accepted
      FROM (
        SELECT facility_id AS "facilityId", count(*) FILTER (WHERE kind = 'scheduled') AS scheduled,
               count(*) FILTER (WHERE kind = 'extraordinary') AS extraordinary, count(*) FILTER (WHERE kind = 'comprehensive') AS comprehensive,
               0 AS found, 0 AS dangerous, 0 AS on_spot, 0 AS eliminated, 0 AS issued, 0 AS closed, 0 AS cancelled, 0 AS suspend, 0 AS remove, 0 AS accepted
          FROM pc_inspections WHERE organisation_id = ${w.organisationId} AND status = 'completed' AND ${inYear('completed_at', w)}
         GROUP BY 1
        UNION ALL
        SELECT facility_id, 0, 0, 0, count(*), count(*) FILTER (WHERE dangerous), count(*) FILTER (WHERE eliminated_on_spot),
               count(*) FILTER (WHERE status IN ('verified', 'rechecked') AND (eliminated_on_spot OR verified_at <= ${at(w.asOf)})), 0, 0, 0, 0, 0, 0
          FROM pc_violations WHERE organisation_id = ${w.organisationId} AND ${inYear('found_at', w)}
         GROUP BY 1
        UNION ALL
        SELECT facility_id, 0, 0, 0, 0, 0, 0, 0, count(*), count(*) FILTER (WHERE closed_at <= ${at(w.asOf)}),
               count(*) FILTER (WHERE cancelled_at <= ${at(w.asOf)}), 0, 0, 0
          FROM pc_instructions WHERE organisation_id = ${w.organisationId} AND issued_on BETWEEN ${day(w.firstDay)} AND ${day(w.lastDay)}
         GROUP BY 1
        UNION ALL
        SELECT facility_id, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, count(*) FILTER (WHERE kind = 'suspend_work'),
               count(*) FILTER (WHERE kind = 'remove_staff'), count(*) FILTER (WHERE status = 'accepted' AND decided_at <= ${at(w.asOf)})
          FROM pc_proposals WHERE organisation_id = ${w.organisationId} AND ${inYear('proposed_at', w)}
         GROUP BY 1
      ) a
     GROUP BY 1`);
  return rowsOf<{
    facilityId: string;
    scheduled: number;
    extraordinary: number;
    comprehensive: number;
    found: number;
    dangerous: number;
    onSpot: number;
    eliminated: number;
    issued: number;
    closed: number;
    cancelled: number;
    suspendWork: number;
    removeStaff: number;
    accepted: number;
  }>(res);
}

/** Section 4: every facility in operation with its accident-response plan — the latest approved version, else the latest presented. */
export async function responsePlans(db: DbOrTx, organisationId: string, endDay: string) {
  const res = await db.execute(sql`
    SELECT f.name AS facility, pv.title, pv.version, pv."approvedAt", pv."validUntil"
      FROM pc_facilities f
      LEFT JOIN LATERAL (
        SELECT p.title, v.version, a.approved_at AS "approvedAt", v.valid_until AS "validUntil"
          FROM pc_plans p JOIN pc_plan_versions v ON v.plan_id = p.id LEFT JOIN pc_plan_approvals a ON a.version_id = v.id
         WHERE p.organisation_id = f.organisation_id AND p.kind = 'accident_response' AND p.facility_id = f.id
         ORDER BY (a.version_id IS NULL), v.version DESC LIMIT 1
      ) pv ON true
     WHERE f.organisation_id = ${organisationId} AND (f.decommissioned_on IS NULL OR f.decommissioned_on > ${day(endDay)})
     ORDER BY f.name`);
  return rowsOf<{
    facility: string;
    title: string | null;
    version: number | null;
    approvedAt: Date | string | null;
    validUntil: string | null;
  }>(res);
}

/**
 * Technical devices, buildings and structures per facility in service on `endDay`; examinations
 * performed in [firstDay, endDay] (and how many found unfit); objects whose latest examination of a
 * kind fell due before `endDay` (overdue). `certified` counts devices with a valid certification.
 */
export async function technicalObjects(db: DbOrTx, organisationId: string, firstDay: string, endDay: string) {
  const due = (kind: string) =>
    sql`(array_agg(e.next_due_on ORDER BY e.performed_on DESC, e.recorded_at DESC) FILTER (WHERE e.kind = ${kind} AND e.performed_on <= ${day(endDay)}))[1]`;
  // One pass: each object in service with its examinations — the latest one's due date per kind, those of the period.
  const res = await db.execute(sql`
    WITH per AS (
      SELECT o.facility_id, o.kind,
             count(e.id) FILTER (WHERE e.performed_on BETWEEN ${day(firstDay)} AND ${day(endDay)}) AS examined,
             count(e.id) FILTER (WHERE e.performed_on BETWEEN ${day(firstDay)} AND ${day(endDay)} AND e.result = 'unfit') AS unfit,
             ${due('technical_examination')} AS technical_examination, ${due('certification')} AS certification,
             ${due('expertise')} AS expertise, ${due('diagnostics')} AS diagnostics
        FROM pc_technical_objects o LEFT JOIN pc_technical_examinations e ON e.object_id = o.id
       WHERE o.organisation_id = ${organisationId} AND (o.commissioned_on IS NULL OR o.commissioned_on <= ${day(endDay)})
         AND (o.decommissioned_on IS NULL OR o.decommissioned_on > ${day(endDay)})
       GROUP BY o.id
    ), s AS (
      SELECT *, least(technical_examination, certification, expertise, diagnostics) < ${day(endDay)} AS overdue,
             coalesce(technical_examination, expertise, diagnostics) IS NOT NULL AS "wasExamined",
             certification >= ${day(endDay)} AS certified
        FROM per
    )
    SELECT facility_id AS "facilityId",
           count(*) FILTER (WHERE kind = 'device')::int AS devices,
           count(*) FILTER (WHERE kind = 'building')::int AS buildings,
           count(*) FILTER (WHERE kind = 'structure')::int AS structures,
           sum(examined)::int AS examined,
           sum(unfit)::int AS unfit,
           count(*) FILTER (WHERE overdue)::int AS overdue,
           count(*) FILTER (WHERE kind = 'device' AND overdue)::int AS "devicesOverdue",
           count(*) FILTER (WHERE kind <> 'device' AND "wasExamined")::int AS "buildingsExamined",
           count(*) FILTER (WHERE kind = 'device' AND certified)::int AS "devicesCertified"
      FROM s
     GROUP BY 1`);
  return rowsOf<{
    facilityId: string;
    devices: number;
    buildings: number;
    structures: number;
    examined: number;
    unfit: number;
    overdue: number;
    devicesOverdue: number;
    buildingsExamined: number;
    devicesCertified: number;
  }>(res);
}

/** Section 6: accidents, incidents and injuries that occurred in the year, with the investigation's causes. */
export async function accidentsOfYear(db: DbOrTx, w: YearWindow) {
  const res = await db.execute(sql`
    SELECT a.number, a.kind, a.occurred_at AS "occurredAt", a.facility_id AS "facilityId", a.injured, a.fatalities, a.status,
           i.causes
      FROM pc_accidents a LEFT JOIN pc_accident_investigations i ON i.accident_id = a.id
     WHERE a.organisation_id = ${w.organisationId} AND ${inYear('a.occurred_at', w)}
     ORDER BY a.occurred_at, a.number`);
  return rowsOf<{
    number: string;
    kind: 'accident' | 'incident' | 'injury';
    occurredAt: Date | string;
    facilityId: string;
    injured: number;
    fatalities: number;
    status: 'registered' | 'under_investigation' | 'investigated';
    causes: string | null;
  }>(res);
}

/**
 * Section 7: training records completed in [firstDay, endDay] by kind and the people trained; the people
 * whose latest record (corrections replace what they supersede) expired before `endDay`.
 */
export async function trainingOfYear(db: DbOrTx, organisationId: string, firstDay: string, endDay: string) {
  const valid = sql`r.organisation_id = ${organisationId} AND r.completed_on <= ${day(endDay)}
    AND NOT EXISTS (SELECT 1 FROM pc_training_records s WHERE s.supersedes = r.id)`;
  const [counts, expired] = await Promise.all([
    db.execute(sql`
      SELECT count(*) FILTER (WHERE kind = 'training')::int AS training, count(*) FILTER (WHERE kind = 'retraining')::int AS retraining,
             count(*) FILTER (WHERE kind = 'knowledge_check')::int AS knowledge_check, count(DISTINCT lower(full_name))::int AS people
        FROM pc_training_records r WHERE ${valid} AND r.completed_on >= ${day(firstDay)}`),
    db.execute(sql`
      SELECT "fullName", position, "validUntil" FROM (
        SELECT DISTINCT ON (lower(r.full_name)) r.full_name AS "fullName", r.position, r.valid_until AS "validUntil"
          FROM pc_training_records r WHERE ${valid}
         ORDER BY lower(r.full_name), r.valid_until DESC
      ) p WHERE "validUntil" < ${day(endDay)} ORDER BY "fullName"`),
  ]);
  return {
    counts: rowsOf<{ training: number; retraining: number; knowledge_check: number; people: number }>(counts)[0]!,
    expired: rowsOf<{ fullName: string; position: string; validUntil: string }>(expired),
  };
}
