import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcAnnualAnalyses, pcAnnualAnalysisApprovals } from './analysis.table.ts';

export type AnnualAnalysisRow = typeof pcAnnualAnalyses.$inferSelect & {
  approval: { approvedBy: string; approvedAt: Date } | null;
};

const withApproval = (db: DbOrTx) =>
  db
    .select({ analysis: pcAnnualAnalyses, approval: pcAnnualAnalysisApprovals })
    .from(pcAnnualAnalyses)
    .leftJoin(pcAnnualAnalysisApprovals, eq(pcAnnualAnalysisApprovals.analysisId, pcAnnualAnalyses.id));

const shape = (r: {
  analysis: typeof pcAnnualAnalyses.$inferSelect;
  approval: typeof pcAnnualAnalysisApprovals.$inferSelect | null;
}): AnnualAnalysisRow => ({
  ...r.analysis,
  approval: r.approval ? { approvedBy: r.approval.approvedBy, approvedAt: r.approval.approvedAt } : null,
});

export const insertAnalysis = (db: DbOrTx, row: typeof pcAnnualAnalyses.$inferInsert) => db.insert(pcAnnualAnalyses).values(row);
export const insertAnalysisApproval = (db: DbOrTx, row: typeof pcAnnualAnalysisApprovals.$inferInsert) =>
  db.insert(pcAnnualAnalysisApprovals).values(row);

export async function findAnalysis(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await withApproval(db).where(and(eq(pcAnnualAnalyses.organisationId, organisationId), eq(pcAnnualAnalyses.id, id)));
  return r && shape(r);
}

/** Every presented version of a year (or of every year), newest first. */
export async function analysesOf(db: DbOrTx, organisationId: string, year?: number) {
  const rows = await withApproval(db)
    .where(
      year === undefined
        ? eq(pcAnnualAnalyses.organisationId, organisationId)
        : and(eq(pcAnnualAnalyses.organisationId, organisationId), eq(pcAnnualAnalyses.year, year)),
    )
    .orderBy(desc(pcAnnualAnalyses.year), desc(pcAnnualAnalyses.version));
  return rows.map(shape);
}
