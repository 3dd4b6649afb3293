import { asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { organisations } from './organisations.table.ts';

export type OrganisationRow = typeof organisations.$inferSelect;

export const insertOrganisation = (db: DbOrTx, row: typeof organisations.$inferInsert) => db.insert(organisations).values(row);

export async function findOrganisationByBin(db: DbOrTx, bin: string) {
  const [o] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.bin, bin));
  return o;
}

export async function findOrganisation(db: DbOrTx, id: string) {
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id));
  return o;
}

export const listOrganisations = (db: DbOrTx, ids?: string[]) => {
  const q = db.select().from(organisations);
  return (ids ? q.where(inArray(organisations.id, ids.length ? ids : ['00000000-0000-0000-0000-000000000000'])) : q).orderBy(
    asc(organisations.nameKk),
  );
};

/** Serialises writers of one organisation's rule-bound records (e.g. appointments) until commit. */
export async function lockOrganisation(db: DbOrTx, id: string) {
  const [o] = await db.select().from(organisations).where(eq(organisations.id, id)).for('update');
  return o;
}
