import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { SEVERITIES, VIOLATION_EVENTS, VIOLATION_STATUSES, type NormativeReference } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcInspectionItems, pcInspections } from '../inspections/inspections.table.ts';

/**
 * A violation found at an inspection, chased to closure (R315-27): open → measure reported done (with
 * the performer's evidence) → verified eliminated by the official → re-checked at the next inspection
 * (R315-14), where it is confirmed or reopened. The status moves only through those use cases; every
 * move is an event below and a ledger entry.
 */
export const pcViolations = pgTable(
  'pc_violations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => pcInspections.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => pcInspectionItems.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    description: text('description').notNull(),
    reference: jsonb('reference').$type<NormativeReference>().notNull(),
    severity: text('severity', { enum: SEVERITIES }).notNull(),
    /** Dangerous to life or leading to an accident: a suspension proposal goes to the first head (R315-9). */
    dangerous: boolean('dangerous').notNull().default(false),
    eliminatedOnSpot: boolean('eliminated_on_spot').notNull().default(false),
    status: text('status', { enum: VIOLATION_STATUSES }).notNull(),
    foundAt: timestamp('found_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The instruction's deadline, copied when the instruction is issued (for overdue lists). */
    dueOn: text('due_on'),
    verifiedAt: timestamp('verified_at', { withTimezone: true, mode: 'date' }),
    verifiedBy: uuid('verified_by').references(() => users.id),
    recheckedAt: timestamp('rechecked_at', { withTimezone: true, mode: 'date' }),
    recheckInspectionId: uuid('recheck_inspection_id'),
  },
  (t) => [
    index('pc_violations_org_status').on(t.organisationId, t.status),
    index('pc_violations_org_facility_status').on(t.organisationId, t.facilityId, t.status),
    index('pc_violations_inspection').on(t.inspectionId),
    // The filtered list's keyset order (newest first) and the unit's brief (R315-9).
    index('pc_violations_org_found').on(t.organisationId, t.foundAt.desc(), t.id.desc()),
    index('pc_violations_org_unit_status').on(t.organisationId, t.unitId, t.status),
  ],
);

/** The violation's history (found, measure reported, verified, rejected, re-checked, reopened, escalated). Append-only. */
export const pcViolationEvents = pgTable(
  'pc_violation_events',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    violationId: uuid('violation_id')
      .notNull()
      .references(() => pcViolations.id),
    kind: text('kind', { enum: VIOLATION_EVENTS }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    note: text('note'),
    /** The inspection where a re-check happened. */
    inspectionId: uuid('inspection_id'),
  },
  (t) => [index('pc_violation_events_violation').on(t.violationId, t.at)],
);

/** Photos and documents attached to a finding or to a performer's report (write-once store objects). */
export const pcAttachments = pgTable(
  'pc_attachments',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    violationId: uuid('violation_id')
      .notNull()
      .references(() => pcViolations.id),
    /** What it proves: the finding itself, or the measure reported done. */
    purpose: text('purpose', { enum: ['finding', 'measure_report'] }).notNull(),
    sha256: text('sha256').notNull(),
    mime: text('mime').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    fileName: text('file_name').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('pc_attachments_violation').on(t.violationId)],
);

/**
 * Proposals to the first head (R315-9, R315-27, R315-4): suspend dangerous work, or remove staff
 * without timely training. They reach the head at once (notification) and are tracked to a decision.
 */
export const pcProposals = pgTable(
  'pc_proposals',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind', { enum: ['suspend_work', 'remove_staff'] }).notNull(),
    inspectionId: uuid('inspection_id').references(() => pcInspections.id),
    violationId: uuid('violation_id').references(() => pcViolations.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    description: text('description').notNull(),
    /** For a removal: who is to be removed (full name and position, as written in the proposal). */
    staffMember: text('staff_member'),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true, mode: 'date' }).notNull(),
    status: text('status', { enum: ['pending', 'accepted', 'rejected'] }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decisionNote: text('decision_note'),
    decisionOrderNumber: text('decision_order_number'),
    /** Work resumed / the person returned after training: the proposal's closure (R315-27). */
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'date' }),
    closingNote: text('closing_note'),
  },
  (t) => [index('pc_proposals_org_status').on(t.organisationId, t.status)],
);
