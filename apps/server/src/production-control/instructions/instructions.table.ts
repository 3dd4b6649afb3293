import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { DEADLINE_AGREEMENTS, PC_ORDER_KINDS } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcInspections } from '../inspections/inspections.table.ts';
import { pcViolations } from '../violations/violations.table.ts';

/** The head's orders this rule set records: opening an extraordinary inspection, naming performers, cancelling an instruction, the comprehensive inspection's result per subdivision. */
export const pcOrders = pgTable(
  'pc_orders',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: PC_ORDER_KINDS }).notNull(),
    number: text('number').notNull(),
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    signedBy: uuid('signed_by')
      .notNull()
      .references(() => users.id),
    inspectionId: uuid('inspection_id').references(() => pcInspections.id),
    instructionId: uuid('instruction_id'),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    /** The order's own content (assessment, measures, penalties, performers …), as signed. */
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_orders_org_kind_number').on(t.organisationId, t.kind, t.number)],
);

/** R315-15: the act handed to the unit head after an inspection. */
export const pcActs = pgTable(
  'pc_acts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .unique()
      .references(() => pcInspections.id),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    unitHeadId: uuid('unit_head_id').references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_acts_org_number').on(t.organisationId, t.number)],
);

/**
 * R315-15, R315-16: the binding instruction to the unit head. It closes only when every item is
 * verified eliminated; it is cancelled only by the first head's written order (R315-4).
 */
export const pcInstructions = pgTable(
  'pc_instructions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .unique()
      .references(() => pcInspections.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    number: text('number').notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    unitHeadId: uuid('unit_head_id').references(() => users.id),
    status: text('status', { enum: ['issued', 'closed', 'cancelled'] }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    cancelOrderId: uuid('cancel_order_id').references(() => pcOrders.id),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('pc_instructions_org_number').on(t.organisationId, t.number),
    index('pc_instructions_org_status').on(t.organisationId, t.status),
  ],
);

/**
 * One item of an instruction (R315-16, R315-17): the violation with its normative reference, the
 * measure, the performer and the deadline agreed with the unit head; a disagreement is settled by
 * the first head, whose decision is recorded.
 */
export const pcInstructionItems = pgTable(
  'pc_instruction_items',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    instructionId: uuid('instruction_id')
      .notNull()
      .references(() => pcInstructions.id),
    position: integer('position').notNull(),
    violationId: uuid('violation_id')
      .notNull()
      .unique()
      .references(() => pcViolations.id),
    measure: text('measure').notNull(),
    performerId: uuid('performer_id')
      .notNull()
      .references(() => users.id),
    /**
     * The performer works outside the unit (R315-17): the item waits for the first head's
     * organisation-wide order naming them (performerOrderId); until then it cannot be reported done.
     */
    performerOutsideUnit: boolean('performer_outside_unit').notNull().default(false),
    performerOrderId: uuid('performer_order_id').references(() => pcOrders.id),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    agreement: text('agreement', { enum: DEADLINE_AGREEMENTS }).notNull(),
    /** The deadline the unit head proposed instead, and the first head's settlement. */
    proposedDeadline: date('proposed_deadline', { mode: 'string' }),
    disagreementReason: text('disagreement_reason'),
    settledBy: uuid('settled_by').references(() => users.id),
    settledAt: timestamp('settled_at', { withTimezone: true, mode: 'date' }),
    settlementNote: text('settlement_note'),
  },
  (t) => [
    uniqueIndex('pc_instruction_items_position').on(t.instructionId, t.position),
    index('pc_instruction_items_performer').on(t.performerId),
  ],
);
