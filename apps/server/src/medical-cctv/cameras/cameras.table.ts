import { bigint, boolean, date, index, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CONTROL_OBJECTS } from '@baqylau/contracts';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { cctvPlaces } from '../premises/premises.table.ts';

/**
 * The register of technical means (R335-4 … R335-6): where each camera is, what it covers and why
 * (point 7), whom it observes (point 5), whether the sign hangs there (point 6), and the rules
 * version that allowed it. Every change is a ledger entry; a camera is removed, never deleted.
 */
export const cctvCameras = pgTable(
  'cctv_cameras',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The organisation's own number for it, unique among its cameras. */
    number: text('number').notNull(),
    placeId: uuid('place_id')
      .notNull()
      .references(() => cctvPlaces.id),
    /** Internal (a room) or external (a perimeter section), point 4: derived from the place. */
    placement: text('placement', { enum: ['internal', 'external'] }).notNull(),
    /** What it covers and why it is needed there (point 7). */
    coverage: text('coverage').notNull(),
    controlObjects: text('control_objects', { enum: CONTROL_OBJECTS }).array().notNull(),
    model: text('model').notNull().default(''),
    signInstalled: boolean('sign_installed').notNull().default(false),
    signPhotoSha256: text('sign_photo_sha256'),
    signPhotoMime: text('sign_photo_mime'),
    signPhotoSize: bigint('sign_photo_size', { mode: 'number' }),
    installedOn: date('installed_on', { mode: 'string' }).notNull(),
    removedOn: date('removed_on', { mode: 'string' }),
    /** Position on the floor plan, as fractions of its width and height (0–1). */
    planX: real('plan_x'),
    planY: real('plan_y'),
    /** The placement rules version that judged the current place. */
    rulesId: text('rules_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('cctv_cameras_org_number').on(t.organisationId, t.number), index('cctv_cameras_place').on(t.placeId)],
);
