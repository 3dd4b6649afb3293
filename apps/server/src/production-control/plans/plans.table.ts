import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcFacilities } from '../facilities/facilities.table.ts';

/** Point 4: the plan of industrial-safety measures (a year's) and the accident-response plan (a facility's, ПЛА). */
export const PLAN_KINDS = ['safety_measures', 'accident_response'] as const;

/** A plan as a document that lives through versions (R315-4, R315-6, R315-26 sections 1 and 4). */
export const pcPlans = pgTable(
  'pc_plans',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: PLAN_KINDS }).notNull(),
    /** The year a plan of measures is for; null for an accident-response plan. */
    year: integer('year'),
    /** The facility an accident-response plan is for; null for an organisation-wide plan of measures. */
    facilityId: uuid('facility_id').references(() => pcFacilities.id),
    title: text('title').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('pc_plans_org_kind').on(t.organisationId, t.kind)],
);

/**
 * One version of a plan (write-once): its text/summary, the signed document's file and its period of
 * validity (accident-response plans are reviewed periodically). The head approves a version.
 */
export const pcPlanVersions = pgTable(
  'pc_plan_versions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => pcPlans.id),
    version: integer('version').notNull(),
    summary: text('summary').notNull().default(''),
    validFrom: date('valid_from', { mode: 'string' }),
    validUntil: date('valid_until', { mode: 'string' }),
    fileSha256: text('file_sha256'),
    fileMime: text('file_mime'),
    fileSize: bigint('file_size', { mode: 'number' }),
    fileName: text('file_name'),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_plan_versions_plan_version').on(t.planId, t.version)],
);

/** The head's approval of one version (write-once; at most one per version). */
export const pcPlanApprovals = pgTable('pc_plan_approvals', {
  versionId: uuid('version_id')
    .primaryKey()
    .references(() => pcPlanVersions.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  approvedBy: uuid('approved_by')
    .notNull()
    .references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }).notNull(),
  orderNumber: text('order_number'),
});

/** The measures of a plan-of-measures version (part of the version: written with it, never edited). */
export const pcPlanMeasures = pgTable(
  'pc_plan_measures',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    versionId: uuid('version_id')
      .notNull()
      .references(() => pcPlanVersions.id),
    ordinal: integer('ordinal').notNull(),
    measure: text('measure').notNull(),
    facilityId: uuid('facility_id').references(() => pcFacilities.id),
    responsible: text('responsible').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('pc_plan_measures_version_ordinal').on(t.versionId, t.ordinal)],
);

/** A plan measure reported done (write-once; the annual information's section 1 counts these). */
export const pcPlanMeasureCompletions = pgTable('pc_plan_measure_completions', {
  measureId: uuid('measure_id')
    .primaryKey()
    .references(() => pcPlanMeasures.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  doneOn: date('done_on', { mode: 'string' }).notNull(),
  note: text('note').notNull().default(''),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
});
