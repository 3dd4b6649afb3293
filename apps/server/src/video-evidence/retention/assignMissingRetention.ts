import { sql } from 'drizzle-orm';
import type { Config } from '../../config/config.ts';
import type { DbOrTx } from '../../db/database.ts';

/**
 * At start-up: attributed recordings without an expiry (investigation
 * recordings from before retention existed, whose years are a setting) get it
 * by the same rule as computeRetentionExpiry — PostgreSQL's `date + years`
 * also ends 29 February on the 28th (from the issue for an unreadable recording, which has no
 * capture time, as attachRecording does). Set once; the trigger keeps it.
 */
export async function assignMissingRetention(db: DbOrTx, config: Pick<Config, 'investigationRetentionYears'>) {
  const years = config.investigationRetentionYears;
  const res = await db.execute(sql`
    UPDATE recordings r
       SET retain_until = ((COALESCE(r.started_at, j.issued_at) AT TIME ZONE o.time_zone)::date
                           + make_interval(years => CASE WHEN a.type = 'investigation' THEN ${years}::int ELSE 3 END))::date,
           retention_years = CASE WHEN a.type = 'investigation' THEN ${years}::int ELSE 3 END,
           retention_covered_by_point12 = (a.type <> 'investigation')
      FROM journal_entries j, activities a, organisations o
     WHERE r.journal_entry_id = j.id AND j.activity_id = a.id AND o.id = r.organisation_id
       AND r.retain_until IS NULL AND r.deleted_at IS NULL`);
  return (res as unknown as { affectedRows?: number; rowCount?: number }).rowCount ?? 0;
}
