import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { eq } from 'drizzle-orm';
import { findEntry } from '../journal/journal.repository.ts';
import { retentionOfRecording } from '../retention/retentionOfRecording.ts';
import { findRecording } from './recordings.repository.ts';
import { recordings } from './recordings.table.ts';
import { enqueueProtect } from '../retention/protectOriginal.ts';

/**
 * A recording whose capture time falls in no issue waits in the unattributed
 * queue — so does an unreadable one, whose capture time is unknown (issue 19);
 * the responsible person attaches it to an issue of the same recorder with a
 * reason. Capture time is not touched; the attachment happens once.
 */
export async function attachRecording(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  recordingId: string,
  input: { journalEntryId: string; reason: string },
) {
  await deps.db.transaction(async (tx) => {
    const rec = await findRecording(tx, organisationId, recordingId);
    if (!rec) throw new AppError('recording.not_found');
    if (rec.journalEntryId) throw new AppError('recording.already_attributed');
    const entry = await findEntry(tx, organisationId, input.journalEntryId);
    if (!entry || entry.recorderId !== rec.recorderId || entry.struckAt) throw new AppError('recording.entry_mismatch');
    // An unreadable recording has no capture time: its retention runs from the issue it is attached to.
    const retention = await retentionOfRecording(tx, deps.config, entry.id, rec.startedAt ?? entry.issuedAt);
    await tx
      .update(recordings)
      .set({ journalEntryId: entry.id, attributionReason: input.reason, ...retention })
      .where(eq(recordings.id, rec.id));
    await enqueueProtect(tx, rec.sha256, deps.now());
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'recording.attached',
        subjectType: 'recording',
        subjectId: rec.id,
        payload: { journalEntryId: entry.id, journalEntryNumber: entry.number, reason: input.reason, retainUntil: retention.retainUntil },
      },
      deps.now(),
    );
  });
}
