import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcExaminationReminders, pcTechnicalExaminations, pcTechnicalObjects } from './technical-devices.table.ts';

export type TechnicalObjectRow = typeof pcTechnicalObjects.$inferSelect;
export type ExaminationRow = typeof pcTechnicalExaminations.$inferSelect;
export type ReminderThreshold = (typeof pcExaminationReminders.$inferSelect)['threshold'];

export const insertObjects = (db: DbOrTx, rows: TechnicalObjectRow[]) => db.insert(pcTechnicalObjects).values(rows);
export const setDecommissioned = (db: DbOrTx, id: string, on: string) =>
  db.update(pcTechnicalObjects).set({ decommissionedOn: on }).where(eq(pcTechnicalObjects.id, id));
export const insertExamination = (db: DbOrTx, row: ExaminationRow) => db.insert(pcTechnicalExaminations).values(row);

export async function findObject(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcTechnicalObjects)
    .where(and(eq(pcTechnicalObjects.organisationId, organisationId), eq(pcTechnicalObjects.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

/** Registration numbers already in the organisation's register (of those asked about). */
export async function takenRegistrations(db: DbOrTx, organisationId: string, numbers: string[]) {
  if (!numbers.length) return new Set<string>();
  const rows = await db
    .select({ n: pcTechnicalObjects.registrationNumber })
    .from(pcTechnicalObjects)
    .where(and(eq(pcTechnicalObjects.organisationId, organisationId), inArray(pcTechnicalObjects.registrationNumber, numbers)));
  return new Set(rows.map((r) => r.n));
}

export const listObjects = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(pcTechnicalObjects)
    .where(eq(pcTechnicalObjects.organisationId, organisationId))
    .orderBy(asc(pcTechnicalObjects.facilityId), asc(pcTechnicalObjects.name));

/** Every examination of the organisation (or of one object), newest first. */
export const listExaminations = (db: DbOrTx, organisationId: string, objectId?: string) =>
  db
    .select()
    .from(pcTechnicalExaminations)
    .where(
      and(
        eq(pcTechnicalExaminations.organisationId, organisationId),
        objectId ? eq(pcTechnicalExaminations.objectId, objectId) : undefined,
      ),
    )
    .orderBy(desc(pcTechnicalExaminations.performedOn), desc(pcTechnicalExaminations.recordedAt));

/** Every examination of every organisation (the daily reminder job), newest first. */
export const allExaminations = (db: DbOrTx) =>
  db
    .select({ exam: pcTechnicalExaminations, object: pcTechnicalObjects })
    .from(pcTechnicalExaminations)
    .innerJoin(pcTechnicalObjects, eq(pcTechnicalObjects.id, pcTechnicalExaminations.objectId))
    .orderBy(desc(pcTechnicalExaminations.performedOn), desc(pcTechnicalExaminations.recordedAt));

export async function remindersSent(db: DbOrTx, examinationIds: string[]) {
  if (!examinationIds.length) return new Set<string>();
  const rows = await db.select().from(pcExaminationReminders).where(inArray(pcExaminationReminders.examinationId, examinationIds));
  return new Set(rows.map((r) => `${r.examinationId}/${r.threshold}`));
}

/** Records a reminder; false when another run already recorded it (the unique row decides). */
export async function claimReminder(db: DbOrTx, examinationId: string, threshold: ReminderThreshold, sentAt: Date) {
  const rows = await db
    .insert(pcExaminationReminders)
    .values({ examinationId, threshold, sentAt })
    .onConflictDoNothing()
    .returning({ id: pcExaminationReminders.examinationId });
  return rows.length > 0;
}
