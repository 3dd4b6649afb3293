import { and, desc, eq, isNull, lte, or, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { cctvConsents } from './consents.table.ts';

export type ConsentRow = typeof cctvConsents.$inferSelect;

export const insertConsent = (db: DbOrTx, row: typeof cctvConsents.$inferInsert) => db.insert(cctvConsents).values(row);

export async function findConsent(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(cctvConsents)
    .where(and(eq(cctvConsents.organisationId, organisationId), eq(cctvConsents.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export const listConsents = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(cctvConsents)
    .where(eq(cctvConsents.organisationId, organisationId))
    .orderBy(desc(cctvConsents.givenOn), desc(cctvConsents.createdAt));

/** Consents in force for a room on a day: given by then and not withdrawn by then. */
export const consentsInForce = (db: DbOrTx, organisationId: string, placeId: string, day: string) =>
  db
    .select()
    .from(cctvConsents)
    .where(
      and(
        eq(cctvConsents.organisationId, organisationId),
        eq(cctvConsents.placeId, placeId),
        lte(cctvConsents.givenOn, day),
        or(isNull(cctvConsents.withdrawnOn), gt(cctvConsents.withdrawnOn, day)),
      ),
    );

export const setWithdrawn = (db: DbOrTx, id: string, withdrawnOn: string, withdrawalNote: string) =>
  db.update(cctvConsents).set({ withdrawnOn, withdrawalNote }).where(eq(cctvConsents.id, id));
