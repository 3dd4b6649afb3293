import { sql } from 'drizzle-orm';
import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.ts';
import { users } from '../users/users.table.ts';

export const APPOINTMENT_KINDS = ['primary', 'deputy'] as const;

/** R444-6: the head's order appointing the responsible person. Rows are history; ending sets validTo. */
export const appointments = pgTable('appointments', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  personId: uuid('person_id')
    .notNull()
    .references(() => users.id),
  kind: text('kind', { enum: APPOINTMENT_KINDS }).notNull(),
  orderNumber: text('order_number').notNull(),
  orderDate: date('order_date', { mode: 'string' }).notNull(),
  validFrom: date('valid_from', { mode: 'string' }).notNull(),
  validTo: date('valid_to', { mode: 'string' }),
  appointedBy: uuid('appointed_by')
    .notNull()
    .references(() => users.id),
  endReason: text('end_reason'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

/** An appointment in force on `today` (yyyy-mm-dd): this is what makes someone the responsible person. */
export const appointmentActiveOn = (today: string) =>
  sql`${appointments.validFrom} <= ${today} AND (${appointments.validTo} IS NULL OR ${appointments.validTo} >= ${today})`;
