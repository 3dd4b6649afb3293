import { and, asc, eq } from 'drizzle-orm';
import type { OfflineReceipt } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { pcInspectionAcknowledgements, pcOfflineReceipts } from './offline.table.ts';

export type ReceiptRow = typeof pcOfflineReceipts.$inferSelect;
export type AcknowledgementRow = typeof pcInspectionAcknowledgements.$inferSelect;

export async function receiptOf(db: DbOrTx, organisationId: string, clientId: string) {
  const [r] = await db
    .select()
    .from(pcOfflineReceipts)
    .where(and(eq(pcOfflineReceipts.organisationId, organisationId), eq(pcOfflineReceipts.clientId, clientId)));
  return r;
}

export const insertReceipt = (db: DbOrTx, row: ReceiptRow) => db.insert(pcOfflineReceipts).values(row);

export const receiptsOf = (db: DbOrTx, organisationId: string, inspectionId: string) =>
  db
    .select()
    .from(pcOfflineReceipts)
    .where(and(eq(pcOfflineReceipts.organisationId, organisationId), eq(pcOfflineReceipts.inspectionId, inspectionId)))
    .orderBy(asc(pcOfflineReceipts.receivedAt), asc(pcOfflineReceipts.id));

export async function acknowledgementOf(db: DbOrTx, inspectionId: string) {
  const [r] = await db.select().from(pcInspectionAcknowledgements).where(eq(pcInspectionAcknowledgements.inspectionId, inspectionId));
  return r;
}

export const insertAcknowledgement = (db: DbOrTx, row: AcknowledgementRow) => db.insert(pcInspectionAcknowledgements).values(row);

export const receiptView = (r: ReceiptRow): OfflineReceipt => ({
  receiptId: r.id,
  clientId: r.clientId,
  kind: r.kind,
  subjectId: r.subjectId,
  violationId: r.violationId,
  sha256: r.sha256,
  recordedAt: r.recordedAt.toISOString(),
  receivedAt: r.receivedAt.toISOString(),
});
