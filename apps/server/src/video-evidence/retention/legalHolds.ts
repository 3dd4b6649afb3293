import { randomUUID } from 'node:crypto';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { AppError } from '../../platform/errors.ts';
import type { DbOrTx } from '../../db/database.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { legalHolds, type HOLD_SOURCES } from './retention.table.ts';
import { enqueueProtect } from './protectOriginal.ts';

export interface HoldInput {
  organisationId: string;
  recordingId: string;
  source: (typeof HOLD_SOURCES)[number];
  packageId?: string;
  reason: string;
  /** Case number or the authority's reference. */
  reference: string;
}

/**
 * Places a legal hold inside the caller's transaction (R444-12, R444-14): a
 * held recording never falls due. A recording may carry several holds (one per
 * case or package); each is lifted separately.
 */
export async function placeLegalHold(tx: DbOrTx, actor: Actor & { id: string }, input: HoldInput, now: Date) {
  // A deletion in progress holds the row FOR UPDATE: wait for it, then see whether the recording is gone.
  const locked = await tx.execute(
    sql`SELECT original_name AS "name", deleted_at AS "deletedAt", sha256 FROM recordings
         WHERE id = ${input.recordingId} AND organisation_id = ${input.organisationId} FOR SHARE`,
  );
  const [rec] = (locked as unknown as { rows: { name: string; deletedAt: unknown; sha256: string }[] }).rows;
  if (!rec) throw new AppError('recording.not_found');
  if (rec.deletedAt) throw new AppError('retention.already_deleted', { recording: rec.name });
  const row = {
    id: randomUUID(),
    organisationId: input.organisationId,
    recordingId: input.recordingId,
    source: input.source,
    packageId: input.packageId ?? null,
    reason: input.reason,
    reference: input.reference,
    placedBy: actor.id,
    placedAt: now,
  };
  await tx.insert(legalHolds).values(row);
  await enqueueProtect(tx, rec.sha256, now);
  await appendLedgerEntry(
    tx,
    {
      organisationId: input.organisationId,
      actor,
      action: 'recording.hold_placed',
      subjectType: 'recording',
      subjectId: input.recordingId,
      payload: { holdId: row.id, source: row.source, packageId: row.packageId, reason: row.reason, reference: row.reference },
    },
    now,
  );
  return row;
}

export const activeHolds = (db: DbOrTx, organisationId: string, recordingIds: string[]) =>
  recordingIds.length === 0
    ? Promise.resolve([])
    : db
        .select()
        .from(legalHolds)
        .where(
          and(eq(legalHolds.organisationId, organisationId), inArray(legalHolds.recordingId, recordingIds), isNull(legalHolds.liftedAt)),
        );
