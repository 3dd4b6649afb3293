import { and, desc, eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findRecording } from '../recordings/recordings.repository.ts';
import { placeLegalHold } from './legalHolds.ts';
import { legalHolds } from './retention.table.ts';
import { recordings } from '../recordings/recordings.table.ts';
import { enqueueProtect } from './protectOriginal.ts';

/** The head places a hold for a case: the recording will not expire while it is active (R444-12). */
export async function placeHoldByHead(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  recordingId: string,
  input: { reason: string; reference: string },
) {
  return deps.db.transaction(async (tx) => {
    const rec = await findRecording(tx, organisationId, recordingId);
    if (!rec) throw new AppError('recording.not_found');
    if (rec.deletedAt) throw new AppError('retention.already_deleted', { recording: rec.originalName });
    const hold = await placeLegalHold(tx, actor, { organisationId, recordingId, source: 'head', ...input }, deps.now());
    return { ...hold, liftedBy: null, liftedAt: null, liftReason: null };
  });
}

/** Only the head lifts a hold, with a reason; the hold row stays with who, when and why. */
export async function liftHold(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, holdId: string, reason: string) {
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [hold] = await tx
      .select()
      .from(legalHolds)
      .where(and(eq(legalHolds.organisationId, organisationId), eq(legalHolds.id, holdId)))
      .for('update');
    if (!hold) throw new AppError('hold.not_found');
    if (hold.liftedAt) throw new AppError('hold.already_lifted');
    await tx.update(legalHolds).set({ liftedAt: now, liftedBy: actor.id, liftReason: reason }).where(eq(legalHolds.id, holdId));
    const [rec] = await tx.select({ sha256: recordings.sha256 }).from(recordings).where(eq(recordings.id, hold.recordingId));
    if (rec) await enqueueProtect(tx, rec.sha256, now);
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'recording.hold_lifted',
        subjectType: 'recording',
        subjectId: hold.recordingId,
        payload: { holdId, reason, reference: hold.reference },
      },
      now,
    );
  });
}

/** A recording of another organisation, or none, is not found (404), not an empty list. */
export async function holdsOfRecording(deps: AppDeps, organisationId: string, recordingId: string) {
  if (!(await findRecording(deps.db, organisationId, recordingId))) throw new AppError('recording.not_found');
  return deps.db
    .select()
    .from(legalHolds)
    .where(and(eq(legalHolds.organisationId, organisationId), eq(legalHolds.recordingId, recordingId)))
    .orderBy(desc(legalHolds.placedAt));
}
