import { randomUUID } from 'node:crypto';
import { isNull } from 'drizzle-orm';
import { hashStoredObject } from '../../platform/storage/read-object.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { insertNewFindings } from '../continuity/continuity.repository.ts';
import { recordings } from './recordings.table.ts';

export interface ScrubResult {
  checked: number;
  bytes: number;
  damaged: { recordingId: string; organisationId: string; originalName: string; expected: string; actual: string | null }[];
}

/**
 * R444-13: re-hashes every stored original. A mismatch (or a missing object)
 * is a critical finding naming the recording, and a ledger entry; nothing is
 * repaired or removed automatically.
 */
export async function scrubStore(deps: AppDeps, onProgress?: (done: number, total: number) => void): Promise<ScrubResult> {
  const all = await deps.db
    .select({
      id: recordings.id,
      organisationId: recordings.organisationId,
      sha256: recordings.sha256,
      originalName: recordings.originalName,
      journalEntryId: recordings.journalEntryId,
    })
    .from(recordings)
    .where(isNull(recordings.deletedAt)); // tombstones have no object left to check
  const result: ScrubResult = { checked: 0, bytes: 0, damaged: [] };
  const seen = new Map<string, string | null>(); // identical content is stored once: hash each object once
  for (const rec of all) {
    let actual = seen.get(rec.sha256);
    if (actual === undefined) {
      actual = await hashStoredObject(deps.store, rec.sha256).then(
        (r) => {
          result.bytes += r.size;
          return r.sha256;
        },
        () => null,
      );
      seen.set(rec.sha256, actual);
    }
    result.checked++;
    onProgress?.(result.checked, all.length);
    if (actual === rec.sha256) continue;
    result.damaged.push({
      recordingId: rec.id,
      organisationId: rec.organisationId,
      originalName: rec.originalName,
      expected: rec.sha256,
      actual,
    });
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      const fresh = await insertNewFindings(tx, [
        {
          id: randomUUID(),
          organisationId: rec.organisationId,
          journalEntryId: rec.journalEntryId,
          recordingId: rec.id,
          kind: 'integrity',
          key: `integrity:${rec.id}:${actual ?? 'missing'}`,
          details: { expected: rec.sha256, actual, originalName: rec.originalName, critical: true },
          detectedAt: now,
        },
      ]);
      if (fresh.length) {
        await appendLedgerEntry(
          tx,
          {
            organisationId: rec.organisationId,
            actor: { kind: 'system', id: null },
            action: 'recording.integrity_failed',
            subjectType: 'recording',
            subjectId: rec.id,
            payload: { expected: rec.sha256, actual },
          },
          now,
        );
      }
    });
  }
  return result;
}
