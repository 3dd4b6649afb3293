import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { competitionYears } from './years.table.ts';

export type YearRow = typeof competitionYears.$inferSelect;

export const insertYear = (db: DbOrTx, row: typeof competitionYears.$inferInsert) => db.insert(competitionYears).values(row);

export const listYears = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(competitionYears)
    .where(eq(competitionYears.organisationId, organisationId))
    .orderBy(desc(competitionYears.reportingYear));

export async function findYear(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(competitionYears)
    .where(and(eq(competitionYears.organisationId, organisationId), eq(competitionYears.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export async function findYearByNumber(db: DbOrTx, organisationId: string, reportingYear: number) {
  const [r] = await db
    .select()
    .from(competitionYears)
    .where(and(eq(competitionYears.organisationId, organisationId), eq(competitionYears.reportingYear, reportingYear)));
  return r;
}

export const setPublished = (db: DbOrTx, id: string, at: Date) =>
  db.update(competitionYears).set({ publishedAt: at }).where(eq(competitionYears.id, id));
