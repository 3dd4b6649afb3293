import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { recordings } from '../recordings/recordings.table.ts';
import { users } from '../../kernel/users/users.table.ts';

export const HOLD_SOURCES = ['head', 'package'] as const;

/**
 * A legal hold keeps a recording past its expiry (R444-12, R444-14): placed by
 * the head with a reason and case reference, or by a court/authority package;
 * lifted only by the head with a reason. The row is never deleted.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id),
    source: text('source', { enum: HOLD_SOURCES }).notNull(),
    packageId: uuid('package_id'),
    reason: text('reason').notNull(),
    reference: text('reference').notNull(),
    placedBy: uuid('placed_by')
      .notNull()
      .references(() => users.id),
    placedAt: timestamp('placed_at', { withTimezone: true, mode: 'date' }).notNull(),
    liftedBy: uuid('lifted_by').references(() => users.id),
    liftedAt: timestamp('lifted_at', { withTimezone: true, mode: 'date' }),
    liftReason: text('lift_reason'),
  },
  (t) => [
    index('legal_holds_active')
      .on(t.recordingId)
      .where(sql`lifted_at IS NULL`),
    index('legal_holds_org').on(t.organisationId, t.placedAt),
  ],
);

/** A deletion act (R444-6, R444-12): one batch executed by the responsible person. */
export const deletionActs = pgTable(
  'deletion_acts',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** "<year>-<n>", numbered per organisation and calendar year. */
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    executedBy: uuid('executed_by')
      .notNull()
      .references(() => users.id),
    executedAt: timestamp('executed_at', { withTimezone: true, mode: 'date' }).notNull(),
    recordingCount: integer('recording_count').notNull(),
    totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
    /** SHA-256 of the act's canonical content (the list of deleted recordings), printed on the PDF and in the ledger. */
    contentHash: text('content_hash').notNull(),
  },
  (t) => [uniqueIndex('deletion_acts_number').on(t.organisationId, t.year, t.seq)],
);

/** The tombstone's deletion half: the recording row itself stays with hash, size and capture times. */
export const recordingDeletions = pgTable('recording_deletions', {
  recordingId: uuid('recording_id')
    .primaryKey()
    .references(() => recordings.id),
  actId: uuid('act_id')
    .notNull()
    .references(() => deletionActs.id),
  activityId: uuid('activity_id'),
  retainUntil: date('retain_until', { mode: 'string' }).notNull(),
  deletedBy: uuid('deleted_by')
    .notNull()
    .references(() => users.id),
  deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }).notNull(),
});
