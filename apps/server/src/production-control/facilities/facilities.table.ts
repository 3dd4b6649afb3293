import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { HAZARD_FEATURES } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * A hazardous production facility (HPF) the organisation operates, with its registration data and
 * hazard features, and the safe-operation conditions the official reads before each inspection
 * (R315-9). A facility is decommissioned, never deleted: its inspections stay evidence.
 */
export const pcFacilities = pgTable(
  'pc_facilities',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** Number in the state register of hazardous production facilities. */
    registrationNumber: text('registration_number').notNull(),
    address: text('address').notNull(),
    hazardFeatures: text('hazard_features', { enum: HAZARD_FEATURES }).array().notNull(),
    /** Safe-operation conditions shown in the pre-inspection brief (R315-9). */
    safeOperationConditions: text('safe_operation_conditions').notNull().default(''),
    commissionedOn: date('commissioned_on', { mode: 'string' }),
    decommissionedOn: date('decommissioned_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_facilities_org_registration').on(t.organisationId, t.registrationNumber)],
);

/** A structural unit of a facility and its head (the addressee of acts and instructions, R315-15). */
export const pcUnits = pgTable(
  'pc_units',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => pcFacilities.id),
    name: text('name').notNull(),
    /** The unit head's account (role unit_head); null while the post is vacant. */
    headId: uuid('head_id').references(() => users.id),
    closedOn: date('closed_on', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_units_facility_name').on(t.facilityId, t.name), index('pc_units_org').on(t.organisationId)],
);
