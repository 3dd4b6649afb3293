import { randomUUID } from 'node:crypto';
import { and, count, inArray, isNull } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import { scrubObjects, type DamagedObject } from '../../kernel/object-integrity/scrubObjects.ts';
import { insertNewFindings } from '../continuity/continuity.repository.ts';
import { recordings } from './recordings.table.ts';

export interface ScrubResult {
  /** Originals of live recordings checked. */
  checked: number;
  /** Every stored object checked (originals, derivatives, materials, package manifests and parts). */
  objects: number;
  bytes: number;
  damaged: { recordingId: string; organisationId: string; originalName: string; expected: string; actual: string | null }[];
  /** Every damaged object, with the rows it concerns. */
  damagedObjects: DamagedObject[];
}

/**
 * R444-13: re-hashes every stored object (the kernel's scrubObjects records the damage once and
 * notifies the head and the responsible person). A damaged original is, besides, a critical finding on
 * its recording and a `recording.integrity_failed` entry; nothing is repaired or removed automatically.
 */
export async function scrubStore(deps: AppDeps, onProgress?: (done: number, total: number) => void): Promise<ScrubResult> {
  const scrub = await scrubObjects(deps, onProgress);
  const [live] = await deps.db.select({ n: count() }).from(recordings).where(isNull(recordings.deletedAt));
  const result: ScrubResult = {
    checked: live?.n ?? 0,
    objects: scrub.objects,
    bytes: scrub.bytes,
    damaged: [],
    damagedObjects: scrub.damaged,
  };
  const bySha = new Map(scrub.damaged.map((d) => [d.sha256, d]));
  if (!bySha.size) return result;
  const hit = await deps.db
    .select()
    .from(recordings)
    .where(and(inArray(recordings.sha256, [...bySha.keys()]), isNull(recordings.deletedAt)));
  for (const rec of hit) {
    const actual = bySha.get(rec.sha256)!.found?.sha256 ?? null;
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
