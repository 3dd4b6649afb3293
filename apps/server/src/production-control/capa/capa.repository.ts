import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcUnits } from '../facilities/facilities.table.ts';
import { pcViolations } from '../violations/violations.table.ts';
import {
  pcCapaCauses,
  pcCapaDecisions,
  pcCapaEvaluations,
  pcCapaManagementReports,
  pcCapaMeasures,
  pcCapaViolations,
  pcCapas,
} from './capa.table.ts';

export type CapaRow = typeof pcCapas.$inferSelect;
export type CapaMeasureRow = typeof pcCapaMeasures.$inferSelect;
export type CapaCauseRow = typeof pcCapaCauses.$inferSelect;

export const insertCapa = (db: DbOrTx, row: typeof pcCapas.$inferInsert) => db.insert(pcCapas).values(row);
export const updateCapa = (db: DbOrTx, id: string, set: Partial<CapaRow>) => db.update(pcCapas).set(set).where(eq(pcCapas.id, id));
export const insertCapaViolations = (db: DbOrTx, rows: (typeof pcCapaViolations.$inferInsert)[]) =>
  rows.length ? db.insert(pcCapaViolations).values(rows) : Promise.resolve();
export const insertCause = (db: DbOrTx, row: CapaCauseRow) => db.insert(pcCapaCauses).values(row);
export const insertDecision = (db: DbOrTx, row: typeof pcCapaDecisions.$inferInsert) => db.insert(pcCapaDecisions).values(row);
export const insertMeasure = (db: DbOrTx, row: CapaMeasureRow) => db.insert(pcCapaMeasures).values(row);
export const updateMeasures = (db: DbOrTx, ids: string[], set: Partial<CapaMeasureRow>) =>
  db.update(pcCapaMeasures).set(set).where(inArray(pcCapaMeasures.id, ids));
export const insertEvaluation = (db: DbOrTx, row: typeof pcCapaEvaluations.$inferInsert) => db.insert(pcCapaEvaluations).values(row);
export const insertManagementReport = (db: DbOrTx, row: typeof pcCapaManagementReports.$inferInsert) =>
  db.insert(pcCapaManagementReports).values(row);

export async function findCapa(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcCapas)
    .where(and(eq(pcCapas.organisationId, organisationId), eq(pcCapas.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** The organisation's CAPAs, newest first; `unitHeadId` narrows to the units that person heads (R315-24). */
export async function listCapas(db: DbOrTx, organisationId: string, o: { year?: number; unitHeadId?: string } = {}) {
  const where = [eq(pcCapas.organisationId, organisationId)];
  if (o.year) where.push(eq(pcCapas.year, o.year));
  if (o.unitHeadId)
    where.push(inArray(pcCapas.unitId, db.select({ id: pcUnits.id }).from(pcUnits).where(eq(pcUnits.headId, o.unitHeadId))));
  return (
    db
      .select()
      .from(pcCapas)
      .where(and(...where))
      // The year's sequence runs across both kinds (ТІ-/АІ-yyyy/NNN): newest number first.
      .orderBy(desc(pcCapas.year), sql`split_part(${pcCapas.number}, '/', 2) desc`)
  );
}

/** The next number of the year: one sequence per organisation and year (callers lock the organisation). */
export async function capasInYear(db: DbOrTx, organisationId: string, year: number) {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pcCapas)
    .where(and(eq(pcCapas.organisationId, organisationId), eq(pcCapas.year, year)));
  return Number(r?.n ?? 0);
}

export const violationsByIds = (db: DbOrTx, organisationId: string, ids: string[]) =>
  ids.length
    ? db
        .select()
        .from(pcViolations)
        .where(and(eq(pcViolations.organisationId, organisationId), inArray(pcViolations.id, ids)))
    : Promise.resolve([]);

/** Everything recorded for one CAPA, for its page and its use cases. */
export async function capaParts(db: DbOrTx, capaId: string) {
  const [violations, causes, decisions, measures, evaluations, reports] = await Promise.all([
    db
      .select({
        id: pcViolations.id,
        description: pcViolations.description,
        status: pcViolations.status,
        foundAt: pcViolations.foundAt,
        unitId: pcViolations.unitId,
      })
      .from(pcCapaViolations)
      .innerJoin(pcViolations, eq(pcViolations.id, pcCapaViolations.violationId))
      .where(eq(pcCapaViolations.capaId, capaId))
      .orderBy(asc(pcViolations.foundAt)),
    db.select().from(pcCapaCauses).where(eq(pcCapaCauses.capaId, capaId)).orderBy(asc(pcCapaCauses.recordedAt)),
    db.select().from(pcCapaDecisions).where(eq(pcCapaDecisions.capaId, capaId)).orderBy(asc(pcCapaDecisions.decidedAt)),
    db.select().from(pcCapaMeasures).where(eq(pcCapaMeasures.capaId, capaId)).orderBy(asc(pcCapaMeasures.addedAt)),
    db.select().from(pcCapaEvaluations).where(eq(pcCapaEvaluations.capaId, capaId)).orderBy(asc(pcCapaEvaluations.round)),
    db
      .select()
      .from(pcCapaManagementReports)
      .where(eq(pcCapaManagementReports.capaId, capaId))
      .orderBy(asc(pcCapaManagementReports.reportedAt)),
  ]);
  return { violations, causes, decisions, measures, evaluations, reports };
}
export type CapaParts = Awaited<ReturnType<typeof capaParts>>;
