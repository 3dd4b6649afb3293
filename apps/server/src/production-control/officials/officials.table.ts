import { date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PC_POSITIONS } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * R315-3: an official of the production-control service is appointed by the head's order (number,
 * date, person, scope: facilities and units). Rows are history; ending an appointment sets validTo.
 * An inspection is conducted only by an official whose appointment in force covers its facility.
 */
export const pcOfficialAppointments = pgTable(
  'pc_official_appointments',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => users.id),
    /** Head of the production-control service, or an official of it. */
    position: text('position', { enum: PC_POSITIONS }).notNull(),
    orderNumber: text('order_number').notNull(),
    orderDate: date('order_date', { mode: 'string' }).notNull(),
    /** Facilities in scope; units in scope (empty = every unit of those facilities). */
    facilityIds: uuid('facility_ids').array().notNull(),
    unitIds: uuid('unit_ids').array().notNull(),
    validFrom: date('valid_from', { mode: 'string' }).notNull(),
    validTo: date('valid_to', { mode: 'string' }),
    endReason: text('end_reason'),
    appointedBy: uuid('appointed_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('pc_official_appointments_org_person').on(t.organisationId, t.personId)],
);
