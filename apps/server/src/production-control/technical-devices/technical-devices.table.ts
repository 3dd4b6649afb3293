import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';

/** Point 6: hazardous technical devices (қауіпті техникалық құрылғылар), buildings and structures (ғимараттар мен құрылыстар). */
export const TECHNICAL_OBJECT_KINDS = ['device', 'building', 'structure'] as const;
/** What is done to them and falls due again: technical examination, technical certification, expertise, diagnostics. */
export const EXAMINATION_KINDS = ['technical_examination', 'certification', 'expertise', 'diagnostics'] as const;
export const EXAMINATION_RESULTS = ['fit', 'fit_with_conditions', 'unfit'] as const;

/**
 * Technical devices, buildings and structures of each HPF (R315-4, R315-6, R315-26 section 5).
 * Decommissioned, never deleted.
 */
export const pcTechnicalObjects = pgTable(
  'pc_technical_objects',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    kind: text('kind', { enum: TECHNICAL_OBJECT_KINDS }).notNull(),
    name: text('name').notNull(),
    /** Registration or inventory number. */
    registrationNumber: text('registration_number').notNull(),
    manufacturer: text('manufacturer').notNull().default(''),
    serialNumber: text('serial_number').notNull().default(''),
    commissionedOn: date('commissioned_on', { mode: 'string' }),
    decommissionedOn: date('decommissioned_on', { mode: 'string' }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_technical_objects_org_reg').on(t.organisationId, t.registrationNumber)],
);

/**
 * One examination or certification of an object (write-once) and the date the next one is due: the
 * reminders before expiry and the "overdue" list are computed from the latest row per object and kind.
 */
export const pcTechnicalExaminations = pgTable(
  'pc_technical_examinations',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    objectId: uuid('object_id')
      .notNull()
      .references(() => pcTechnicalObjects.id),
    kind: text('kind', { enum: EXAMINATION_KINDS }).notNull(),
    performedOn: date('performed_on', { mode: 'string' }).notNull(),
    nextDueOn: date('next_due_on', { mode: 'string' }).notNull(),
    result: text('result', { enum: EXAMINATION_RESULTS }).notNull(),
    /** Who did it (an accredited organisation or the commission) and their document. */
    performedBy: text('performed_by').notNull(),
    documentNumber: text('document_number').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('pc_technical_examinations_object_kind').on(t.objectId, t.kind, t.performedOn)],
);

/** A reminder already sent for one due date at one threshold (so the job never repeats it). */
export const pcExaminationReminders = pgTable(
  'pc_examination_reminders',
  {
    examinationId: uuid('examination_id')
      .notNull()
      .references(() => pcTechnicalExaminations.id),
    threshold: text('threshold', { enum: ['30_days', '7_days', 'overdue'] }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_examination_reminders_once').on(t.examinationId, t.threshold)],
);
