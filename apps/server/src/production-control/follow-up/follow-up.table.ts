import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { MonthlyCheckLine } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * R315-13: the official's monthly check of every open item, with the escalation ladder for overdue
 * ones (performer → unit head → first head) and the result reported to the head. Written once.
 */
export const pcMonthlyChecks = pgTable(
  'pc_monthly_checks',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** yyyy-MM */
    month: text('month').notNull(),
    officialId: uuid('official_id')
      .notNull()
      .references(() => users.id),
    lines: jsonb('lines').$type<MonthlyCheckLine[]>().notNull(),
    summary: text('summary').notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('pc_monthly_checks_org_month_official').on(t.organisationId, t.month, t.officialId),
    index('pc_monthly_checks_org').on(t.organisationId),
  ],
);
