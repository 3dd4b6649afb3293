import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { memberships, users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcTrainingReminders } from './training-reminders.table.ts';
import { pcTrainingRecords } from './training.table.ts';

export type TrainingRow = typeof pcTrainingRecords.$inferSelect;

export const insertRecords = (db: DbOrTx, rows: TrainingRow[]) => db.insert(pcTrainingRecords).values(rows);

/** Every record of the organisation with its facility and unit names, oldest first. */
export const listRecords = (db: DbOrTx, organisationId: string) =>
  db
    .select({ record: pcTrainingRecords, facilityName: pcFacilities.name, unitName: pcUnits.name })
    .from(pcTrainingRecords)
    .leftJoin(pcFacilities, eq(pcFacilities.id, pcTrainingRecords.facilityId))
    .leftJoin(pcUnits, eq(pcUnits.id, pcTrainingRecords.unitId))
    .where(eq(pcTrainingRecords.organisationId, organisationId))
    .orderBy(asc(pcTrainingRecords.recordedAt), asc(pcTrainingRecords.id));

export const recordsOf = (db: DbOrTx, organisationId: string) =>
  db.select().from(pcTrainingRecords).where(eq(pcTrainingRecords.organisationId, organisationId));

/** Organisations keeping a training register (the daily job's round). */
export const organisationsWithRecords = async (db: DbOrTx) =>
  (await db.selectDistinct({ id: pcTrainingRecords.organisationId }).from(pcTrainingRecords)).map((r) => r.id);

export async function isMember(db: DbOrTx, organisationId: string, userId: string) {
  const [r] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .limit(1);
  return !!r;
}

/** A member of the organisation by their login (an import names accounts so). */
export async function memberByLogin(db: DbOrTx, organisationId: string, login: string) {
  const [r] = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.organisationId, organisationId)))
    .where(eq(users.login, login))
    .limit(1);
  return r?.id;
}

/** Links the removal proposal to the lapsed record (the only change its trigger allows, once). */
export const linkRemovalProposal = (db: DbOrTx, recordId: string, proposalId: string) =>
  db.update(pcTrainingRecords).set({ removalProposalId: proposalId }).where(eq(pcTrainingRecords.id, recordId));

export async function remindedRecords(db: DbOrTx, recordIds: string[]) {
  if (recordIds.length === 0) return new Set<string>();
  const rows = await db
    .select({ id: pcTrainingReminders.recordId })
    .from(pcTrainingReminders)
    .where(inArray(pcTrainingReminders.recordId, recordIds));
  return new Set(rows.map((r) => r.id));
}
/** Marks the reminder sent; false when another run already did (the notice is then not sent). */
export async function markReminded(db: DbOrTx, recordId: string, at: Date) {
  const r = await db.insert(pcTrainingReminders).values({ recordId, sentAt: at }).onConflictDoNothing().returning();
  return r.length > 0;
}

export const withProposal = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(pcTrainingRecords)
    .where(and(eq(pcTrainingRecords.organisationId, organisationId), isNotNull(pcTrainingRecords.removalProposalId)));
