import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/** Changed only by the journal and breakage use cases, each a ledger entry (R444-7, R444-20). */
export const RECORDER_STATUSES = ['in_storage', 'issued', 'broken', 'under_repair', 'written_off'] as const;
export type RecorderStatus = (typeof RECORDER_STATUSES)[number];

export const recorders = pgTable(
  'recorders',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    inventoryNumber: text('inventory_number').notNull(),
    serialNumber: text('serial_number').notNull(),
    model: text('model').notNull(),
    notes: text('notes').notNull().default(''),
    status: text('status', { enum: RECORDER_STATUSES }).notNull().default('in_storage'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('recorders_org_inventory').on(t.organisationId, t.inventoryNumber),
    index('recorders_org_status').on(t.organisationId, t.status),
  ],
);

/** R444-20: a breakage report; open until the recorder is marked repaired or written off. */
export const breakageReports = pgTable('breakage_reports', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  recorderId: uuid('recorder_id')
    .notNull()
    .references(() => recorders.id),
  reportedBy: uuid('reported_by')
    .notNull()
    .references(() => users.id),
  reportedAt: timestamp('reported_at', { withTimezone: true, mode: 'date' }).notNull(),
  description: text('description').notNull(),
  journalEntryId: uuid('journal_entry_id'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
  resolvedBy: uuid('resolved_by').references(() => users.id),
  resolution: text('resolution'),
});
