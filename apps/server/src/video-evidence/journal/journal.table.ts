import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { recorders } from '../recorders/recorders.table.ts';
import { activities } from '../activities/activities.table.ts';

/** R444-9: a journal book registered in the chancellery; one open at a time per subdivision. */
export const journals = pgTable(
  'journals',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    registrationNumber: text('registration_number').notNull(),
    registrationDate: date('registration_date', { mode: 'string' }).notNull(),
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    endedOn: date('ended_on', { mode: 'string' }),
    sheetCount: integer('sheet_count'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('journals_one_open')
      .on(t.organisationId)
      .where(sql`ended_on IS NULL`),
  ],
);

export const ISSUE_SIGNATURE_METHODS = ['credentials_at_counter', 'own_device'] as const;
export const RETURN_CONDITIONS = ['serviceable', 'damaged'] as const;

/**
 * One row of Appendix 1. Issue columns are written once; return columns once;
 * striking once. A trigger refuses any other change, and the ledger holds every
 * value so a direct edit is caught by verification.
 */
export const journalEntries = pgTable(
  'journal_entries',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    journalId: uuid('journal_id')
      .notNull()
      .references(() => journals.id),
    number: integer('number').notNull(),
    recorderId: uuid('recorder_id')
      .notNull()
      .references(() => recorders.id),
    inventoryNumber: text('inventory_number').notNull(),
    inspectorId: uuid('inspector_id')
      .notNull()
      .references(() => users.id),
    inspectorName: text('inspector_name').notNull(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    issuedByName: text('issued_by_name').notNull(),
    inspectorSignedAt: timestamp('inspector_signed_at', { withTimezone: true, mode: 'date' }),
    signatureMethod: text('signature_method', { enum: ISSUE_SIGNATURE_METHODS }).notNull(),
    batteryPercent: integer('battery_percent').notNull(),
    clockConfirmed: boolean('clock_confirmed').notNull(),
    clockOffsetSeconds: integer('clock_offset_seconds').notNull().default(0),
    note: text('note').notNull().default(''),
    returnedAt: timestamp('returned_at', { withTimezone: true, mode: 'date' }),
    returnReceivedBy: uuid('return_received_by').references(() => users.id),
    returnReceivedByName: text('return_received_by_name'),
    returnCondition: text('return_condition', { enum: RETURN_CONDITIONS }),
    returnNote: text('return_note'),
    struckAt: timestamp('struck_at', { withTimezone: true, mode: 'date' }),
    struckBy: uuid('struck_by').references(() => users.id),
    struckByName: text('struck_by_name'),
    strikeReason: text('strike_reason'),
    correctsEntryId: uuid('corrects_entry_id'),
    /**
     * R444-8/R444-9: a correction that leaves the signer unchanged carries the
     * inspector's signature over from the entry where it was given (this id);
     * null where the signature (or its pending state) belongs to this entry.
     */
    signatureCarriedFrom: uuid('signature_carried_from'),
  },
  (t) => [
    uniqueIndex('journal_entries_number').on(t.journalId, t.number),
    index('journal_entries_recorder').on(t.recorderId),
    index('journal_entries_inspector').on(t.organisationId, t.inspectorId),
  ],
);
