import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { dateInZone } from '../../platform/time.ts';
import { notifyHeadAndResponsible } from '../notifications/notify.ts';
import { countDueRecordings, listUpcomingDeletions } from './retention.repository.ts';

/**
 * The daily retention job (R444-12): for each organisation with live
 * recordings, counts those past their retention period and those expiring
 * within 30 days, and tells the head and the responsible person. It never
 * deletes: deletion is the responsible person's act, with the second factor.
 */
export async function reviewRetention(deps: AppDeps) {
  const now = deps.now();
  const res = await deps.db.execute(sql`
    SELECT o.id, o.time_zone AS "zone" FROM organisations o
     WHERE EXISTS (SELECT 1 FROM recordings r WHERE r.organisation_id = o.id AND r.deleted_at IS NULL)`);
  const orgs = (res as unknown as { rows: { id: string; zone: string }[] }).rows;
  let notified = 0;
  for (const o of orgs) {
    const today = dateInZone(now, o.zone);
    const count = await countDueRecordings(deps.db, o.id, today);
    if (count === 0) continue;
    const upcoming = (await listUpcomingDeletions(deps.db, o.id, today, 30)).filter((r) => !r.held).length;
    await deps.db.transaction((tx) => notifyHeadAndResponsible(tx, o.id, 'retention.due', { count, upcoming }, now));
    notified++;
  }
  return notified;
}
