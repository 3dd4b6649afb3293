import { and, desc, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/database.ts';
import { pcMonthlyReportApprovals, pcMonthlyReports } from './reports.table.ts';

export type MonthlyReportRow = typeof pcMonthlyReports.$inferSelect & {
  approval: { approvedBy: string; approvedAt: Date } | null;
};

const withApproval = (db: DbOrTx) =>
  db
    .select({ report: pcMonthlyReports, approval: pcMonthlyReportApprovals })
    .from(pcMonthlyReports)
    .leftJoin(pcMonthlyReportApprovals, eq(pcMonthlyReportApprovals.reportId, pcMonthlyReports.id));

const shape = (r: { report: typeof pcMonthlyReports.$inferSelect; approval: typeof pcMonthlyReportApprovals.$inferSelect | null }) => ({
  ...r.report,
  approval: r.approval ? { approvedBy: r.approval.approvedBy, approvedAt: r.approval.approvedAt } : null,
});

export const insertMonthlyReport = (db: DbOrTx, row: typeof pcMonthlyReports.$inferInsert) => db.insert(pcMonthlyReports).values(row);
export const insertApproval = (db: DbOrTx, row: typeof pcMonthlyReportApprovals.$inferInsert) =>
  db.insert(pcMonthlyReportApprovals).values(row);

export async function findMonthlyReport(db: DbOrTx, organisationId: string, id: string): Promise<MonthlyReportRow | undefined> {
  const [r] = await withApproval(db).where(and(eq(pcMonthlyReports.organisationId, organisationId), eq(pcMonthlyReports.id, id)));
  return r && shape(r);
}

export async function latestMonthlyReport(db: DbOrTx, organisationId: string, month: string) {
  const [r] = await withApproval(db)
    .where(and(eq(pcMonthlyReports.organisationId, organisationId), eq(pcMonthlyReports.month, month)))
    .orderBy(desc(pcMonthlyReports.version))
    .limit(1);
  return r && shape(r);
}

/** Every presented version, newest month and version first (the list page). */
export async function listMonthlyReports(db: DbOrTx, organisationId: string): Promise<MonthlyReportRow[]> {
  const rows = await withApproval(db)
    .where(eq(pcMonthlyReports.organisationId, organisationId))
    .orderBy(desc(pcMonthlyReports.month), desc(pcMonthlyReports.version));
  return rows.map(shape);
}
