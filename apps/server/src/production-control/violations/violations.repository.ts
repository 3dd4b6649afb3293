import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcAttachments, pcViolationEvents, pcViolations } from './violations.table.ts';

export type ViolationRow = typeof pcViolations.$inferSelect;
export type ViolationEventRow = typeof pcViolationEvents.$inferSelect;
export type AttachmentRow = typeof pcAttachments.$inferSelect;

export const insertViolation = (db: DbOrTx, row: typeof pcViolations.$inferInsert) => db.insert(pcViolations).values(row);
export const insertViolationEvent = (db: DbOrTx, row: typeof pcViolationEvents.$inferInsert) => db.insert(pcViolationEvents).values(row);

export async function findViolation(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcViolations)
    .where(and(eq(pcViolations.organisationId, organisationId), eq(pcViolations.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export const updateViolation = (db: DbOrTx, id: string, set: Partial<typeof pcViolations.$inferInsert>) =>
  db.update(pcViolations).set(set).where(eq(pcViolations.id, id));

/** The violation's history, oldest first, with who acted. */
export const eventsOf = (db: DbOrTx, violationId: string) =>
  db
    .select({ event: pcViolationEvents, actorName: users.fullName })
    .from(pcViolationEvents)
    .innerJoin(users, eq(users.id, pcViolationEvents.actorId))
    .where(eq(pcViolationEvents.violationId, violationId))
    .orderBy(asc(pcViolationEvents.at), asc(pcViolationEvents.id));

export const attachmentsOf = (db: DbOrTx, violationId: string) =>
  db.select().from(pcAttachments).where(eq(pcAttachments.violationId, violationId)).orderBy(asc(pcAttachments.uploadedAt));

export const insertAttachment = (db: DbOrTx, row: typeof pcAttachments.$inferInsert) => db.insert(pcAttachments).values(row);

export const violationsOfInspection = (db: DbOrTx, inspectionId: string) =>
  db.select().from(pcViolations).where(eq(pcViolations.inspectionId, inspectionId)).orderBy(asc(pcViolations.foundAt));
