import fsp from 'node:fs/promises';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/errors.ts';
import { appendLedgerEntry } from '../../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../../platform/ledger/ledger.types.ts';
import { freeSpace } from '../../../platform/storage/free-space.ts';
import { listUploadsInProgress, recordingOfUpload } from '../recordings.repository.ts';
import { uploadsInProgress } from '../recordings.table.ts';
import type { HashingFileStore } from './hashing-file-store.ts';

/**
 * R444-11/13: what the dock agents left unfinished on the staging disk, for the responsible person:
 * bytes received of each upload and when it was last written to, beside the free space. A partial
 * upload holds disk space until it finishes or expires; one whose recorder will not come back
 * can be removed (it is no evidence yet: the file is still on the device).
 */
export async function listPartialUploads(deps: AppDeps, store: HashingFileStore, organisationId: string) {
  const rows = await listUploadsInProgress(deps.db, organisationId);
  const uploads = [];
  for (const r of rows) {
    const staged = await store.getUpload(r.uploadId).catch(() => undefined);
    const touched = await fsp.stat(store.filePath(r.uploadId)).catch(() => undefined);
    if (!staged || !touched) continue; // removed or expired in the meantime: nothing held on disk
    uploads.push({
      uploadId: r.uploadId,
      inventoryNumber: r.inventoryNumber,
      fileName: staged.metadata?.filename ?? '',
      receivedBytes: staged.offset,
      sizeBytes: staged.size ?? null,
      createdAt: r.createdAt,
      lastWrittenAt: touched.mtime,
      /** Every byte arrived and the agent has not confirmed its SHA-256 yet. */
      awaitingConfirmation: staged.size !== undefined && staged.offset === staged.size,
    });
  }
  const { freeBytes, totalBytes } = await freeSpace(store.directory);
  return { freeBytes, totalBytes, reserveBytes: deps.config.storageReserveMb * 2 ** 20, uploads };
}

/**
 * Removes a partial upload's staged bytes, with the stated reason in the ledger. A committed
 * recording is never touched here (409); another organisation's upload is not found.
 */
export async function removePartialUpload(
  deps: AppDeps,
  store: HashingFileStore,
  actor: Actor,
  organisationId: string,
  uploadId: string,
  reason: string,
) {
  const [row] = await deps.db.select().from(uploadsInProgress).where(eq(uploadsInProgress.uploadId, uploadId));
  if (!row || row.organisationId !== organisationId) throw new AppError('ingest.upload_not_found');
  if (await recordingOfUpload(deps.db, organisationId, uploadId)) throw new AppError('ingest.upload_committed');
  const staged = await store.getUpload(uploadId).catch(() => undefined);
  await store.removeFiles(uploadId);
  await deps.db.transaction(async (tx) => {
    await tx.delete(uploadsInProgress).where(eq(uploadsInProgress.uploadId, uploadId));
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'upload.removed',
        subjectType: 'recorder',
        subjectId: row.recorderId,
        payload: {
          uploadId,
          fileName: staged?.metadata?.filename ?? null,
          receivedBytes: staged?.offset ?? null,
          sizeBytes: staged?.size ?? null,
          reason,
        },
      },
      deps.now(),
    );
  });
}
