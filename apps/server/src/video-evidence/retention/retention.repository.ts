import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { DEFAULT_TIME_ZONE, dateInZone } from '../../platform/time.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { retentionToday } from './computeRetentionExpiry.ts';

/** A recording as the retention screens and the deletion act show it. */
export interface RetentionRow {
  id: string;
  sha256: string;
  size: number;
  originalName: string;
  startedAt: string | null;
  retainUntil: string;
  retentionYears: number;
  coveredByPoint12: boolean;
  inventoryNumber: string;
  journalEntryId: string | null;
  journalEntryNumber: number | null;
  activityId: string | null;
  activityReference: string | null;
  activityType: string | null;
  held: boolean;
}

const rowsOf = (res: unknown) => (res as { rows: RetentionRow[] }).rows;

const SELECT = sql`
  SELECT r.id, r.sha256, r.size::float8 AS "size", r.original_name AS "originalName",
         to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "startedAt",
         to_char(r.retain_until, 'YYYY-MM-DD') AS "retainUntil", r.retention_years AS "retentionYears",
         r.retention_covered_by_point12 AS "coveredByPoint12", rc.inventory_number AS "inventoryNumber",
         j.id AS "journalEntryId", j.number AS "journalEntryNumber",
         a.id AS "activityId", a.reference_number AS "activityReference", a.type AS "activityType",
         EXISTS (SELECT 1 FROM legal_holds h WHERE h.recording_id = r.id AND h.lifted_at IS NULL) AS "held"
    FROM recordings r
    JOIN recorders rc ON rc.id = r.recorder_id
    LEFT JOIN journal_entries j ON j.id = r.journal_entry_id
    LEFT JOIN activities a ON a.id = j.activity_id`;

/**
 * The retention sweep (R444-12): live recordings whose last kept day is before
 * `today` and that carry no active legal hold. Served by the partial index
 * recordings_due_org; holds are an anti-join on legal_holds_active.
 */
export async function listDueRecordings(db: DbOrTx, organisationId: string, today: string, limit = 2000) {
  return rowsOf(
    await db.execute(sql`${SELECT}
     WHERE r.organisation_id = ${organisationId} AND r.deleted_at IS NULL
       AND r.retain_until IS NOT NULL AND r.retain_until < ${today}::date
       AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.recording_id = r.id AND h.lifted_at IS NULL)
     ORDER BY r.retain_until, r.started_at
     LIMIT ${limit}`),
  );
}

/** How many recordings are due, per the same rule: what the daily job reports. */
export async function countDueRecordings(db: DbOrTx, organisationId: string, today: string) {
  const res = await db.execute(sql`
    SELECT count(*)::int AS n FROM recordings r
     WHERE r.organisation_id = ${organisationId} AND r.deleted_at IS NULL
       AND r.retain_until IS NOT NULL AND r.retain_until < ${today}::date
       AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.recording_id = r.id AND h.lifted_at IS NULL)`);
  return (res as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

/** Recordings falling due within `days` days from today (held ones included and marked): the head's view. */
export async function listUpcomingDeletions(db: DbOrTx, organisationId: string, today: string, days: number) {
  return rowsOf(
    await db.execute(sql`${SELECT}
     WHERE r.organisation_id = ${organisationId} AND r.deleted_at IS NULL
       AND r.retain_until IS NOT NULL AND r.retain_until >= ${today}::date
       AND r.retain_until < ${today}::date + ${days}::int
     ORDER BY r.retain_until, r.started_at
     LIMIT 2000`),
  );
}

/** The recordings of a batch, locked for the deletion's transaction. */
export async function lockRecordingsForDeletion(db: DbOrTx, organisationId: string, ids: string[]) {
  const list = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`SELECT id FROM recordings WHERE organisation_id = ${organisationId} AND id IN (${list}) FOR UPDATE`);
  return rowsOf(
    await db.execute(sql`${SELECT}
     WHERE r.organisation_id = ${organisationId} AND r.id IN (${list}) AND r.deleted_at IS NULL`),
  );
}

/**
 * One organisation's dates: its calendar day (act numbering by year) and the
 * retention rule's "today" (that day, never ahead of UTC).
 */
export async function organisationDates(db: DbOrTx, organisationId: string, now: Date) {
  const zone = (await findOrganisation(db, organisationId))?.timeZone ?? DEFAULT_TIME_ZONE;
  return { localDate: dateInZone(now, zone), retentionToday: retentionToday(now, zone) };
}
