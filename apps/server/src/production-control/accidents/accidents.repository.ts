import { and, asc, desc, eq, like, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcAccidentInvestigations, pcAccidentMeasures, pcAccidents } from './accidents.table.ts';

export type AccidentRow = typeof pcAccidents.$inferSelect;
export type InvestigationRow = typeof pcAccidentInvestigations.$inferSelect;
export type MeasureRow = typeof pcAccidentMeasures.$inferSelect;

/** Register numbers of one organisation and year take turns (a transaction-scoped advisory lock). */
export async function nextAccidentNumber(db: DbOrTx, organisationId: string, year: string) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`pc_accidents:${organisationId}:${year}`}))`);
  const prefix = `АО-${year}/`;
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pcAccidents)
    .where(and(eq(pcAccidents.organisationId, organisationId), like(pcAccidents.number, `${prefix}%`)));
  return `${prefix}${String((r?.n ?? 0) + 1).padStart(3, '0')}`;
}

export const insertAccident = (db: DbOrTx, row: AccidentRow) => db.insert(pcAccidents).values(row);
export const updateAccident = (db: DbOrTx, id: string, set: Partial<Pick<AccidentRow, 'status' | 'extraordinaryInspectionId'>>) =>
  db.update(pcAccidents).set(set).where(eq(pcAccidents.id, id));

export async function findAccident(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcAccidents)
    .where(and(eq(pcAccidents.organisationId, organisationId), eq(pcAccidents.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

/** The register with facility, unit and registrar names, newest first; filtered by an extraordinary inspection when asked. */
export function listAccidents(db: DbOrTx, organisationId: string, f: { id?: string; inspectionId?: string } = {}) {
  return db
    .select({ accident: pcAccidents, facilityName: pcFacilities.name, unitName: pcUnits.name, registeredByName: users.fullName })
    .from(pcAccidents)
    .innerJoin(pcFacilities, eq(pcFacilities.id, pcAccidents.facilityId))
    .leftJoin(pcUnits, eq(pcUnits.id, pcAccidents.unitId))
    .innerJoin(users, eq(users.id, pcAccidents.registeredBy))
    .where(
      and(
        eq(pcAccidents.organisationId, organisationId),
        f.id ? eq(pcAccidents.id, f.id) : undefined,
        f.inspectionId ? eq(pcAccidents.extraordinaryInspectionId, f.inspectionId) : undefined,
      ),
    )
    .orderBy(desc(pcAccidents.occurredAt), desc(pcAccidents.id))
    .limit(500);
}

export async function findInvestigation(db: DbOrTx, accidentId: string) {
  const [r] = await db.select().from(pcAccidentInvestigations).where(eq(pcAccidentInvestigations.accidentId, accidentId));
  return r;
}
export const insertInvestigation = (db: DbOrTx, row: InvestigationRow) => db.insert(pcAccidentInvestigations).values(row);
export const updateInvestigation = (db: DbOrTx, accidentId: string, set: Partial<InvestigationRow>) =>
  db.update(pcAccidentInvestigations).set(set).where(eq(pcAccidentInvestigations.accidentId, accidentId));

export const measuresOf = (db: DbOrTx, accidentId: string) =>
  db
    .select()
    .from(pcAccidentMeasures)
    .where(eq(pcAccidentMeasures.accidentId, accidentId))
    .orderBy(asc(pcAccidentMeasures.dueOn), asc(pcAccidentMeasures.id));
export const insertMeasures = (db: DbOrTx, rows: MeasureRow[]) => db.insert(pcAccidentMeasures).values(rows);
export async function findMeasure(db: DbOrTx, organisationId: string, accidentId: string, id: string) {
  const [r] = await db
    .select()
    .from(pcAccidentMeasures)
    .where(
      and(
        eq(pcAccidentMeasures.organisationId, organisationId),
        eq(pcAccidentMeasures.accidentId, accidentId),
        eq(pcAccidentMeasures.id, id),
      ),
    )
    .for('update');
  return r;
}
export const updateMeasure = (db: DbOrTx, id: string, set: Pick<MeasureRow, 'doneOn' | 'doneRecordedBy'>) =>
  db.update(pcAccidentMeasures).set(set).where(eq(pcAccidentMeasures.id, id));
