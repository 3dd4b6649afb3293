import { sql } from 'drizzle-orm';
import type { Config } from '../../config/config.ts';
import type { Db } from '../../db/database.ts';
import { enqueueProtect } from './protectOriginal.ts';

/**
 * At start-up: attributed recordings without an expiry (investigation
 * recordings from before retention existed, whose years are a setting) get it
 * by the same rule as computeRetentionExpiry — PostgreSQL's `date + years`
 * also ends 29 February on the 28th (from the issue for an unreadable recording, which has no
 * capture time, as attachRecording does). Set once; the trigger keeps it.
 * Each original's store lock must follow (on S3: COMPLIANCE retention to the new expiry instead of the
 * indefinite hold of an original without one), so the same protect job the ingest queues is queued with the
 * expiry, in the same transaction: neither is done without the other.
 */
export async function assignMissingRetention(db: Db, config: Pick<Config, 'investigationRetentionYears'>) {
  const years = config.investigationRetentionYears;
  return db.transaction(async (tx) => {
    const res = await tx.execute(sql`
      UPDATE recordings r
         SET retain_until = ((COALESCE(r.started_at, j.issued_at) AT TIME ZONE o.time_zone)::date
                             + make_interval(years => CASE WHEN a.type = 'investigation' THEN ${years}::int ELSE 3 END))::date,
             retention_years = CASE WHEN a.type = 'investigation' THEN ${years}::int ELSE 3 END,
             retention_covered_by_point12 = (a.type <> 'investigation')
        FROM journal_entries j, activities a, organisations o
       WHERE r.journal_entry_id = j.id AND j.activity_id = a.id AND o.id = r.organisation_id
         AND r.retain_until IS NULL AND r.deleted_at IS NULL
      RETURNING r.sha256`);
    const rows = (res as unknown as { rows: { sha256: string }[] }).rows;
    const now = new Date();
    for (const sha256 of new Set(rows.map((r) => r.sha256))) await enqueueProtect(tx, sha256, now);
    return rows.length;
  });
}
