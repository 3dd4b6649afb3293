import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

export const FINDING_KINDS = ['gap', 'missing_sequence', 'late_start', 'early_end', 'clock_offset', 'integrity'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_DECISIONS = ['explained', 'disciplinary_referral'] as const;

/**
 * R444-17/19: where recording stopped that should not have. A finding is
 * detected once (its key is stable) and is never removed; the head's
 * annotation is added beside it, as a ledger entry.
 */
export const continuityFindings = pgTable(
  'continuity_findings',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    journalEntryId: uuid('journal_entry_id'),
    recordingId: uuid('recording_id'),
    kind: text('kind', { enum: FINDING_KINDS }).notNull(),
    key: text('key').notNull(),
    details: jsonb('details').notNull(),
    detectedAt: timestamp('detected_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('continuity_findings_key').on(t.organisationId, t.key), index('continuity_findings_entry').on(t.journalEntryId)],
);

export const findingAnnotations = pgTable('finding_annotations', {
  id: uuid('id').primaryKey(),
  findingId: uuid('finding_id')
    .notNull()
    .references(() => continuityFindings.id),
  decision: text('decision', { enum: FINDING_DECISIONS }).notNull(),
  note: text('note').notNull(),
  annotatedBy: uuid('annotated_by')
    .notNull()
    .references(() => users.id),
  annotatedAt: timestamp('annotated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
