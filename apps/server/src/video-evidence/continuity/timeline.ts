import { and, count, eq, gte, inArray, sql } from 'drizzle-orm';
import { journalEntries } from '../journal/journal.table.ts';
import type { DbOrTx } from '../../db/database.ts';
import { recordings, uploadsInProgress } from '../recordings/recordings.table.ts';
import { continuityFindings } from './continuity.table.ts';

export type UploadState = 'waiting_for_dock' | 'uploading' | 'all_verified' | 'files_missing';

/**
 * What the journal shows for each issue: how many recordings arrived and
 * whether file numbers are missing — so a returned recorder whose recordings
 * never arrived is visible the same day.
 */
export async function uploadStates(db: DbOrTx, entryIds: string[]) {
  const out = new Map<string, { recordings: number; uploadState: UploadState }>();
  if (entryIds.length === 0) return out;
  const counts = await db
    .select({ entryId: recordings.journalEntryId, n: count() })
    .from(recordings)
    .where(inArray(recordings.journalEntryId, entryIds))
    .groupBy(recordings.journalEntryId);
  const missing = await db
    .select({ entryId: continuityFindings.journalEntryId })
    .from(continuityFindings)
    .where(and(inArray(continuityFindings.journalEntryId, entryIds), eq(continuityFindings.kind, 'missing_sequence')))
    .groupBy(continuityFindings.journalEntryId);
  // An upload of the entry's recorder that started after the issue may belong to it: "uploading".
  const uploading = await db
    .selectDistinct({ entryId: journalEntries.id })
    .from(journalEntries)
    .innerJoin(
      uploadsInProgress,
      and(eq(uploadsInProgress.recorderId, journalEntries.recorderId), gte(uploadsInProgress.createdAt, journalEntries.issuedAt)),
    )
    .where(inArray(journalEntries.id, entryIds));
  const uploadingSet = new Set(uploading.map((u) => u.entryId));
  const missingSet = new Set(missing.map((m) => m.entryId));
  const byEntry = new Map(counts.map((c) => [c.entryId, c.n]));
  for (const id of entryIds) {
    const n = byEntry.get(id) ?? 0;
    const uploadState: UploadState = uploadingSet.has(id)
      ? 'uploading'
      : n === 0
        ? 'waiting_for_dock'
        : missingSet.has(id)
          ? 'files_missing'
          : 'all_verified';
    out.set(id, { recordings: n, uploadState });
  }
  return out;
}

/** Recording metadata for a timeline (no media). */
export const timelineRecordings = (db: DbOrTx, entryIds: string[]) =>
  entryIds.length
    ? db
        .select({
          id: recordings.id,
          journalEntryId: recordings.journalEntryId,
          originalName: recordings.originalName,
          fileSequence: recordings.fileSequence,
          startedAt: recordings.startedAt,
          deviceStartedAt: recordings.deviceStartedAt,
          clockOffsetSeconds: recordings.clockOffsetSeconds,
          durationMs: recordings.durationMs,
          state: recordings.state,
          sha256: recordings.sha256,
          size: recordings.size,
        })
        .from(recordings)
        .where(inArray(recordings.journalEntryId, entryIds))
        .orderBy(sql`${recordings.startedAt}`)
    : Promise.resolve([]);
