import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { startOfDayInZone } from '../../platform/time.ts';

export const PROTECT_JOB = 'recording.protect';

/** Asks for the store's lock of an original to follow its rows; in the caller's transaction, so it cannot be lost. */
export const enqueueProtect = (tx: DbOrTx, sha256: string, now: Date) => enqueueJob(tx, PROTECT_JOB, { sha256 }, { runAt: now });

/** The day after `day` (yyyy-mm-dd). */
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * R444-12/13 on S3 Object Lock: an original is kept in COMPLIANCE mode until the moment its latest expiry falls
 * due (the first instant of the day after "kept until", in the organisation's calendar), and held while any
 * row still needs it indefinitely: a recording without an expiry (unattributed), an active legal hold, or a
 * row of another kind (a material, a DSM-335 or competition document), which no retention process deletes.
 * Retention only grows (the store refuses shortening anyway); a no-op on the filesystem driver.
 */
export async function protectOriginal(deps: AppDeps, sha256: string) {
  if (!deps.store.protect) return;
  const res = await deps.db.execute(sql`
    SELECT to_char(r.retain_until, 'YYYY-MM-DD') AS "retainUntil", o.time_zone AS zone,
           EXISTS (SELECT 1 FROM legal_holds h WHERE h.recording_id = r.id AND h.lifted_at IS NULL) AS held
      FROM recordings r JOIN organisations o ON o.id = r.organisation_id
     WHERE r.sha256 = ${sha256} AND r.deleted_at IS NULL`);
  const recs = (res as unknown as { rows: { retainUntil: string | null; zone: string; held: boolean }[] }).rows;
  const others = (await deps.records.rowsNamingObject(deps.db, sha256)).filter((w) => !/^(recording|derivative) /.test(w));
  if (!recs.length && !others.length) return; // nothing names it any more: the retention purge's business
  let retainUntil: Date | undefined;
  for (const r of recs) {
    if (!r.retainUntil) continue;
    const due = startOfDayInZone(nextDay(r.retainUntil), r.zone);
    if (!retainUntil || due > retainUntil) retainUntil = due;
  }
  const legalHold = others.length > 0 || recs.some((r) => r.held || !r.retainUntil);
  await deps.store.protect(sha256, { retainUntil, legalHold });
}
