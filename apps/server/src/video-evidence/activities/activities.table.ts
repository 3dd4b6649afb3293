import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { users } from '../../kernel/users/users.table.ts';

/**
 * R444-4: the kinds of control activity recorders are issued for. The act lists
 * preventive control with a visit, inspections (permit-compliance checks,
 * unscheduled inspections) and administrative offence cases in point 12;
 * investigation is named in point 4 but has no retention period in point 12.
 */
export const ACTIVITY_TYPES = [
  'preventive_control_visit',
  'permit_compliance_check',
  'unscheduled_inspection',
  'administrative_offence',
  'investigation',
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export const activities = pgTable(
  'activities',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    type: text('type', { enum: ACTIVITY_TYPES }).notNull(),
    referenceNumber: text('reference_number').notNull(),
    subjectBin: text('subject_bin').notNull(),
    subjectName: text('subject_name').notNull(),
    objectName: text('object_name').notNull(),
    objectAddress: text('object_address').notNull(),
    plannedStart: timestamp('planned_start', { withTimezone: true, mode: 'date' }).notNull(),
    plannedEnd: timestamp('planned_end', { withTimezone: true, mode: 'date' }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('activities_org_start').on(t.organisationId, t.plannedStart)],
);

export const activityInspectors = pgTable(
  'activity_inspectors',
  {
    activityId: uuid('activity_id')
      .notNull()
      .references(() => activities.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.userId] })],
);
