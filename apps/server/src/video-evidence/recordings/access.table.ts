import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const ACCESS_PURPOSES = [
  'court_or_authority_request',
  'activity_review',
  'disciplinary_review',
  'complaint_handling',
  'retention_review',
  'other',
] as const;

/** R444-21: the purpose stated before the first view or download in a session. */
export const accessPurposes = pgTable('access_purposes', {
  sessionId: text('session_id').primaryKey(),
  userId: uuid('user_id').notNull(),
  organisationId: uuid('organisation_id').notNull(),
  purpose: text('purpose', { enum: ACCESS_PURPOSES }).notNull(),
  note: text('note').notNull(),
  statedAt: timestamp('stated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** One row per (session, recording): the first request of a playback session is the ledger's "viewed" entry. */
export const mediaViews = pgTable(
  'media_views',
  {
    sessionId: text('session_id').notNull(),
    recordingId: uuid('recording_id').notNull(),
    firstAt: timestamp('first_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.recordingId] })],
);
