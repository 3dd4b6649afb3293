import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INSPECTION_KINDS, ITEM_OUTCOMES, SEVERITIES, type NormativeReference } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcChecklistVersions } from '../checklists/checklists.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcScheduleItems } from '../schedule/schedule.table.ts';

/**
 * An inspection: scheduled (R315-7), extraordinary after an accident or an accident-caused injury,
 * opened by the head's order (R315-8), or the annual comprehensive one on an approved programme
 * (R315-11). It pins the published checklist version it used.
 */
export const pcInspections = pgTable(
  'pc_inspections',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    kind: text('kind', { enum: INSPECTION_KINDS }).notNull(),
    scheduleItemId: uuid('schedule_item_id').references(() => pcScheduleItems.id),
    checklistVersionId: uuid('checklist_version_id')
      .notNull()
      .references(() => pcChecklistVersions.id),
    officialId: uuid('official_id')
      .notNull()
      .references(() => users.id),
    /** The head's order opening an extraordinary inspection (R315-8), and its basis. */
    orderNumber: text('order_number'),
    orderDate: date('order_date', { mode: 'string' }),
    basis: text('basis', { enum: ['accident', 'injury'] }),
    basisDescription: text('basis_description'),
    status: text('status', { enum: ['in_progress', 'completed'] }).notNull(),
    /** When the official opened the pre-inspection brief (R315-9). */
    briefSeenAt: timestamp('brief_seen_at', { withTimezone: true, mode: 'date' }),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
    conclusion: text('conclusion'),
  },
  (t) => [
    index('pc_inspections_org_facility_started').on(t.organisationId, t.facilityId, t.startedAt),
    index('pc_inspections_org_unit').on(t.organisationId, t.unitId),
    // A unit's previous inspections, newest first, for the brief (R315-9).
    index('pc_inspections_org_unit_started').on(t.organisationId, t.unitId, t.startedAt),
    // A planned inspection is conducted once (R315-7).
    uniqueIndex('pc_inspections_schedule_item')
      .on(t.scheduleItemId)
      .where(sql`schedule_item_id IS NOT NULL`),
  ],
);

/**
 * The inspection's own checklist: a snapshot of the pinned version's questions, plus re-check items
 * carried over from earlier violations (R315-14). Nothing here follows later template edits.
 */
export const pcInspectionItems = pgTable(
  'pc_inspection_items',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => pcInspections.id),
    position: integer('position').notNull(),
    source: text('source', { enum: ['checklist', 'recheck'] }).notNull(),
    /** The question's id inside its checklist version (for checklist items). */
    questionId: text('question_id'),
    text: text('text').notNull(),
    reference: jsonb('reference').$type<NormativeReference>().notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    /** For re-check items: the earlier violation being re-checked. */
    recheckViolationId: uuid('recheck_violation_id'),
    outcome: text('outcome', { enum: ITEM_OUTCOMES }),
    note: text('note'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    answeredBy: uuid('answered_by').references(() => users.id),
    /** Set by the use case when the answer's violation is recorded; kept for fast briefs. */
    hasViolation: boolean('has_violation').notNull().default(false),
  },
  (t) => [
    uniqueIndex('pc_inspection_items_position').on(t.inspectionId, t.position),
    index('pc_inspection_items_recheck').on(t.recheckViolationId),
  ],
);
