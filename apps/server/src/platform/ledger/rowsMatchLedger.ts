import { and, asc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import type { RecordCheck } from '../records.ts';
import { ledgerEntries } from './ledger.table.ts';

/** The entry's own columns a row may have copied: who wrote it (actor), when, and about what (subject). */
interface EntryColumns {
  subjectId: string | null;
  actorId: string | null;
  recordedAt: string;
}

/** How one write-once table is compared with the ledger entries that created its rows. */
export interface CreationCheck<Row> {
  table: string;
  /** The ledger action that creates a row. */
  action: string;
  subjectType: string;
  rows: (db: DbOrTx, organisationId: string) => Promise<Row[]>;
  id: (row: Row) => string;
  /** The row's id as the entry names it; default: the entry's subject. */
  entryKey?: (payload: Record<string, unknown>, e: EntryColumns) => string | undefined;
  number?: (row: Row) => number | null;
  /** The row's write-once fields as the entry's payload spells them (dates as ISO strings). */
  fields: (row: Row) => Record<string, unknown>;
  /** Row fields that equal the entry's own columns, by the row's field name. */
  entryFields?: (row: Row) => Record<string, [keyof EntryColumns, unknown]>;
}

const norm = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : (v ?? null));

/**
 * R444-13: every write-once row must equal the ledger entry that created it. A row changed, added or
 * removed behind the application's back (a superuser with triggers disabled) is named with the first
 * differing field. A field the entry's payload does not carry (entries written before it was added)
 * cannot be checked and is skipped; the chain still proves those entries unchanged.
 */
export async function rowsMatchLedger<Row>(db: DbOrTx, organisationId: string, c: CreationCheck<Row>): Promise<RecordCheck> {
  const events = await db
    .select({
      subjectId: ledgerEntries.subjectId,
      actorId: ledgerEntries.actorId,
      recordedAt: ledgerEntries.recordedAt,
      payload: ledgerEntries.payload,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.organisationId, organisationId),
        eq(ledgerEntries.subjectType, c.subjectType),
        eq(ledgerEntries.action, c.action),
      ),
    )
    .orderBy(asc(ledgerEntries.seq));
  const created = new Map<string, { payload: Record<string, unknown>; entry: EntryColumns }>();
  for (const e of events) {
    const payload = JSON.parse(e.payload) as Record<string, unknown>;
    const entry = { subjectId: e.subjectId, actorId: e.actorId, recordedAt: e.recordedAt.toISOString() };
    const key = c.entryKey ? c.entryKey(payload, entry) : (e.subjectId ?? undefined);
    if (key && !created.has(key)) created.set(key, { payload, entry });
  }
  const rows = await c.rows(db, organisationId);
  const result: RecordCheck = { ok: true, table: c.table, checked: rows.length };
  for (const row of rows) {
    const bad = (field: string) => ({ ...result, ok: false, firstBad: { number: c.number?.(row) ?? null, entryId: c.id(row), field } });
    const want = created.get(c.id(row));
    if (!want) return bad('(not in ledger)');
    created.delete(c.id(row));
    for (const [k, v] of Object.entries(c.fields(row))) {
      if (k in want.payload && norm(v) !== norm(want.payload[k])) return bad(k);
    }
    for (const [k, [column, v]] of Object.entries(c.entryFields?.(row) ?? {})) {
      if (norm(v) !== norm(want.entry[column])) return bad(k);
    }
  }
  const [missing] = created.keys();
  if (missing) return { ...result, ok: false, firstBad: { number: null, entryId: missing, field: '(row removed)' } };
  return result;
}
