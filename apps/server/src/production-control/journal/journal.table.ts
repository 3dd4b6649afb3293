import { bigint, jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { JournalEntryContent } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { pcInspections } from '../inspections/inspections.table.ts';

/**
 * R315-12: the production-control journal (Appendix 2). An entry is written when an inspection is
 * completed and never changes (a trigger refuses it); later events are new entries.
 */
export const pcJournalEntries = pgTable(
  'pc_journal_entries',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Entry number within the organisation's journal, from 1. */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => pcInspections.id),
    content: jsonb('content').$type<JournalEntryContent>().notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_journal_entries_org_seq').on(t.organisationId, t.seq)],
);
