import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { isProbeFailure, MediaToolMissing, probeMedia, type ProbeFailure, type ProbeResult } from '../../platform/media/ffprobe.ts';
import { withObjectLock } from '../../platform/storage/object-lock.ts';
import { findRecorderByInventory } from '../recorders/recorders.repository.ts';
import { fileSequenceOf } from './ingest/file-sequence.ts';
import { retentionOfRecording } from '../retention/retentionOfRecording.ts';
import {
  entryCovering,
  findRecordingByUpload,
  findDocking,
  findSameFile,
  insertRecording,
  latestDocking,
  type RecordingRow,
} from './recordings.repository.ts';
import { uploadsInProgress } from './recordings.table.ts';
import { eq } from 'drizzle-orm';
import { enqueueProtect } from '../retention/protectOriginal.ts';
import { linkIfDocked } from './recordDocking.ts';

export interface FinishedUpload {
  organisationId: string;
  uploadId: string;
  stagedPath: string;
  size: number;
  sha256: string;
  inventoryNumber: string;
  originalName: string;
  /** The file's modification time by the device clock (end of recording), from the dock agent. */
  deviceModifiedAt: Date;
  /** The docking the agent named (it reports that docking's clock separately, perhaps later). */
  dockingId?: string;
}

/**
 * R444-11/13: turns a finished, hash-verified upload into evidence. The
 * original is committed to the write-once store first; only then is the row
 * written (with its ledger entry), so a crash leaves no visible recording or a
 * complete one. Idempotent per upload, and per file: the same file (recorder,
 * name, size, SHA-256) docked again is no second recording — the one kept is
 * answered, and the ledger notes the repeat with its upload. The journal entry —
 * and with it the inspector and the activity — comes from the corrected capture time (R444-5),
 * so a recording of a docking whose clock report has not arrived waits unlinked for it
 * (recordDocking), and an unreadable one (ffprobe fails, or finds no video) has no capture
 * time at all: it is kept with the probe's code, and only a person attaches it.
 */
export async function ingestRecording(deps: AppDeps, actor: Actor, u: FinishedUpload) {
  const existing = await findRecordingByUpload(deps.db, u.uploadId);
  if (existing) return existing;
  const recorder = await findRecorderByInventory(deps.db, u.organisationId, u.inventoryNumber);
  if (!recorder) throw new AppError('recorder.not_found');

  let probe: ProbeResult | ProbeFailure;
  try {
    probe = await probeMedia(u.stagedPath);
  } catch (e) {
    if (!(e instanceof MediaToolMissing)) throw e;
    probe = { failure: 'media.probe_failed' };
  }
  const failure = isProbeFailure(probe) ? probe.failure : null;
  const media = isProbeFailure(probe) ? null : probe;
  // An unreadable file has no capture time: its file time is not one (issue 19), so it stays unknown.
  const deviceStartedAt = !media
    ? null
    : (media.creationTime ?? (media.durationMs ? new Date(u.deviceModifiedAt.getTime() - media.durationMs) : u.deviceModifiedAt));
  const now = deps.now();
  // R444-17: the offset of the docking the agent named; until that docking's report arrives the
  // recording waits, uncorrected and unlinked (linkDocking links it then). Docks that name none: the latest.
  const docking = u.dockingId ? await findDocking(deps.db, recorder.id, u.dockingId) : await latestDocking(deps.db, recorder.id, now);
  const awaitingDocking = Boolean(u.dockingId && !docking);
  const clockOffsetSeconds = awaitingDocking ? null : (docking?.offsetSeconds ?? 0);
  const startedAt = deviceStartedAt && clockOffsetSeconds !== null ? new Date(deviceStartedAt.getTime() - clockOffsetSeconds * 1000) : null;

  // Only a readable recording with a known capture time is attached by itself.
  const entry = startedAt ? await entryCovering(deps.db, recorder.id, startedAt) : undefined;
  const row = {
    id: randomUUID(),
    organisationId: u.organisationId,
    recorderId: recorder.id,
    sha256: u.sha256,
    size: u.size,
    originalName: u.originalName,
    fileSequence: fileSequenceOf(u.originalName),
    deviceStartedAt,
    clockOffsetSeconds,
    startedAt,
    ingestedAt: now,
    uploadId: u.uploadId,
    dockingId: u.dockingId ?? null,
    state: media ? ('stored' as const) : ('unreadable' as const),
    probeFailure: failure,
    durationMs: media?.durationMs ?? null,
    probe: media ? { facts: media.facts, streams: media.streams } : null,
    journalEntryId: entry?.id ?? null,
    ...(entry && startedAt ? await retentionOfRecording(deps.db, deps.config, entry.id, startedAt) : {}),
  };
  // The same bytes may already be stored (and about to be purged): link and row under the object's lock.
  // Under it too, so that two dockings of one file at once cannot both find it new.
  const kept = await withObjectLock(deps, u.sha256, async (db): Promise<RecordingRow | undefined> => {
    const earlier = await findSameFile(db, { recorderId: recorder.id, originalName: u.originalName, size: u.size, sha256: u.sha256 });
    if (earlier) {
      await db.transaction(async (tx) => {
        await tx.delete(uploadsInProgress).where(eq(uploadsInProgress.uploadId, u.uploadId));
        await appendLedgerEntry(
          tx,
          {
            organisationId: u.organisationId,
            actor,
            action: 'recording.redocked',
            subjectType: 'recording',
            subjectId: earlier.id,
            payload: {
              uploadId: u.uploadId,
              inventoryNumber: recorder.inventoryNumber,
              originalName: u.originalName,
              size: u.size,
              sha256: u.sha256,
            },
          },
          now,
        );
      });
      return earlier;
    }
    await deps.store.commitStaged(u.stagedPath, { sha256: u.sha256, size: u.size });
    await db.transaction(async (tx) => {
      await insertRecording(tx, row);
      await tx.delete(uploadsInProgress).where(eq(uploadsInProgress.uploadId, u.uploadId));
      await appendLedgerEntry(
        tx,
        {
          organisationId: u.organisationId,
          actor,
          action: 'recording.ingested',
          subjectType: 'recording',
          subjectId: row.id,
          payload: {
            recorderId: recorder.id,
            inventoryNumber: recorder.inventoryNumber,
            sha256: row.sha256,
            size: row.size,
            originalName: row.originalName,
            fileSequence: row.fileSequence,
            deviceStartedAt: deviceStartedAt?.toISOString() ?? null,
            clockOffsetSeconds,
            startedAt: startedAt?.toISOString() ?? null,
            dockingId: row.dockingId,
            awaitingDocking,
            state: row.state,
            probeFailure: row.probeFailure,
            journalEntryId: row.journalEntryId,
            journalEntryNumber: entry?.number ?? null,
            retainUntil: row.retainUntil ?? null,
          },
        },
        now,
      );
      await enqueueProtect(tx, row.sha256, now);
      if (row.state === 'stored') {
        await enqueueJob(tx, 'recording.derive', { recordingId: row.id }, { dedupeKey: `derive:${row.id}`, runAt: now });
      }
      if (row.journalEntryId) {
        await enqueueJob(
          tx,
          'continuity.check',
          { organisationId: u.organisationId, journalEntryId: row.journalEntryId },
          { dedupeKey: `continuity:${row.id}`, runAt: now },
        );
      }
    });
    return undefined;
  });
  if (kept) return kept;
  if (awaitingDocking) {
    await linkIfDocked(deps, actor, recorder, u.dockingId!);
    return (await findRecordingByUpload(deps.db, u.uploadId)) ?? row;
  }
  return { ...row };
}
