import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcPlanApprovals, pcPlanMeasureCompletions, pcPlanMeasures, pcPlans, pcPlanVersions } from './plans.table.ts';

export type PlanRow = typeof pcPlans.$inferSelect;
export type PlanVersionRow = typeof pcPlanVersions.$inferSelect;
export type PlanApprovalRow = typeof pcPlanApprovals.$inferSelect;
export type PlanMeasureRow = typeof pcPlanMeasures.$inferSelect;
export type PlanCompletionRow = typeof pcPlanMeasureCompletions.$inferSelect;

export const insertPlan = (db: DbOrTx, row: PlanRow) => db.insert(pcPlans).values(row);
export const insertVersion = (db: DbOrTx, row: PlanVersionRow) => db.insert(pcPlanVersions).values(row);
export const insertMeasures = (db: DbOrTx, rows: PlanMeasureRow[]) =>
  rows.length ? db.insert(pcPlanMeasures).values(rows) : Promise.resolve();
export const insertApproval = (db: DbOrTx, row: PlanApprovalRow) => db.insert(pcPlanApprovals).values(row);
export const insertCompletion = (db: DbOrTx, row: PlanCompletionRow) => db.insert(pcPlanMeasureCompletions).values(row);

export async function findPlan(db: DbOrTx, organisationId: string, id: string, forUpdate = false) {
  const q = db
    .select()
    .from(pcPlans)
    .where(and(eq(pcPlans.organisationId, organisationId), eq(pcPlans.id, id)));
  const [r] = forUpdate ? await q.for('update') : await q;
  return r;
}

export const listPlans = (db: DbOrTx, organisationId: string) =>
  db
    .select()
    .from(pcPlans)
    .where(eq(pcPlans.organisationId, organisationId))
    .orderBy(asc(pcPlans.kind), desc(pcPlans.year), asc(pcPlans.title));

/** Versions of the given plans with their approvals, newest version first. */
export async function versionsOf(db: DbOrTx, planIds: string[]) {
  if (!planIds.length) return [];
  return db
    .select({ version: pcPlanVersions, approval: pcPlanApprovals })
    .from(pcPlanVersions)
    .leftJoin(pcPlanApprovals, eq(pcPlanApprovals.versionId, pcPlanVersions.id))
    .where(inArray(pcPlanVersions.planId, planIds))
    .orderBy(asc(pcPlanVersions.planId), desc(pcPlanVersions.version));
}

/** Measures of the given versions with their completions. */
export async function measuresOf(db: DbOrTx, versionIds: string[]) {
  if (!versionIds.length) return [];
  return db
    .select({ measure: pcPlanMeasures, completion: pcPlanMeasureCompletions })
    .from(pcPlanMeasures)
    .leftJoin(pcPlanMeasureCompletions, eq(pcPlanMeasureCompletions.measureId, pcPlanMeasures.id))
    .where(inArray(pcPlanMeasures.versionId, versionIds))
    .orderBy(asc(pcPlanMeasures.versionId), asc(pcPlanMeasures.ordinal));
}

export async function findMeasure(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select({ measure: pcPlanMeasures, version: pcPlanVersions, completion: pcPlanMeasureCompletions })
    .from(pcPlanMeasures)
    .innerJoin(pcPlanVersions, eq(pcPlanVersions.id, pcPlanMeasures.versionId))
    .leftJoin(pcPlanMeasureCompletions, eq(pcPlanMeasureCompletions.measureId, pcPlanMeasures.id))
    .where(and(eq(pcPlanMeasures.organisationId, organisationId), eq(pcPlanMeasures.id, id)));
  return r;
}
