import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  CAPA_KINDS,
  CAPA_MEASURE_STATUSES,
  CAPA_SOURCES,
  CAPA_STATUSES,
  PLAN_PROPOSAL_KINDS,
  PLAN_PROPOSAL_STATUSES,
} from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcViolations } from '../violations/violations.table.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * R315-21 (point 22(2)): the organisation's taxonomy of causes — categories (parent null) and their
 * sub-causes, named in kk/ru/en. Data, not code: the head or the service's head edits it; a cause
 * already recorded is retired (kept for the records that name it), never deleted.
 */
export const pcCauseCategories = pgTable(
  'pc_cause_categories',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    parentId: uuid('parent_id'),
    code: text('code').notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    retiredAt: at('retired_at'),
    retiredBy: uuid('retired_by').references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('pc_cause_categories_org_code').on(t.organisationId, t.code)],
);

/**
 * A CAPA: corrective (from violations, point 22) or preventive (from an information source or a
 * forecast, point 23). `round` counts the rounds of measures: an evaluation "not effective" starts
 * the next. A trigger (migration) refuses `closed` without an effective evaluation of the current
 * round, and any change to a closed CAPA.
 */
export const pcCapas = pgTable(
  'pc_capas',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    kind: text('kind', { enum: CAPA_KINDS }).notNull(),
    title: text('title').notNull(),
    facilityId: uuid('facility_id').references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    /** Preventive: the information source (point 23(1)), what it says, and the forecast (23(2)). */
    source: text('source', { enum: CAPA_SOURCES }),
    sourceReference: text('source_reference'),
    forecast: text('forecast'),
    status: text('status', { enum: CAPA_STATUSES }).notNull(),
    round: integer('round').notNull().default(1),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    openedAt: at('opened_at').notNull(),
    closedBy: uuid('closed_by').references(() => users.id),
    closedAt: at('closed_at'),
    closingNote: text('closing_note'),
  },
  (t) => [uniqueIndex('pc_capas_org_number').on(t.organisationId, t.number), index('pc_capas_org_status').on(t.organisationId, t.status)],
);

/** The violations a corrective CAPA groups (one, or a group with a common cause). */
export const pcCapaViolations = pgTable(
  'pc_capa_violations',
  {
    capaId: uuid('capa_id')
      .notNull()
      .references(() => pcCapas.id),
    violationId: uuid('violation_id')
      .notNull()
      .references(() => pcViolations.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [primaryKey({ columns: [t.capaId, t.violationId] }), index('pc_capa_violations_violation').on(t.violationId)],
);

/** The cause register (point 22(2)): a root (or, preventive, possible) cause with its analysis. Write-once. */
export const pcCapaCauses = pgTable(
  'pc_capa_causes',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    capaId: uuid('capa_id')
      .notNull()
      .references(() => pcCapas.id),
    causeCategoryId: uuid('cause_category_id')
      .notNull()
      .references(() => pcCauseCategories.id),
    analysis: text('analysis').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: at('recorded_at').notNull(),
  },
  (t) => [index('pc_capa_causes_capa').on(t.capaId), index('pc_capa_causes_category').on(t.causeCategoryId)],
);

/** The first head's decision approving measures (point 22(4); the management decision of 23(3)). Write-once. */
export const pcCapaDecisions = pgTable('pc_capa_decisions', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  capaId: uuid('capa_id')
    .notNull()
    .references(() => pcCapas.id),
  number: text('number').notNull(),
  decidedOn: date('decided_on', { mode: 'string' }).notNull(),
  text: text('text').notNull(),
  decidedBy: uuid('decided_by')
    .notNull()
    .references(() => users.id),
  decidedAt: at('decided_at').notNull(),
});

/** A measure against a recorded cause: who, by when, with what resources; approved by a decision; done with a report. */
export const pcCapaMeasures = pgTable(
  'pc_capa_measures',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    capaId: uuid('capa_id')
      .notNull()
      .references(() => pcCapas.id),
    causeId: uuid('cause_id')
      .notNull()
      .references(() => pcCapaCauses.id),
    round: integer('round').notNull(),
    description: text('description').notNull(),
    responsibleId: uuid('responsible_id')
      .notNull()
      .references(() => users.id),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    resources: text('resources').notNull(),
    status: text('status', { enum: CAPA_MEASURE_STATUSES }).notNull(),
    decisionId: uuid('decision_id').references(() => pcCapaDecisions.id),
    addedBy: uuid('added_by')
      .notNull()
      .references(() => users.id),
    addedAt: at('added_at').notNull(),
    doneBy: uuid('done_by').references(() => users.id),
    doneAt: at('done_at'),
    doneReport: text('done_report'),
  },
  (t) => [index('pc_capa_measures_capa').on(t.capaId)],
);

/** The effectiveness evaluation of a round's measures (by whom, when, evidence, effective yes/no). Write-once. */
export const pcCapaEvaluations = pgTable(
  'pc_capa_evaluations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    capaId: uuid('capa_id')
      .notNull()
      .references(() => pcCapas.id),
    round: integer('round').notNull(),
    effective: boolean('effective').notNull(),
    evidence: text('evidence').notNull(),
    evaluatedBy: uuid('evaluated_by')
      .notNull()
      .references(() => users.id),
    evaluatedAt: at('evaluated_at').notNull(),
  },
  (t) => [uniqueIndex('pc_capa_evaluations_capa_round').on(t.capaId, t.round)],
);

/** Point 23(4): the information on preventive actions taken, presented to the organisation's management. Write-once. */
export const pcCapaManagementReports = pgTable('pc_capa_management_reports', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  capaId: uuid('capa_id')
    .notNull()
    .references(() => pcCapas.id),
  text: text('text').notNull(),
  reportedBy: uuid('reported_by')
    .notNull()
    .references(() => users.id),
  reportedAt: at('reported_at').notNull(),
});

/**
 * Point 21: what the year's CAPAs propose for next year's plan, decided by the first head. An accepted
 * inspection may become a draft line of that year's schedule (`schedule_item_id`).
 */
export const pcPlanProposals = pgTable(
  'pc_plan_proposals',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: PLAN_PROPOSAL_KINDS }).notNull(),
    text: text('text').notNull(),
    facilityId: uuid('facility_id').references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    capaId: uuid('capa_id')
      .notNull()
      .references(() => pcCapas.id),
    status: text('status', { enum: PLAN_PROPOSAL_STATUSES }).notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: at('proposed_at').notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
    rejectionReason: text('rejection_reason'),
    /** No foreign key: a draft line may still be removed from the draft schedule (schedule/), the proposal keeps its id. */
    scheduleItemId: uuid('schedule_item_id'),
  },
  (t) => [index('pc_plan_proposals_org_year').on(t.organisationId, t.year)],
);
