import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcUnits } from '../facilities/facilities.table.ts';
import { pcPlanProposals } from './capa.table.ts';

export type PlanProposalRow = typeof pcPlanProposals.$inferSelect;

export const insertPlanProposal = (db: DbOrTx, row: PlanProposalRow) => db.insert(pcPlanProposals).values(row);
export const updatePlanProposal = (db: DbOrTx, id: string, set: Partial<PlanProposalRow>) =>
  db.update(pcPlanProposals).set(set).where(eq(pcPlanProposals.id, id));

export async function findPlanProposal(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcPlanProposals)
    .where(and(eq(pcPlanProposals.organisationId, organisationId), eq(pcPlanProposals.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** Proposals for a plan year (or all), by year then as proposed; a unit head sees those of units they head. */
export async function listPlanProposals(
  db: DbOrTx,
  organisationId: string,
  o: { year?: number; capaId?: string; unitHeadId?: string } = {},
) {
  const where = [eq(pcPlanProposals.organisationId, organisationId)];
  if (o.year) where.push(eq(pcPlanProposals.year, o.year));
  if (o.capaId) where.push(eq(pcPlanProposals.capaId, o.capaId));
  if (o.unitHeadId)
    where.push(inArray(pcPlanProposals.unitId, db.select({ id: pcUnits.id }).from(pcUnits).where(eq(pcUnits.headId, o.unitHeadId))));
  return db
    .select()
    .from(pcPlanProposals)
    .where(and(...where))
    .orderBy(desc(pcPlanProposals.year), asc(pcPlanProposals.proposedAt));
}
