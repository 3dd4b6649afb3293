import { bigint, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';
import { pcInspections } from '../inspections/inspections.table.ts';

/** Point 4: accidents (авария), incidents (инцидент) and injuries caused by an accident (жазатайым оқиға). */
export const ACCIDENT_KINDS = ['accident', 'incident', 'injury'] as const;
/** registered → under investigation (a commission appointed) → investigated (the act signed). */
export const ACCIDENT_STATUSES = ['registered', 'under_investigation', 'investigated'] as const;

/**
 * The register of accidents, incidents and accident-caused injuries at the organisation's HPFs
 * (R315-4, R315-6, R315-26 section 6). What happened is recorded once (occurred_at is never
 * edited); the investigation follows. An accident or injury opens an extraordinary inspection of
 * part 1 (R315-8): the link is kept here.
 */
export const pcAccidents = pgTable(
  'pc_accidents',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Register number, per organisation and year: АО-2026/001. */
    number: text('number').notNull(),
    kind: text('kind', { enum: ACCIDENT_KINDS }).notNull(),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true, mode: 'date' }).notNull(),
    place: text('place').notNull(),
    description: text('description').notNull(),
    /** Consequences: damage, downtime, release of hazardous substances. */
    consequences: text('consequences').notNull().default(''),
    injured: integer('injured').notNull().default(0),
    fatalities: integer('fatalities').notNull().default(0),
    status: text('status', { enum: ACCIDENT_STATUSES }).notNull(),
    /** The extraordinary inspection opened by the head's order after it (R315-8). */
    extraordinaryInspectionId: uuid('extraordinary_inspection_id').references(() => pcInspections.id),
    registeredBy: uuid('registered_by')
      .notNull()
      .references(() => users.id),
    registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('pc_accidents_org_number').on(t.organisationId, t.number),
    index('pc_accidents_org_occurred').on(t.organisationId, t.occurredAt),
  ],
);

/** A member of the investigating commission, as named in the order appointing it. */
export type CommissionMember = { fullName: string; position: string; role: 'chair' | 'member' };

/**
 * The investigation (R315-4): the commission appointed by order, then the act with its causes.
 * One per accident; the act's file is a write-once store object.
 */
export const pcAccidentInvestigations = pgTable('pc_accident_investigations', {
  accidentId: uuid('accident_id')
    .primaryKey()
    .references(() => pcAccidents.id),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  orderNumber: text('order_number').notNull(),
  orderDate: date('order_date', { mode: 'string' }).notNull(),
  commission: jsonb('commission').$type<CommissionMember[]>().notNull(),
  startedBy: uuid('started_by')
    .notNull()
    .references(() => users.id),
  startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** The investigation act, once signed. */
  actNumber: text('act_number'),
  actDate: date('act_date', { mode: 'string' }),
  causes: text('causes'),
  actSha256: text('act_sha256'),
  actMime: text('act_mime'),
  actSize: bigint('act_size', { mode: 'number' }),
  actFileName: text('act_file_name'),
  completedBy: uuid('completed_by').references(() => users.id),
  completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
});

/** The measures the investigation act prescribes, each to a responsible person by a date. */
export const pcAccidentMeasures = pgTable(
  'pc_accident_measures',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    accidentId: uuid('accident_id')
      .notNull()
      .references(() => pcAccidents.id),
    measure: text('measure').notNull(),
    responsible: text('responsible').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    doneOn: date('done_on', { mode: 'string' }),
    doneRecordedBy: uuid('done_recorded_by').references(() => users.id),
  },
  (t) => [index('pc_accident_measures_accident').on(t.accidentId)],
);
