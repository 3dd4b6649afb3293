import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MonthlyReportFigures } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * R315-18: the monthly report the production-control official presents to the head, its figures
 * frozen as presented (write-once). Figures that change later (a measure verified late) make a new
 * version; the head approves a version.
 */
export const pcMonthlyReports = pgTable(
  'pc_monthly_reports',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    month: text('month').notNull(),
    version: integer('version').notNull(),
    figures: jsonb('figures').$type<MonthlyReportFigures>().notNull(),
    /** SHA-256 of the figures as presented: what the approval and the ledger refer to. */
    figuresSha256: text('figures_sha256').notNull(),
    presentedBy: uuid('presented_by')
      .notNull()
      .references(() => users.id),
    presentedAt: timestamp('presented_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_monthly_reports_org_month_version').on(t.organisationId, t.month, t.version)],
);

/** The head's approval of one presented version (write-once; at most one per version). */
export const pcMonthlyReportApprovals = pgTable('pc_monthly_report_approvals', {
  reportId: uuid('report_id')
    .primaryKey()
    .references(() => pcMonthlyReports.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  approvedBy: uuid('approved_by')
    .notNull()
    .references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }).notNull(),
});
