import { and, asc, desc, eq, like, max } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { cctvAccessRequests, cctvRequestFiles } from './access-requests.table.ts';

export type AccessRequestRow = typeof cctvAccessRequests.$inferSelect;
export type RequestFileRow = typeof cctvRequestFiles.$inferSelect;

export const insertRequest = (db: DbOrTx, row: typeof cctvAccessRequests.$inferInsert) => db.insert(cctvAccessRequests).values(row);

export async function findRequest(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(cctvAccessRequests)
    .where(and(eq(cctvAccessRequests.organisationId, organisationId), eq(cctvAccessRequests.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export const listRequests = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(cctvAccessRequests)
    .where(eq(cctvAccessRequests.organisationId, organisationId))
    .orderBy(desc(cctvAccessRequests.createdAt));

export const updateRequest = (db: DbOrTx, id: string, set: Partial<typeof cctvAccessRequests.$inferInsert>) =>
  db.update(cctvAccessRequests).set(set).where(eq(cctvAccessRequests.id, id));

/** How many applications the organisation received in a year (numbers are 2026-1, 2026-2, …). */
export async function countRequestsOfYear(db: DbOrTx, organisationId: string, year: string) {
  const rows = await db
    .select({ number: cctvAccessRequests.number })
    .from(cctvAccessRequests)
    .where(and(eq(cctvAccessRequests.organisationId, organisationId), like(cctvAccessRequests.number, `${year}-%`)));
  return rows.length;
}

export const insertRequestFile = (db: DbOrTx, row: typeof cctvRequestFiles.$inferInsert) => db.insert(cctvRequestFiles).values(row);

export const filesOfRequest = (db: DbOrTx, requestId: string) =>
  db.select().from(cctvRequestFiles).where(eq(cctvRequestFiles.requestId, requestId)).orderBy(asc(cctvRequestFiles.seq));

export async function nextFileSeq(db: DbOrTx, requestId: string) {
  const [r] = await db
    .select({ n: max(cctvRequestFiles.seq) })
    .from(cctvRequestFiles)
    .where(eq(cctvRequestFiles.requestId, requestId));
  return (r?.n ?? 0) + 1;
}
