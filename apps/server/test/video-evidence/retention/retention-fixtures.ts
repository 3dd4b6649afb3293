import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { recordings } from '../../../src/video-evidence/recordings/recordings.table.ts';
import { retentionOfRecording } from '../../../src/video-evidence/retention/retentionOfRecording.ts';
import type { TestContext } from '../../support/test-app.ts';
import { appendLedgerEntry } from '../../../src/platform/ledger/appendLedgerEntry.ts';
import { SYSTEM_ACTOR } from '../../../src/platform/ledger/ledger.types.ts';

/**
 * A recording captured long ago (the suite runs in 2026; point 12 needs
 * captures older than three years to have expired by the database's own
 * date). The object goes through the real store; the row gets its retention
 * from the same function ingest uses, through the journal entry's activity.
 */
export async function storeOldRecording(
  ctx: TestContext,
  o: { organisationId: string; recorderId: string; journalEntryId: string; startedAt: Date; name: string; file?: string },
) {
  const body = o.file ? fs.createReadStream(o.file) : Readable.from([Buffer.from(`${o.name} ${randomUUID()} — бейнежазба`)]);
  const stored = await ctx.deps.store.put(body);
  const row = {
    id: randomUUID(),
    organisationId: o.organisationId,
    recorderId: o.recorderId,
    sha256: stored.sha256,
    size: stored.size,
    originalName: o.name,
    fileSequence: null,
    deviceStartedAt: o.startedAt,
    clockOffsetSeconds: 0,
    startedAt: o.startedAt,
    ingestedAt: o.startedAt,
    uploadId: randomUUID(),
    journalEntryId: o.journalEntryId,
    durationMs: o.file ? 6000 : null,
    ...(await retentionOfRecording(ctx.deps.db, ctx.deps.config, o.journalEntryId, o.startedAt)),
  };
  await insertIngested(ctx, row);
  return row;
}

/** Writes a recording row with the `recording.ingested` entry ingest writes for it (ledger verify compares the two). */
export async function insertIngested(
  ctx: TestContext,
  row: typeof recordings.$inferInsert & { ingestedAt: Date; startedAt: Date; deviceStartedAt: Date },
) {
  await ctx.deps.db.transaction(async (tx) => {
    await tx.insert(recordings).values(row);
    await appendLedgerEntry(
      tx,
      {
        organisationId: row.organisationId,
        actor: SYSTEM_ACTOR,
        action: 'recording.ingested',
        subjectType: 'recording',
        subjectId: row.id!,
        payload: {
          recorderId: row.recorderId,
          sha256: row.sha256,
          size: row.size,
          originalName: row.originalName,
          fileSequence: row.fileSequence ?? null,
          deviceStartedAt: row.deviceStartedAt.toISOString(),
          clockOffsetSeconds: row.clockOffsetSeconds,
          startedAt: row.startedAt.toISOString(),
        },
      },
      row.ingestedAt,
    );
  });
}
