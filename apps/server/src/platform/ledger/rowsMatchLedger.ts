import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { RecordCheck } from '../records.ts';
import { ledgerEntries } from './ledger.table.ts';

/** How one write-once table is compared with the ledger entries that created its rows. */
export interface CreationCheck<Row> {
  table: string;
  /** The ledger action that creates a row (its subject id is the row's id). */
  action: string;
  subjectType: string;
  rows: (db: DbOrTx, organisationId: string) => Promise<Row[]>;
  id: (row: Row) => string;
  number?: (row: Row) => number | null;
  /** The row's write-once fields as the ledger entry's payload spells them (dates as ISO strings). */
  fields: (row: Row) => Record<string, unknown>;
}

const norm = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));

/**
 * R444-13: every write-once row must equal the payload of the ledger entry that created it. A row
 * changed, added or removed behind the application's back (a superuser with triggers disabled) is
 * named with the first differing field. A field the entry does not carry (entries written before it
 * was added) cannot be checked and is skipped: the chain still proves those entries unchanged.
 */
export async function rowsMatchLedger<Row>(db: DbOrTx, organisationId: string, c: CreationCheck<Row>): Promise<RecordCheck> {
  const events = await db
    .select({ subjectId: ledgerEntries.subjectId, payload: ledgerEntries.payload })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.organisationId, organisationId),
        eq(ledgerEntries.subjectType, c.subjectType),
        eq(ledgerEntries.action, c.action),
      ),
    )
    .orderBy(asc(ledgerEntries.seq));
  const created = new Map<string, Record<string, unknown>>();
  for (const e of events) if (e.subjectId && !created.has(e.subjectId)) created.set(e.subjectId, JSON.parse(e.payload));
  const rows = await c.rows(db, organisationId);
  const result: RecordCheck = { ok: true, table: c.table, checked: rows.length };
  for (const row of rows) {
    const bad = (field: string) => ({ ...result, ok: false, firstBad: { number: c.number?.(row) ?? null, entryId: c.id(row), field } });
    const want = created.get(c.id(row));
    if (!want) return bad('(not in ledger)');
    created.delete(c.id(row));
    for (const [k, v] of Object.entries(c.fields(row))) {
      if (k in want && norm(v) !== norm(want[k])) return bad(k);
    }
  }
  const [missing] = created.keys();
  if (missing) return { ...result, ok: false, firstBad: { number: null, entryId: missing, field: '(row removed)' } };
  return result;
}
