import { sql } from 'drizzle-orm';
import { bigint, index, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { CARE_TYPES, PLACE_KINDS, ROOM_TYPES } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';

/** The organisation's profile under DSM-335: the types of care it gives (points 8–11). */
export const cctvProfiles = pgTable('cctv_profiles', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id),
  careTypes: text('care_types', { enum: CARE_TYPES })
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * The premises register (R335-2): buildings and mobile medical complexes, their floors, rooms and
 * corridor sections, and perimeter sections outside. A place is never deleted while a camera was
 * ever on it; it is closed (removedAt) instead.
 */
export const cctvPlaces = pgTable(
  'cctv_places',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    parentId: uuid('parent_id').references((): AnyPgColumn => cctvPlaces.id),
    kind: text('kind', { enum: PLACE_KINDS }).notNull(),
    name: text('name').notNull(),
    /** Rooms only: the type from the taxonomy of points 2 and 8–12. */
    roomType: text('room_type', { enum: ROOM_TYPES }),
    /** The unit whose room or corridor it is (e.g. the trauma point), as the organisation names it. */
    unit: text('unit').notNull().default(''),
    /** Floors only: the uploaded floor plan (SVG, PNG or JPEG) in the object store. */
    planSha256: text('plan_sha256'),
    planMime: text('plan_mime'),
    planSize: bigint('plan_size', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('cctv_places_org_parent').on(t.organisationId, t.parentId)],
);
