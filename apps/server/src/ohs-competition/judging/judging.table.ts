import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COMMISSION_LEVELS, COMMISSION_STAGES, INDICATOR_IDS } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { competitionApplications } from '../applications/applications.table.ts';
import { competitionMemberOrganisations } from '../member-organisations/member-organisations.table.ts';
import { competitionYears } from '../years/years.table.ts';

/**
 * RC-12 (points 12–15): a year's competition commissions — a member organisation's (regional, stage I)
 * and the republican one (stage II), each formed by a decision of the body point 13 or 14 names.
 */
export const competitionCommissions = pgTable(
  'competition_commissions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    yearId: uuid('year_id')
      .notNull()
      .references(() => competitionYears.id),
    level: text('level', { enum: COMMISSION_LEVELS }).notNull(),
    /** Point 10: the stage it judges, as data — I for a member organisation's (regional) commission, II for the republican one. */
    stage: text('stage', { enum: COMMISSION_STAGES })
      .notNull()
      .generatedAlwaysAs(sql`CASE WHEN level = 'regional' THEN 'I' ELSE 'II' END`),
    /** Stage I (regional) commissions: the member organisation whose stage I it holds; none for stage II. */
    memberOrganisationId: uuid('member_organisation_id').references(() => competitionMemberOrganisations.id),
    /** The decision forming it (number and date), as written. */
    formedBy: text('formed_by').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('competition_commissions_republican')
      .on(t.yearId)
      .where(sql`level = 'republican'`),
    uniqueIndex('competition_commissions_regional')
      .on(t.yearId, t.memberOrganisationId)
      .where(sql`level = 'regional'`),
    check('competition_commissions_stage_one_member_organisation', sql`(level = 'regional') = (member_organisation_id IS NOT NULL)`),
  ],
);

/** A commission's members; one chairs. A member's own member organisation is kept for recusal. */
export const competitionCommissionMembers = pgTable(
  'competition_commission_members',
  {
    commissionId: uuid('commission_id')
      .notNull()
      .references(() => competitionCommissions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    /** The member organisation the member comes from, if any: its candidates are not theirs to review. */
    memberOrganisationId: uuid('member_organisation_id').references(() => competitionMemberOrganisations.id),
    chair: boolean('chair').notNull(),
    /** The order members were added in, even within one millisecond: the protocol lists them so, and its hash must not vary. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: timestamp('added_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.commissionId, t.userId] }),
    uniqueIndex('competition_commission_members_chair')
      .on(t.commissionId)
      .where(sql`chair`),
  ],
);

/**
 * RC-19: a member's review of one indicator of one application — the count accepted and, when it is
 * lower than claimed, the written reason. Append-only: a member revising adds a review.
 */
export const competitionReviews = pgTable(
  'competition_reviews',
  {
    id: uuid('id').primaryKey(),
    /** The order reviews were made in (a member's later review replaces their earlier one), even within one millisecond. */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => competitionApplications.id),
    commissionId: uuid('commission_id')
      .notNull()
      .references(() => competitionCommissions.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => users.id),
    indicatorId: text('indicator_id', { enum: INDICATOR_IDS }).notNull(),
    claimedCount: integer('claimed_count').notNull(),
    acceptedCount: integer('accepted_count').notNull(),
    acceptedPositive: integer('accepted_positive').notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('competition_reviews_application').on(t.applicationId)],
);

/**
 * RC-10 (points 10, 11, 20): a member organisation's stage I result in one group — its commission's
 * chair records the candidate with the most points (by the accepted counts) as the one going to
 * stage II; when others share that total, with the commission's reason. Write-once.
 */
export const competitionStageOneResults = pgTable(
  'competition_stage_one_results',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    yearId: uuid('year_id')
      .notNull()
      .references(() => competitionYears.id),
    commissionId: uuid('commission_id')
      .notNull()
      .references(() => competitionCommissions.id),
    memberOrganisationId: uuid('member_organisation_id')
      .notNull()
      .references(() => competitionMemberOrganisations.id),
    group: integer('group').notNull(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => competitionApplications.id),
    /** The candidate's stage I total by the accepted counts when selected. */
    total: integer('total').notNull(),
    /** Candidates with the same total the commission chose between (its reason is then required). */
    tiedWith: uuid('tied_with').array().notNull(),
    reason: text('reason').notNull(),
    decidedBy: uuid('decided_by')
      .notNull()
      .references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('competition_stage_one_results_year').on(t.yearId, t.memberOrganisationId)],
);
