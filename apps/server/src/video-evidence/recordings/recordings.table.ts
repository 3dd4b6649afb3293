import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../../kernel/organisations/organisations.table.ts';
import { recorders } from '../recorders/recorders.table.ts';

export const RECORDING_STATES = ['stored', 'unreadable'] as const;

/** Why ffprobe could not make a recording of a file (a code, translated where shown). */
export const PROBE_FAILURES = ['media.probe_failed', 'media.no_video_stream'] as const;

/**
 * A recording as evidence (R444-5, R444-13). Written only after its original
 * is committed to the write-once store; identity, hash, size and capture times
 * never change (a trigger refuses it). The journal entry, and with it the
 * inspector and the activity, is derived from the capture time, never typed.
 */
export const recordings = pgTable(
  'recordings',
  {
    id: uuid('id').primaryKey(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    recorderId: uuid('recorder_id')
      .notNull()
      .references(() => recorders.id),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    originalName: text('original_name').notNull(),
    fileSequence: integer('file_sequence'),
    /**
     * Start of recording by the device clock, and corrected by the offset measured at docking.
     * Null when unknown: an unreadable file has no capture time (its file time is not one), and a
     * readable one waits without offset and corrected time until its docking's report arrives.
     */
    deviceStartedAt: timestamp('device_started_at', { withTimezone: true, mode: 'date' }),
    clockOffsetSeconds: integer('clock_offset_seconds'),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    /** The docking (as the agent named it) whose clock offset corrects this recording, if the agent named one. */
    dockingId: uuid('docking_id'),
    /** Which probe failed, for an unreadable recording. */
    probeFailure: text('probe_failure', { enum: PROBE_FAILURES }),
    ingestedAt: timestamp('ingested_at', { withTimezone: true, mode: 'date' }).notNull(),
    uploadId: text('upload_id').notNull(),
    state: text('state', { enum: RECORDING_STATES }).notNull().default('stored'),
    durationMs: integer('duration_ms'),
    probe: jsonb('probe'),
    journalEntryId: uuid('journal_entry_id'),
    attributionReason: text('attribution_reason'),
    /**
     * R444-12: set once, when the recording is linked to an issue (and so to an
     * activity type). The last day it is kept, in the organisation's calendar;
     * null while unattributed, so an unattributed recording never falls due.
     */
    retainUntil: date('retain_until', { mode: 'string' }),
    retentionYears: integer('retention_years'),
    retentionCoveredByPoint12: boolean('retention_covered_by_point12'),
    /** Set only by the retention process; the row stays as the tombstone. */
    deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('recordings_upload').on(t.uploadId),
    index('recordings_org_started').on(t.organisationId, t.startedAt),
    index('recordings_entry').on(t.journalEntryId),
    index('recordings_sha').on(t.sha256),
    // The retention sweep (R444-12): live recordings by organisation and expiry. The id makes the
    // count an index-only scan (bench/results/retention.md: 468 → 33 ms for 300k rows of one subdivision).
    index('recordings_due_org')
      .on(t.organisationId, t.retainUntil, t.id)
      .where(sql`deleted_at IS NULL AND retain_until IS NOT NULL`),
  ],
);

/** R444-17: the recorder's clock against server time, measured each time it is docked. */
export const dockings = pgTable('dockings', {
  id: uuid('id').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .references(() => organisations.id),
  recorderId: uuid('recorder_id')
    .notNull()
    .references(() => recorders.id),
  dockedAt: timestamp('docked_at', { withTimezone: true, mode: 'date' }).notNull(),
  deviceTime: timestamp('device_time', { withTimezone: true, mode: 'date' }).notNull(),
  offsetSeconds: integer('offset_seconds').notNull(),
  source: text('source').notNull(),
});

export const DERIVATIVE_KINDS = ['thumbnail_strip', 'playable_proxy'] as const;

/** Derived files are separate objects pointing to the original, which is never re-encoded or replaced. */
export const recordingDerivatives = pgTable(
  'recording_derivatives',
  {
    recordingId: uuid('recording_id')
      .notNull()
      .references(() => recordings.id),
    kind: text('kind', { enum: DERIVATIVE_KINDS }).notNull(),
    sha256: text('sha256').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('recording_derivatives_kind').on(t.recordingId, t.kind)],
);

/** Uploads under way (from tus creation until the recording is written): the journal shows "uploading". */
export const uploadsInProgress = pgTable('uploads_in_progress', {
  uploadId: text('upload_id').primaryKey(),
  organisationId: uuid('organisation_id').notNull(),
  recorderId: uuid('recorder_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  /**
   * The server's SHA-256 once every byte arrived, for an upload created without the agent's
   * (it hashed while uploading): the upload waits, uncommitted, for the agent to confirm it.
   */
  sha256: text('sha256'),
});
