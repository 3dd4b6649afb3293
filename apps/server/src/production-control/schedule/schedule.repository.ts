import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcInspections } from '../inspections/inspections.table.ts';
import { pcScheduleItems, pcSchedules } from './schedule.table.ts';

export type ScheduleRow = typeof pcSchedules.$inferSelect;
export type ScheduleItemRow = typeof pcScheduleItems.$inferSelect;

export const insertSchedule = (db: DbOrTx, row: ScheduleRow) => db.insert(pcSchedules).values(row);
export const updateSchedule = (db: DbOrTx, id: string, set: Partial<ScheduleRow>) =>
  db.update(pcSchedules).set(set).where(eq(pcSchedules.id, id));
export const insertItems = (db: DbOrTx, rows: ScheduleItemRow[]) =>
  rows.length ? db.insert(pcScheduleItems).values(rows) : Promise.resolve();
export const updateItem = (db: DbOrTx, id: string, set: Partial<ScheduleItemRow>) =>
  db.update(pcScheduleItems).set(set).where(eq(pcScheduleItems.id, id));
export const deleteItem = (db: DbOrTx, id: string) => db.delete(pcScheduleItems).where(eq(pcScheduleItems.id, id));

export async function findSchedule(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcSchedules)
    .where(and(eq(pcSchedules.organisationId, organisationId), eq(pcSchedules.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

/** Every revision, newest year and revision first (optionally of one year). */
export const listSchedules = (db: DbOrTx, organisationId: string, year?: number) =>
  db
    .select()
    .from(pcSchedules)
    .where(and(eq(pcSchedules.organisationId, organisationId), year ? eq(pcSchedules.year, year) : undefined))
    .orderBy(desc(pcSchedules.year), desc(pcSchedules.revision));

export const itemsOf = (db: DbOrTx, scheduleId: string) =>
  db.select().from(pcScheduleItems).where(eq(pcScheduleItems.scheduleId, scheduleId)).orderBy(asc(pcScheduleItems.plannedOn));

export async function findItem(db: DbOrTx, organisationId: string, scheduleId: string, id: string) {
  const [r] = await db
    .select()
    .from(pcScheduleItems)
    .where(and(eq(pcScheduleItems.organisationId, organisationId), eq(pcScheduleItems.scheduleId, scheduleId), eq(pcScheduleItems.id, id)));
  return r;
}

/** Items of approved (in force) schedules, of one organisation or of all (the reminder job). */
export const approvedItems = (db: DbOrTx, organisationId?: string) =>
  db
    .select({ item: pcScheduleItems })
    .from(pcScheduleItems)
    .innerJoin(pcSchedules, eq(pcSchedules.id, pcScheduleItems.scheduleId))
    .where(and(eq(pcSchedules.status, 'approved'), organisationId ? eq(pcScheduleItems.organisationId, organisationId) : undefined))
    .orderBy(asc(pcScheduleItems.plannedOn))
    .then((rows) => rows.map((r) => r.item));

/** The chain of earlier revisions' copies of these items (previous_item_id), to follow an inspection across revisions. */
export async function itemsByIds(db: DbOrTx, ids: string[]) {
  return ids.length ? db.select().from(pcScheduleItems).where(inArray(pcScheduleItems.id, ids)) : [];
}

/** Schedule items that an inspection was conducted for. */
export async function inspectedItemIds(db: DbOrTx, organisationId: string) {
  const rows = await db
    .select({ id: pcInspections.scheduleItemId })
    .from(pcInspections)
    .where(and(eq(pcInspections.organisationId, organisationId), isNotNull(pcInspections.scheduleItemId)));
  return new Set(rows.map((r) => r.id!));
}
