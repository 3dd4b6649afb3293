import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { activities } from './activities.table.ts';

/**
 * The activity's materials (acts, protocols, instructions as PDF), kept in the
 * write-once store beside the recordings and sent with them in packages (R444-14).
 */
export const activityMaterials = pgTable(
  'activity_materials',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    title: text('title').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('activity_materials_activity').on(t.activityId)],
);
