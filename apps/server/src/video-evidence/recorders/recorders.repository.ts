import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { ledgerEntries } from '../../platform/ledger/ledger.table.ts';
import { withParsedPayload } from '../../platform/ledger/ledger.repository.ts';
import { breakageReports, recorders, type RecorderStatus } from './recorders.table.ts';

export type RecorderRow = typeof recorders.$inferSelect;

export const insertRecorder = (db: DbOrTx, row: typeof recorders.$inferInsert) => db.insert(recorders).values(row);

export async function findRecorder(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(recorders)
    .where(and(eq(recorders.organisationId, organisationId), eq(recorders.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function findRecorderByInventory(db: DbOrTx, organisationId: string, inventoryNumber: string) {
  const [r] = await db
    .select()
    .from(recorders)
    .where(and(eq(recorders.organisationId, organisationId), eq(recorders.inventoryNumber, inventoryNumber)));
  return r;
}

export const setRecorderStatus = (db: DbOrTx, id: string, status: RecorderStatus) =>
  db.update(recorders).set({ status }).where(eq(recorders.id, id));

export function listRecorders(db: DbOrTx, organisationId: string, status?: RecorderStatus) {
  const where = status
    ? and(eq(recorders.organisationId, organisationId), eq(recorders.status, status))
    : eq(recorders.organisationId, organisationId);
  return db.select().from(recorders).where(where).orderBy(asc(recorders.inventoryNumber));
}

export const countRecordersByStatus = (db: DbOrTx, organisationId: string) =>
  db
    .select({ status: recorders.status, count: count() })
    .from(recorders)
    .where(eq(recorders.organisationId, organisationId))
    .groupBy(recorders.status);

export const insertBreakageReport = (db: DbOrTx, row: typeof breakageReports.$inferInsert) => db.insert(breakageReports).values(row);

export async function openBreakageReport(db: DbOrTx, recorderId: string) {
  const [r] = await db
    .select()
    .from(breakageReports)
    .where(and(eq(breakageReports.recorderId, recorderId), isNull(breakageReports.resolvedAt)))
    .orderBy(desc(breakageReports.reportedAt))
    .limit(1);
  return r;
}

export const resolveBreakageReports = (db: DbOrTx, recorderId: string, by: string, at: Date, resolution: string) =>
  db
    .update(breakageReports)
    .set({ resolvedAt: at, resolvedBy: by, resolution })
    .where(and(eq(breakageReports.recorderId, recorderId), isNull(breakageReports.resolvedAt)));

export const breakageReportsFor = (db: DbOrTx, organisationId: string) =>
  db.select().from(breakageReports).where(eq(breakageReports.organisationId, organisationId)).orderBy(desc(breakageReports.reportedAt));

/** Every ledger entry about this recorder: its own events and journal entries that name it. */
export const recorderHistory = async (db: DbOrTx, organisationId: string, recorderId: string) =>
  (
    await db
      .select()
      .from(ledgerEntries)
      .where(
        and(
          eq(ledgerEntries.organisationId, organisationId),
          sql`(${ledgerEntries.subjectId} = ${recorderId} OR (${ledgerEntries.payload}::jsonb)->>'recorderId' = ${recorderId})`,
        ),
      )
      .orderBy(asc(ledgerEntries.seq))
  ).map(withParsedPayload);
