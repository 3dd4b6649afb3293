import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcFormDefinitions } from '../forms/forms.table.ts';
import { pcInspections } from '../inspections/inspections.table.ts';
import { pcActs, pcInstructions } from '../instructions/instructions.table.ts';
import { pcJournalEntries } from './journal.table.ts';

export type JournalEntryRow = typeof pcJournalEntries.$inferSelect;

/**
 * The next entry number of the organisation's journal. A transaction-scoped advisory lock per
 * organisation keeps two completions from taking the same number.
 */
export async function nextJournalSeq(db: DbOrTx, organisationId: string) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`pc_journal:${organisationId}`}))`);
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${pcJournalEntries.seq}), 0)::int` })
    .from(pcJournalEntries)
    .where(eq(pcJournalEntries.organisationId, organisationId));
  return (r?.n ?? 0) + 1;
}

export const insertJournalEntry = (db: DbOrTx, row: typeof pcJournalEntries.$inferInsert) => db.insert(pcJournalEntries).values(row);

/**
 * The journal in entry order, with the act's and instruction's numbers joined in (they are issued
 * after the entry is written, so the entry itself keeps them null). Period: completion date [from, to).
 */
export const listJournal = (db: DbOrTx, organisationId: string, f: { facilityId?: string; from?: Date; to?: Date }) =>
  db
    .select({ entry: pcJournalEntries, actNumber: pcActs.number, instructionNumber: pcInstructions.number })
    .from(pcJournalEntries)
    .innerJoin(pcInspections, eq(pcInspections.id, pcJournalEntries.inspectionId))
    .leftJoin(pcActs, eq(pcActs.inspectionId, pcJournalEntries.inspectionId))
    .leftJoin(pcInstructions, eq(pcInstructions.inspectionId, pcJournalEntries.inspectionId))
    .where(
      and(
        eq(pcJournalEntries.organisationId, organisationId),
        f.facilityId ? eq(pcInspections.facilityId, f.facilityId) : undefined,
        f.from ? gte(pcJournalEntries.enteredAt, f.from) : undefined,
        f.to ? lt(pcJournalEntries.enteredAt, f.to) : undefined,
      ),
    )
    .orderBy(asc(pcJournalEntries.seq))
    .limit(5000);

export async function journalFormColumns(db: DbOrTx, organisationId: string) {
  const [r] = await db
    .select({ columns: pcFormDefinitions.columns })
    .from(pcFormDefinitions)
    .where(and(eq(pcFormDefinitions.organisationId, organisationId), eq(pcFormDefinitions.form, 'journal')));
  return r?.columns;
}
