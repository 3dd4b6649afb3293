import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { FormColumn } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * The printed forms' columns as data (the schedule of Appendix 1, the journal of Appendix 2): our copy
 * of the act lacks the appendices, so an organisation drops in the official layout without code.
 * Without a row the defaults in code apply.
 */
export const pcFormDefinitions = pgTable(
  'pc_form_definitions',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    form: text('form', { enum: ['schedule', 'journal'] }).notNull(),
    columns: jsonb('columns').$type<FormColumn[]>().notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_form_definitions_org_form').on(t.organisationId, t.form)],
);
