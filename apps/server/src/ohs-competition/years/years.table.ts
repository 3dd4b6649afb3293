import { date, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * RC-4: one competition per reporting year. It pins the regulation version in force when it opened
 * (groups, deadlines, points table), so a later amendment never changes it; the deadlines are
 * fixed in the union's zone when it opens.
 */
export const competitionYears = pgTable(
  'competition_years',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    reportingYear: integer('reporting_year').notNull(),
    rulesId: text('rules_id').notNull(),
    timeZone: text('time_zone').notNull(),
    submissionDueOn: date('submission_due_on', { mode: 'string' }).notNull(),
    submissionClosesAt: timestamp('submission_closes_at', { withTimezone: true, mode: 'date' }).notNull(),
    resultsDueOn: date('results_due_on', { mode: 'string' }).notNull(),
    resultsClosesAt: timestamp('results_closes_at', { withTimezone: true, mode: 'date' }).notNull(),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set once, when the results are published (RC-24): from then on nothing of the year changes. */
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('competition_years_org_year').on(t.organisationId, t.reportingYear)],
);
