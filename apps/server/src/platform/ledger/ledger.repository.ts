import { and, asc, desc, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { ledgerCheckpoints, ledgerEntries, ledgerHeads } from './ledger.table.ts';
import { GENESIS_HASH } from './ledger.hash.ts';

export type LedgerEntryRow = typeof ledgerEntries.$inferSelect;
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

export async function insertEntryAndMoveHead(db: DbOrTx, row: typeof ledgerEntries.$inferInsert) {
  await db.insert(ledgerEntries).values(row);
  await db.update(ledgerHeads).set({ seq: row.seq, entryHash: row.entryHash }).where(eq(ledgerHeads.organisationId, row.organisationId));
}

export async function readHead(db: DbOrTx, organisationId: string) {
  const [head] = await db.select().from(ledgerHeads).where(eq(ledgerHeads.organisationId, organisationId));
  return head ?? { organisationId, seq: 0, entryHash: GENESIS_HASH };
}

/** Keyset page over the chain in storage order of seq. */
export function readEntriesAfter(db: DbOrTx, organisationId: string, afterSeq: number, limit: number) {
  return db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.organisationId, organisationId), gt(ledgerEntries.seq, afterSeq)))
    .orderBy(asc(ledgerEntries.seq))
    .limit(limit);
}

export async function readEntryAt(db: DbOrTx, organisationId: string, seq: number) {
  const [row] = await db
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.organisationId, organisationId), eq(ledgerEntries.seq, seq)));
  return row;
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
export function searchEntries(db: DbOrTx, f: EntryFilter) {
  const where: SQL[] = [eq(ledgerEntries.organisationId, f.organisationId)];
  if (f.actorId) where.push(eq(ledgerEntries.actorId, f.actorId));
  if (f.action) where.push(sql`${ledgerEntries.action} LIKE ${f.action.replace(/[%_]/g, '') + '%'}`);
  if (f.from) where.push(gte(ledgerEntries.recordedAt, f.from));
  if (f.to) where.push(lte(ledgerEntries.recordedAt, f.to));
  if (f.beforeSeq) where.push(sql`${ledgerEntries.seq} < ${f.beforeSeq}`);
  return db
    .select()
    .from(ledgerEntries)
    .where(and(...where))
    .orderBy(desc(ledgerEntries.seq))
    .limit(f.limit);
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
