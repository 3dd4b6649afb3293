import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';
import { pcChecklists } from '../checklists/checklists.table.ts';
import { pcFacilities, pcUnits } from '../facilities/facilities.table.ts';

/**
 * R315-7: the yearly inspection schedule (Appendix 1), approved by the first head. A draft is edited;
 * an approved schedule changes only through a new revision that is approved again (each revision is
 * kept, so what was approved on a given day stays provable).
 */
export const pcSchedules = pgTable(
  'pc_schedules',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    year: integer('year').notNull(),
    revision: integer('revision').notNull(),
    status: text('status', { enum: ['draft', 'approved', 'superseded'] }).notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('pc_schedules_org_year_revision').on(t.organisationId, t.year, t.revision)],
);

/** One planned inspection of a facility (and unit) on a date, with its checklist and responsible official. */
export const pcScheduleItems = pgTable(
  'pc_schedule_items',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    scheduleId: uuid('schedule_id')
      .notNull()
      .references(() => pcSchedules.id),
    facilityId: uuid('facility_id')
      .notNull()
      .references(() => pcFacilities.id),
    unitId: uuid('unit_id').references(() => pcUnits.id),
    kind: text('kind', { enum: ['scheduled', 'comprehensive'] }).notNull(),
    plannedOn: date('planned_on', { mode: 'string' }).notNull(),
    checklistId: uuid('checklist_id')
      .notNull()
      .references(() => pcChecklists.id),
    responsibleOfficialId: uuid('responsible_official_id')
      .notNull()
      .references(() => users.id),
    /** Carried over from the previous revision (same planned inspection), so the inspection link survives a revision. */
    previousItemId: uuid('previous_item_id'),
    /** The reminder before the due date was sent (notifications job). */
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('pc_schedule_items_schedule').on(t.scheduleId), index('pc_schedule_items_org_planned').on(t.organisationId, t.plannedOn)],
);
