import { bigint, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Which check found an object damaged. */
export const DAMAGE_CHECKS = ['scrub', 'read', 'package_build', 'package_download'] as const;
export type DamageCheck = (typeof DAMAGE_CHECKS)[number];

/**
 * R444-13: stored objects known to be damaged (bytes that no longer hash to their address, or gone),
 * with the first detection: when, by which check, what was found. Append-only (a trigger refuses
 * UPDATE and DELETE): a damaged object is never "repaired" silently. Objects are content-addressed
 * and may be shared, so the row names the object; the rows that use it say which organisations care.
 */
export const damagedObjects = pgTable(
  'damaged_objects',
  {
    id: uuid('id').primaryKey(),
    sha256: text('sha256').notNull(),
    /** The SHA-256 and size of the bytes found; null when the object was missing or unreadable. */
    foundSha256: text('found_sha256'),
    foundSize: bigint('found_size', { mode: 'number' }),
    detectedAt: timestamp('detected_at', { withTimezone: true, mode: 'date' }).notNull(),
    detectedBy: text('detected_by', { enum: DAMAGE_CHECKS }).notNull(),
  },
  (t) => [uniqueIndex('damaged_objects_sha').on(t.sha256)],
);
