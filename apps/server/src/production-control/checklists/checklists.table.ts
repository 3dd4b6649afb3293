import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { ChecklistQuestion } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/** A checklist template (its identity); its content lives in versions. */
export const pcChecklists = pgTable('pc_checklists', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  title: text('title').notNull(),
  /** A comprehensive-inspection programme (R315-11) or an ordinary checklist. */
  purpose: text('purpose', { enum: ['inspection', 'comprehensive_programme'] })
    .notNull()
    .default('inspection'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * One version of a checklist: a draft is edited, a published version never changes (a trigger
 * refuses it), and an inspection pins the published version it used and keeps its own snapshot of
 * the questions, so editing a template never changes a past inspection.
 */
export const pcChecklistVersions = pgTable(
  'pc_checklist_versions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    checklistId: uuid('checklist_id')
      .notNull()
      .references(() => pcChecklists.id),
    version: integer('version').notNull(),
    status: text('status', { enum: ['draft', 'published'] }).notNull(),
    questions: jsonb('questions').$type<ChecklistQuestion[]>().notNull(),
    /** Approval of a comprehensive programme (R315-11) is its publication by the first head. */
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('pc_checklist_versions_number').on(t.checklistId, t.version),
    index('pc_checklist_versions_org').on(t.organisationId),
  ],
);
