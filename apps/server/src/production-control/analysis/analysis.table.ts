import { boolean, doublePrecision, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INDICATOR_DIRECTIONS, INDICATOR_FORMULAS, type AnalysisDirection, type AnnualAnalysisFigures } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * R315-20: an efficiency indicator as data — names, one computation from the fixed set the code
 * implements, a target and its direction. The defaults live in code (version 0); an edit by the
 * head or the service's head is a new write-once version here, and the latest version counts.
 */
export const pcIndicatorDefinitions = pgTable(
  'pc_indicator_definitions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    formula: text('formula', { enum: INDICATOR_FORMULAS }).notNull(),
    target: doublePrecision('target').notNull(),
    direction: text('direction', { enum: INDICATOR_DIRECTIONS }).notNull(),
    active: boolean('active').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_indicator_definitions_version').on(t.organisationId, t.code, t.version)],
);

/** R315-20: the year's analysis as presented to the head — figures and directions frozen (write-once versions). */
export const pcAnnualAnalyses = pgTable(
  'pc_annual_analyses',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    version: integer('version').notNull(),
    figures: jsonb('figures').$type<AnnualAnalysisFigures>().notNull(),
    directions: jsonb('directions').$type<AnalysisDirection[]>().notNull(),
    /** SHA-256 of figures and directions as presented: what the approval and the ledger refer to. */
    sha256: text('sha256').notNull(),
    presentedBy: uuid('presented_by')
      .notNull()
      .references(() => users.id),
    presentedAt: timestamp('presented_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_annual_analyses_org_year_version').on(t.organisationId, t.year, t.version)],
);

/** The head's approval of one presented version (write-once; at most one per version). */
export const pcAnnualAnalysisApprovals = pgTable('pc_annual_analysis_approvals', {
  analysisId: uuid('analysis_id')
    .primaryKey()
    .references(() => pcAnnualAnalyses.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  approvedBy: uuid('approved_by')
    .notNull()
    .references(() => users.id),
  approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }).notNull(),
});
