import { and, asc, desc, eq, getTableColumns, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import { recorders } from '../recorders/recorders.table.ts';
import type { DbOrTx } from '../../db/database.ts';
import { ledgerEntries } from '../../platform/ledger/ledger.table.ts';
import { journalEntries } from '../journal/journal.table.ts';
import { dockings, recordings, uploadsInProgress } from './recordings.table.ts';

export type RecordingRow = typeof recordings.$inferSelect;

export async function findRecordingByUpload(db: DbOrTx, uploadId: string) {
  const [r] = await db.select().from(recordings).where(eq(recordings.uploadId, uploadId));
  return r;
}

/** The recording of the same file from the same recorder (name, size and SHA-256 equal), if one is kept. */
export async function findSameFile(db: DbOrTx, f: { recorderId: string; originalName: string; size: number; sha256: string }) {
  const [r] = await db
    .select()
    .from(recordings)
    .where(
      and(
        eq(recordings.sha256, f.sha256),
        eq(recordings.recorderId, f.recorderId),
        eq(recordings.originalName, f.originalName),
        eq(recordings.size, f.size),
      ),
    )
    .orderBy(asc(recordings.ingestedAt))
    .limit(1);
  return r;
}

/**
 * The recording an upload became: its own, or for a file docked again, the recording it
 * repeats (the ledger's `recording.redocked` entry names the upload; no row is made for it).
 */
export async function recordingOfUpload(db: DbOrTx, organisationId: string, uploadId: string) {
  const own = await findRecordingByUpload(db, uploadId);
  if (own) return own.organisationId === organisationId ? own : undefined;
  const [redock] = await db
    .select({ recordingId: ledgerEntries.subjectId })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.organisationId, organisationId),
        eq(ledgerEntries.action, 'recording.redocked'),
        sql`(${ledgerEntries.payload})::jsonb ->> 'uploadId' = ${uploadId}`,
      ),
    )
    .limit(1);
  if (!redock?.recordingId) return undefined;
  const [r] = await db
    .select()
    .from(recordings)
    .where(and(eq(recordings.organisationId, organisationId), eq(recordings.id, redock.recordingId)));
  return r;
}

export async function findRecording(db: DbOrTx, organisationId: string, id: string) {
  const [r] = await db
    .select({ ...getTableColumns(recordings), inventoryNumber: recorders.inventoryNumber })
    .from(recordings)
    .innerJoin(recorders, eq(recorders.id, recordings.recorderId))
    .where(and(eq(recordings.organisationId, organisationId), eq(recordings.id, id)));
  return r;
}

export const insertRecording = (db: DbOrTx, row: typeof recordings.$inferInsert) => db.insert(recordings).values(row);
export const insertDocking = (db: DbOrTx, row: typeof dockings.$inferInsert) => db.insert(dockings).values(row);

/** The clock offset measured at the latest docking of the recorder (device minus server, seconds). */
export async function latestDocking(db: DbOrTx, recorderId: string, before: Date) {
  const [d] = await db
    .select()
    .from(dockings)
    .where(and(eq(dockings.recorderId, recorderId), lte(dockings.dockedAt, before)))
    .orderBy(desc(dockings.dockedAt))
    .limit(1);
  return d;
}

/** A docking of this recorder by the id its agent gave it (undefined until its report is recorded). */
export async function findDocking(db: DbOrTx, recorderId: string, id: string) {
  const [d] = await db
    .select()
    .from(dockings)
    .where(and(eq(dockings.id, id), eq(dockings.recorderId, recorderId)));
  return d;
}

/** Readable recordings that wait for this docking's clock offset (their uploads came before its report). */
export const recordingsAwaitingDocking = (db: DbOrTx, recorderId: string, dockingId: string) =>
  db
    .select()
    .from(recordings)
    .where(
      and(
        eq(recordings.recorderId, recorderId),
        eq(recordings.dockingId, dockingId),
        isNull(recordings.startedAt),
        isNotNull(recordings.deviceStartedAt),
      ),
    )
    // A docking report and a late upload may both link: the second finds the row no longer waiting.
    .for('update');

/** The (not struck) journal entry under which the recorder was out at `at`. */
export async function entryCovering(db: DbOrTx, recorderId: string, at: Date) {
  const [e] = await db
    .select()
    .from(journalEntries)
    .where(
      and(
        eq(journalEntries.recorderId, recorderId),
        isNull(journalEntries.struckAt),
        lte(journalEntries.issuedAt, at),
        or(isNull(journalEntries.returnedAt), sql`${journalEntries.returnedAt} >= ${at}`),
      ),
    )
    .orderBy(desc(journalEntries.issuedAt))
    .limit(1);
  return e;
}

export const recordingsOfEntry = (db: DbOrTx, journalEntryId: string) =>
  db.select().from(recordings).where(eq(recordings.journalEntryId, journalEntryId)).orderBy(asc(recordings.startedAt));

export const listRecordings = (db: DbOrTx, organisationId: string, unattributedOnly = false) =>
  db
    .select({ ...getTableColumns(recordings), inventoryNumber: recorders.inventoryNumber })
    .from(recordings)
    .innerJoin(recorders, eq(recorders.id, recordings.recorderId))
    .where(
      unattributedOnly
        ? and(eq(recordings.organisationId, organisationId), isNull(recordings.journalEntryId))
        : eq(recordings.organisationId, organisationId),
    )
    .orderBy(desc(recordings.startedAt))
    .limit(500);

/** The organisation's uploads under way (created, no recording yet), oldest first, with their recorder. */
export async function listUploadsInProgress(db: DbOrTx, organisationId: string) {
  return db
    .select({
      uploadId: uploadsInProgress.uploadId,
      createdAt: uploadsInProgress.createdAt,
      serverSha256: uploadsInProgress.sha256,
      inventoryNumber: recorders.inventoryNumber,
    })
    .from(uploadsInProgress)
    .innerJoin(recorders, eq(recorders.id, uploadsInProgress.recorderId))
    .where(eq(uploadsInProgress.organisationId, organisationId))
    .orderBy(asc(uploadsInProgress.createdAt));
}
