import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { retentionToday } from './computeRetentionExpiry.ts';
import { notifyHeadAndResponsible } from '../../kernel/notifications/notify.ts';

const UPCOMING_DAYS = 30;

/**
 * Per organisation, recordings past their retention period and those falling
 * due within 30 days, neither under an active hold — one grouped statement
 * over the recordings_due_org index, each organisation with its own "today".
 */
export async function countRetentionByOrganisation(db: AppDeps['db'], orgs: { id: string; today: string }[]) {
  if (orgs.length === 0) return [];
  const days = sql.join(
    orgs.map((o) => sql`(${o.id}::uuid, ${o.today}::date)`),
    sql`, `,
  );
  const res = await db.execute(sql`
    SELECT o.id,
           count(*) FILTER (WHERE r.retain_until < o.today)::int AS "due",
           count(*) FILTER (WHERE r.retain_until >= o.today)::int AS "upcoming"
      FROM (VALUES ${days}) AS o(id, today)
      JOIN recordings r ON r.organisation_id = o.id AND r.deleted_at IS NULL
                       AND r.retain_until IS NOT NULL AND r.retain_until < o.today + ${UPCOMING_DAYS}::int
     WHERE NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.recording_id = r.id AND h.lifted_at IS NULL)
     GROUP BY o.id`);
  return (res as unknown as { rows: { id: string; due: number; upcoming: number }[] }).rows;
}

/**
 * The daily retention job (R444-12): tells the head and the responsible
 * person of each organisation how many recordings are past their retention
 * period and how many expire within 30 days. It never deletes: deletion is
 * the responsible person's act, with the second factor.
 */
export async function reviewRetention(deps: AppDeps) {
  const now = deps.now();
  const res = await deps.db.execute(sql`
    SELECT o.id, o.time_zone AS "zone" FROM organisations o
     WHERE EXISTS (SELECT 1 FROM recordings r WHERE r.organisation_id = o.id AND r.deleted_at IS NULL)`);
  const orgs = (res as unknown as { rows: { id: string; zone: string }[] }).rows.map((o) => ({
    id: o.id,
    today: retentionToday(now, o.zone),
  }));
  let notified = 0;
  for (const c of await countRetentionByOrganisation(deps.db, orgs)) {
    if (c.due === 0) continue;
    await deps.db.transaction((tx) => notifyHeadAndResponsible(tx, c.id, 'retention.due', { count: c.due, upcoming: c.upcoming }, now));
    notified++;
  }
  return notified;
}
