import { and, asc, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { ledgerCheckpoints, ledgerEntries, ledgerHeads } from './ledger.table.ts';
import { GENESIS_HASH } from './ledger.hash.ts';

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;

/** Entries as readers use them: the stored canonical text turned back into a value. */
export const withParsedPayload = <T extends { payload: string }>(row: T) => ({ ...row, payload: JSON.parse(row.payload) as unknown });
export type CheckpointRow = typeof ledgerCheckpoints.$inferSelect;

/** Locks the organisation's head row (creating it on first use) and returns it. */
export async function lockHead(db: DbOrTx, organisationId: string) {
  const [head] = await db
    .insert(ledgerHeads)
    .values({ organisationId, seq: 0, entryHash: GENESIS_HASH })
    .onConflictDoUpdate({ target: ledgerHeads.organisationId, set: { seq: sql`${ledgerHeads.seq}` } })
    .returning();
  return head!;
}

/** One round trip: the entry and the new head go in a single statement. */
export async function insertEntryAndMoveHead(db: DbOrTx, row: typeof ledgerEntries.$inferInsert) {
  const inserted = db.$with('inserted').as(db.insert(ledgerEntries).values(row).returning({ seq: ledgerEntries.seq }));
  await db
    .with(inserted)
    .update(ledgerHeads)
    .set({ seq: row.seq, entryHash: row.entryHash })
    .where(and(eq(ledgerHeads.organisationId, row.organisationId), sql`EXISTS (SELECT 1 FROM ${inserted})`));
}

export async function readHead(db: DbOrTx, organisationId: string) {
  const [head] = await db.select().from(ledgerHeads).where(eq(ledgerHeads.organisationId, organisationId));
  return head ?? { organisationId, seq: 0, entryHash: GENESIS_HASH };
}

/** The chain fields of a page of entries, read lean for verification: no JSON decoding, times as ISO text. */
export interface ChainRow {
  id: number;
  seq: number;
  recordedAt: string;
  actorKind: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  payload: string;
  payloadHash: string;
  prevHash: string;
  entryHash: string;
}

export async function readChainPage(db: DbOrTx, organisationId: string, afterSeq: number, limit: number): Promise<ChainRow[]> {
  const res = await db.execute(sql`
    SELECT id::float8 AS "id", seq::float8 AS "seq",
           to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt",
           actor_kind AS "actorKind", actor_id AS "actorId", action, subject_type AS "subjectType", subject_id AS "subjectId",
           payload, payload_hash AS "payloadHash", prev_hash AS "prevHash", entry_hash AS "entryHash"
      FROM ledger_entries
     WHERE organisation_id = ${organisationId} AND seq > ${afterSeq}
     ORDER BY ledger_entries.seq -- the column, not the float8 alias above: keeps the (organisation, seq) index
     LIMIT ${limit}`);
  return (res as unknown as { rows: ChainRow[] }).rows;
}

export interface EntryFilter {
  organisationId: string;
  actorId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** Newest first, for the audit screen. */
export async function searchEntries(db: DbOrTx, f: EntryFilter) {
  const where: SQL[] = [eq(ledgerEntries.organisationId, f.organisationId)];
  if (f.actorId) where.push(eq(ledgerEntries.actorId, f.actorId));
  // A prefix filter: LIKE wildcards in the user's text are escaped, not dropped.
  if (f.action) where.push(sql`${ledgerEntries.action} LIKE ${f.action.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
  if (f.from) where.push(gte(ledgerEntries.recordedAt, f.from));
  if (f.to) where.push(lte(ledgerEntries.recordedAt, f.to));
  if (f.beforeSeq) where.push(sql`${ledgerEntries.seq} < ${f.beforeSeq}`);
  const rows = await db
    .select()
    .from(ledgerEntries)
    .where(and(...where))
    .orderBy(desc(ledgerEntries.seq))
    .limit(f.limit);
  return rows.map(withParsedPayload);
}

export function insertCheckpoint(db: DbOrTx, row: typeof ledgerCheckpoints.$inferInsert) {
  return db.insert(ledgerCheckpoints).values(row).returning();
}

export function listCheckpoints(db: DbOrTx, organisationId: string) {
  return db
    .select()
    .from(ledgerCheckpoints)
    .where(eq(ledgerCheckpoints.organisationId, organisationId))
    .orderBy(asc(ledgerCheckpoints.seq), asc(ledgerCheckpoints.id));
}

export async function organisationsWithLedger(db: DbOrTx) {
  const rows = await db.select({ organisationId: ledgerHeads.organisationId, seq: ledgerHeads.seq }).from(ledgerHeads);
  return rows;
}
