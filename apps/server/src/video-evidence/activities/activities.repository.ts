import { and, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { activities, activityInspectors } from './activities.table.ts';

export type ActivityRow = typeof activities.$inferSelect;

export async function insertActivity(db: DbOrTx, row: typeof activities.$inferInsert, inspectorIds: string[]) {
  await db.insert(activities).values(row);
  if (inspectorIds.length) await db.insert(activityInspectors).values(inspectorIds.map((userId) => ({ activityId: row.id, userId })));
}

export async function findActivity(db: DbOrTx, organisationId: string, id: string) {
  const [a] = await db
    .select()
    .from(activities)
    .where(and(eq(activities.organisationId, organisationId), eq(activities.id, id)));
  if (!a) return undefined;
  const inspectors = await db
    .select({ userId: activityInspectors.userId })
    .from(activityInspectors)
    .where(eq(activityInspectors.activityId, id));
  return { ...a, inspectorIds: inspectors.map((i) => i.userId) };
}

/** Newest first; an inspector sees only activities they are assigned to. */
export async function listActivities(db: DbOrTx, organisationId: string, onlyInspectorId?: string) {
  const rows = await db
    .select()
    .from(activities)
    .where(eq(activities.organisationId, organisationId))
    .orderBy(desc(activities.plannedStart));
  const links = rows.length
    ? await db
        .select()
        .from(activityInspectors)
        .where(
          inArray(
            activityInspectors.activityId,
            rows.map((r) => r.id),
          ),
        )
    : [];
  const byActivity = new Map<string, string[]>();
  for (const l of links) (byActivity.get(l.activityId) ?? byActivity.set(l.activityId, []).get(l.activityId)!).push(l.userId);
  return rows
    .map((r) => ({ ...r, inspectorIds: byActivity.get(r.id) ?? [] }))
    .filter((r) => !onlyInspectorId || r.inspectorIds.includes(onlyInspectorId));
}
