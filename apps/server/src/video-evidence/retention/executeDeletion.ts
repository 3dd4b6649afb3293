import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { canonicalJson, sha256Hex } from '../../platform/ledger/ledger.hash.ts';
import { lockHead } from '../../platform/ledger/ledger.repository.ts';
import { confirmSecondFactorAgain } from '../../kernel/auth/auth.usecases.ts';
import { recordings } from '../recordings/recordings.table.ts';
import { activeHolds } from './legalHolds.ts';
import { isDue } from './computeRetentionExpiry.ts';
import { purgeDeletedObjects } from './purgeDeletedObjects.ts';
import { lockRecordingsForDeletion, organisationDates, type RetentionRow } from './retention.repository.ts';
import { deletionActs, recordingDeletions } from './retention.table.ts';

/** What the act lists for each recording, and what its content hash covers. */
export const actLine = (r: RetentionRow) => ({
  recordingId: r.id,
  sha256: r.sha256,
  size: r.size,
  originalName: r.originalName,
  inventoryNumber: r.inventoryNumber,
  startedAt: r.startedAt,
  retainUntil: r.retainUntil,
  journalEntryNumber: r.journalEntryNumber,
  activityReference: r.activityReference,
  activityType: r.activityType,
});

/**
 * R444-6/R444-12: the responsible person deletes a reviewed batch of expired
 * recordings, confirming with the second factor again. Every recording is
 * re-checked under lock (expired, not held, not already deleted) — one refusal
 * refuses the batch, naming the recording. The database trigger checks the
 * same against its own date. The rows stay as tombstones; the act numbers the
 * batch; objects leave the store after the commit.
 */
export async function executeDeletion(
  deps: AppDeps,
  userId: string,
  organisationId: string,
  input: { recordingIds: string[]; totpCode: string },
) {
  await confirmSecondFactorAgain(deps, userId, input.totpCode);
  const now = deps.now();
  const { retentionToday: today, localDate } = await organisationDates(deps.db, organisationId, now);
  const ids = [...new Set(input.recordingIds)];
  const act = await deps.db.transaction(async (tx) => {
    await lockHead(tx, organisationId); // serialises acts of one organisation, so numbers never collide
    const rows = await lockRecordingsForDeletion(tx, organisationId, ids);
    const found = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const r = found.get(id);
      if (!r) {
        const [tomb] = await tx
          .select({ name: recordings.originalName })
          .from(recordings)
          .where(and(eq(recordings.id, id), eq(recordings.organisationId, organisationId)));
        throw tomb ? new AppError('retention.already_deleted', { recording: tomb.name }) : new AppError('recording.not_found');
      }
      if (!r.retainUntil) throw new AppError('retention.recording_unattributed', { recording: r.originalName });
      if (!isDue(r.retainUntil, today))
        throw new AppError('retention.not_expired', { recording: r.originalName, retainUntil: r.retainUntil });
      if (r.held) {
        const [hold] = await activeHolds(tx, organisationId, [r.id]);
        throw new AppError('retention.under_hold', { recording: r.originalName, reference: hold?.reference ?? '' });
      }
    }
    const year = Number(localDate.slice(0, 4)); // acts are numbered by the organisation's calendar year
    const [last] = await tx
      .select({ seq: sql<number>`coalesce(max(${deletionActs.seq}), 0)::int` })
      .from(deletionActs)
      .where(and(eq(deletionActs.organisationId, organisationId), eq(deletionActs.year, year)));
    const seq = (last?.seq ?? 0) + 1;
    const lines = ids.map((id) => actLine(found.get(id)!));
    const row = {
      id: randomUUID(),
      organisationId,
      number: `${year}-${String(seq).padStart(3, '0')}`,
      year,
      seq,
      executedBy: userId,
      executedAt: now,
      recordingCount: lines.length,
      totalBytes: lines.reduce((s, l) => s + l.size, 0),
      contentHash: sha256Hex(canonicalJson(lines)),
    };
    await tx.insert(deletionActs).values(row);
    // Only this transaction may mark recordings deleted; the trigger still checks expiry and holds.
    await tx.execute(sql`SET LOCAL TIME ZONE 'UTC'`); // the trigger's current_date is the UTC date retentionToday allows for
    await tx.execute(sql`SELECT set_config('baqylau.retention', 'on', true)`);
    await tx
      .update(recordings)
      .set({ deletedAt: now })
      .where(and(eq(recordings.organisationId, organisationId), inArray(recordings.id, ids)));
    await tx.execute(sql`SELECT set_config('baqylau.retention', 'off', true)`);
    await tx.insert(recordingDeletions).values(
      ids.map((id) => ({
        recordingId: id,
        actId: row.id,
        activityId: found.get(id)!.activityId,
        retainUntil: found.get(id)!.retainUntil,
        deletedBy: userId,
        deletedAt: now,
      })),
    );
    const actor = { kind: 'user' as const, id: userId };
    for (const l of lines) {
      await appendLedgerEntry(
        tx,
        {
          organisationId,
          actor,
          action: 'recording.deleted',
          subjectType: 'recording',
          subjectId: l.recordingId,
          payload: { actId: row.id, actNumber: row.number, sha256: l.sha256, size: l.size, retainUntil: l.retainUntil },
        },
        now,
      );
    }
    await appendLedgerEntry(
      tx,
      {
        organisationId,
        actor,
        action: 'retention.act_executed',
        subjectType: 'deletion_act',
        subjectId: row.id,
        payload: { number: row.number, recordingCount: row.recordingCount, totalBytes: row.totalBytes, contentHash: row.contentHash },
      },
      now,
    );
    // If the process dies before the objects are gone, the job finishes the purge.
    await enqueueJob(tx, 'retention.purge', { actId: row.id }, { organisationId, dedupeKey: `purge:${row.id}`, runAt: now });
    return row;
  });
  // The deletion is committed; if removing the objects fails now, the queued job retries it.
  await purgeDeletedObjects(deps, act.id).catch(() => undefined);
  return act;
}
