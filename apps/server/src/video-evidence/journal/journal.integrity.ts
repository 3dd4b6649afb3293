import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { ledgerEntries } from '../../platform/ledger/ledger.table.ts';
import { entriesOfOrganisation } from './journal.repository.ts';
import { entrySnapshot, type EntrySnapshot } from './journal.snapshot.ts';
import type { RecordCheck } from '../../platform/records.ts';

/**
 * R444-9/R444-13: every journal row must equal the last snapshot the ledger
 * holds for it. A row edited, added or removed behind the application's back
 * (triggers disabled by a superuser) is named with the first differing field.
 */
export async function verifyJournalAgainstLedger(db: DbOrTx, organisationId: string): Promise<RecordCheck> {
  const events = await db
    .select({ subjectId: ledgerEntries.subjectId, payload: ledgerEntries.payload })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.organisationId, organisationId), eq(ledgerEntries.subjectType, 'journal_entry')))
    .orderBy(asc(ledgerEntries.seq));
  const expected = new Map<string, EntrySnapshot>();
  for (const e of events) expected.set(e.subjectId!, JSON.parse(e.payload) as EntrySnapshot);
  const rows = (await entriesOfOrganisation(db, organisationId)).sort(
    (a, b) => a.issuedAt.getTime() - b.issuedAt.getTime() || a.number - b.number,
  );
  const result: RecordCheck = { ok: true, table: 'journal_entries', checked: rows.length };
  for (const row of rows) {
    const want = expected.get(row.id);
    if (!want) return { ...result, ok: false, firstBad: { number: row.number, entryId: row.id, field: '(not in ledger)' } };
    expected.delete(row.id);
    const have = entrySnapshot(row);
    for (const k of Object.keys(have) as (keyof EntrySnapshot)[]) {
      // A field added later (signatureCarriedFrom) is absent from older snapshots: absent means null.
      if (JSON.stringify(have[k]) !== JSON.stringify(want[k] ?? null))
        return { ...result, ok: false, firstBad: { number: row.number, entryId: row.id, field: k } };
    }
  }
  const [missing] = expected.values();
  if (missing) return { ...result, ok: false, firstBad: { number: missing.number, entryId: missing.entryId, field: '(row removed)' } };
  return result;
}
