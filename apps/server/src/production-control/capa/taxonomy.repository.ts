import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcCapaCauses, pcCauseCategories } from './capa.table.ts';

export type CauseCategoryRow = typeof pcCauseCategories.$inferSelect;

export const insertCauseCategories = (db: DbOrTx, rows: CauseCategoryRow[]) => db.insert(pcCauseCategories).values(rows);
export const updateCauseCategory = (db: DbOrTx, id: string, set: Partial<CauseCategoryRow>) =>
  db.update(pcCauseCategories).set(set).where(eq(pcCauseCategories.id, id));
export const deleteCauseCategory = (db: DbOrTx, id: string) => db.delete(pcCauseCategories).where(eq(pcCauseCategories.id, id));

/** The organisation's taxonomy, categories and sub-causes by code (retired ones included: old records name them). */
export const listCauseCategories = (db: DbOrTx, organisationId: string) =>
  db.select().from(pcCauseCategories).where(eq(pcCauseCategories.organisationId, organisationId)).orderBy(asc(pcCauseCategories.code));

export async function findCauseCategory(db: DbOrTx, organisationId: string, id: string) {
  const [row] = await db
    .select()
    .from(pcCauseCategories)
    .where(and(eq(pcCauseCategories.organisationId, organisationId), eq(pcCauseCategories.id, id)));
  return row;
}

export async function findCauseCategoryByCode(db: DbOrTx, organisationId: string, code: string) {
  const [row] = await db
    .select()
    .from(pcCauseCategories)
    .where(and(eq(pcCauseCategories.organisationId, organisationId), eq(pcCauseCategories.code, code)));
  return row;
}

/** Whether a category (or one of its sub-causes) is named by a recorded cause, or has sub-causes. */
export async function causeCategoryUse(db: DbOrTx, id: string) {
  const [r] = await db
    .select({
      recorded: sql<number>`(select count(*)::int from ${pcCapaCauses} where ${pcCapaCauses.causeCategoryId} = ${id})`,
      children: sql<number>`(select count(*)::int from ${pcCauseCategories} where ${pcCauseCategories.parentId} = ${id})`,
    })
    .from(sql`(select 1) as one`);
  return { recorded: Number(r?.recorded ?? 0), children: Number(r?.children ?? 0) };
}
