import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import type { DbOrTx } from '../../db/database.ts';
import { retentionOfRecording } from '../retention/retentionOfRecording.ts';
import { enqueueProtect } from '../retention/protectOriginal.ts';
import { entryCovering, insertDocking, recordingsAwaitingDocking } from './recordings.repository.ts';
import { dockings, recordings } from './recordings.table.ts';

type Docking = typeof dockings.$inferSelect;

/**
 * R444-17: a recorder was docked and reported its clock. The offset is measured
 * once per docking: a docking the agent names again (a restarted agent) answers
 * the offset already recorded, never a second measurement against a time the
 * device reported earlier. Recordings of this docking that arrived before its
 * report get their corrected time and journal entry now, in the same transaction.
 */
export async function recordDocking(
  deps: AppDeps,
  actor: Actor,
  recorder: { id: string; organisationId: string; inventoryNumber: string },
  input: { dockingId?: string; deviceTime: Date; source: string },
) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    if (input.dockingId) {
      const [known] = await tx.select().from(dockings).where(eq(dockings.id, input.dockingId));
      if (known && known.recorderId !== recorder.id) throw new AppError('dock.docking_other_recorder', { field: 'dockingId' });
      if (known) return { docking: known, created: false };
    }
    const docking: Docking = {
      id: input.dockingId ?? randomUUID(),
      organisationId: recorder.organisationId,
      recorderId: recorder.id,
      dockedAt: now,
      deviceTime: input.deviceTime,
      offsetSeconds: Math.round((input.deviceTime.getTime() - now.getTime()) / 1000),
      source: input.source,
    };
    await insertDocking(tx, docking);
    await appendLedgerEntry(
      tx,
      {
        organisationId: recorder.organisationId,
        actor,
        action: 'recorder.docked',
        subjectType: 'recorder',
        subjectId: recorder.id,
        payload: {
          dockingId: docking.id,
          deviceTime: docking.deviceTime.toISOString(),
          offsetSeconds: docking.offsetSeconds,
          source: docking.source,
        },
      },
      now,
    );
    await linkAwaiting(deps, tx, actor, recorder, docking, now);
    return { docking, created: true };
  });
}

/** An upload that found its docking unreported may have raced the report: links it if the report is in now. */
export async function linkIfDocked(deps: AppDeps, actor: Actor, recorder: { id: string; organisationId: string }, dockingId: string) {
  await deps.db.transaction(async (tx) => {
    const [docking] = await tx.select().from(dockings).where(eq(dockings.id, dockingId));
    if (docking && docking.recorderId === recorder.id) await linkAwaiting(deps, tx, actor, recorder, docking, deps.now());
  });
}

/** Corrects and links the recordings that waited for this docking's offset (R444-5, R444-17). */
async function linkAwaiting(
  deps: AppDeps,
  tx: DbOrTx,
  actor: Actor,
  recorder: { id: string; organisationId: string },
  docking: Docking,
  now: Date,
) {
  for (const rec of await recordingsAwaitingDocking(tx, recorder.id, docking.id)) {
    const startedAt = new Date(rec.deviceStartedAt!.getTime() - docking.offsetSeconds * 1000);
    // A recording attached by hand meanwhile keeps its entry; it only learns its corrected time.
    const entry = rec.journalEntryId ? undefined : await entryCovering(tx, recorder.id, startedAt);
    const retention = entry ? await retentionOfRecording(tx, deps.config, entry.id, startedAt) : {};
    await tx
      .update(recordings)
      .set({ clockOffsetSeconds: docking.offsetSeconds, startedAt, ...(entry ? { journalEntryId: entry.id, ...retention } : {}) })
      .where(eq(recordings.id, rec.id));
    await appendLedgerEntry(
      tx,
      {
        organisationId: recorder.organisationId,
        actor,
        action: 'recording.docking_applied',
        subjectType: 'recording',
        subjectId: rec.id,
        payload: {
          dockingId: docking.id,
          clockOffsetSeconds: docking.offsetSeconds,
          startedAt: startedAt.toISOString(),
          journalEntryId: entry?.id ?? rec.journalEntryId,
          journalEntryNumber: entry?.number ?? null,
        },
      },
      now,
    );
    const entryId = entry?.id ?? rec.journalEntryId;
    if (entry) await enqueueProtect(tx, rec.sha256, now);
    if (entryId)
      await enqueueJob(
        tx,
        'continuity.check',
        { organisationId: recorder.organisationId, journalEntryId: entryId },
        { dedupeKey: `continuity:${rec.id}`, runAt: now },
      );
  }
}
