import { and, asc, desc, eq, isNull, lt, max, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { activities } from '../activities/activities.table.ts';
import { breakageReports } from '../recorders/recorders.table.ts';
import { journalEntries, journals } from './journal.table.ts';

export type JournalRow = typeof journals.$inferSelect;
export type JournalEntryRow = typeof journalEntries.$inferSelect;

export async function findOpenJournal(db: DbOrTx, organisationId: string, forUpdate = false) {
  const q = db
    .select()
    .from(journals)
    .where(and(eq(journals.organisationId, organisationId), isNull(journals.endedOn)));
  const [j] = forUpdate ? await q.for('update') : await q;
  return j;
}

export async function findJournal(db: DbOrTx, organisationId: string, id: string) {
  const [j] = await db
    .select()
    .from(journals)
    .where(and(eq(journals.organisationId, organisationId), eq(journals.id, id)));
  return j;
}

export const insertJournal = (db: DbOrTx, row: typeof journals.$inferInsert) => db.insert(journals).values(row);
export const closeJournalRow = (db: DbOrTx, id: string, endedOn: string, sheetCount: number) =>
  db.update(journals).set({ endedOn, sheetCount }).where(eq(journals.id, id));
export const listJournals = (db: DbOrTx, organisationId: string) =>
  db.select().from(journals).where(eq(journals.organisationId, organisationId)).orderBy(desc(journals.startedOn));

/** Call with the journal row locked: numbers are consecutive and never reused. */
export async function nextEntryNumber(db: DbOrTx, journalId: string) {
  const [r] = await db
    .select({ n: max(journalEntries.number) })
    .from(journalEntries)
    .where(eq(journalEntries.journalId, journalId));
  return (r?.n ?? 0) + 1;
}

export const insertEntry = (db: DbOrTx, row: typeof journalEntries.$inferInsert) => db.insert(journalEntries).values(row);

export async function findEntry(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.organisationId, organisationId), eq(journalEntries.id, id)));
  const [e] = forUpdate ? await q.for('update') : await q;
  return e;
}

/** The entry under which the recorder is out: not returned, not struck. */
export async function openEntryForRecorder(db: DbOrTx, recorderId: string) {
  const [e] = await db
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.recorderId, recorderId), isNull(journalEntries.returnedAt), isNull(journalEntries.struckAt)));
  return e;
}

export const completeEntry = (db: DbOrTx, id: string, set: Partial<typeof journalEntries.$inferInsert>) =>
  db.update(journalEntries).set(set).where(eq(journalEntries.id, id));

export function listEntries(db: DbOrTx, organisationId: string, journalId: string, onlyInspectorId?: string) {
  const where = [eq(journalEntries.organisationId, organisationId), eq(journalEntries.journalId, journalId)];
  if (onlyInspectorId) where.push(eq(journalEntries.inspectorId, onlyInspectorId));
  return db
    .select()
    .from(journalEntries)
    .where(and(...where))
    .orderBy(asc(journalEntries.number));
}

export const breakageNotesFor = (db: DbOrTx, organisationId: string) =>
  db
    .select({
      journalEntryId: breakageReports.journalEntryId,
      reportedAt: breakageReports.reportedAt,
      description: breakageReports.description,
    })
    .from(breakageReports)
    .where(and(eq(breakageReports.organisationId, organisationId), sql`${breakageReports.journalEntryId} IS NOT NULL`));

/** R444-10: recorders still out after the activity's planned end. */
export const overdueEntries = (db: DbOrTx, organisationId: string, now: Date) =>
  db
    .select({ entry: journalEntries, plannedEnd: activities.plannedEnd, referenceNumber: activities.referenceNumber })
    .from(journalEntries)
    .innerJoin(activities, eq(activities.id, journalEntries.activityId))
    .where(
      and(
        eq(journalEntries.organisationId, organisationId),
        isNull(journalEntries.returnedAt),
        isNull(journalEntries.struckAt),
        lt(activities.plannedEnd, now),
      ),
    )
    .orderBy(asc(activities.plannedEnd), asc(journalEntries.issuedAt), asc(journalEntries.number));

export const entriesForRecorder = (db: DbOrTx, recorderId: string) =>
  db.select().from(journalEntries).where(eq(journalEntries.recorderId, recorderId)).orderBy(asc(journalEntries.issuedAt));

export const entriesOfOrganisation = (db: DbOrTx, organisationId: string) =>
  db.select().from(journalEntries).where(eq(journalEntries.organisationId, organisationId));

export const pendingOrOpenFor = (db: DbOrTx, organisationId: string, inspectorId: string) =>
  db
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.organisationId, organisationId),
        eq(journalEntries.inspectorId, inspectorId),
        isNull(journalEntries.struckAt),
        or(isNull(journalEntries.inspectorSignedAt), isNull(journalEntries.returnedAt)),
      ),
    );
