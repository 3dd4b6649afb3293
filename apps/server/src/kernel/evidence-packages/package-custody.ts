import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { signCheckpoint } from '../../platform/ledger/checkpoints.ts';
import { listCheckpoints, readChainPage, type ChainRow, type CheckpointRow } from '../../platform/ledger/ledger.repository.ts';
import { ledgerEntries } from '../../platform/ledger/ledger.table.ts';

export const CUSTODY_FORMAT = 'baqylau-custody-v1';

/** A ledger subject whose entries (with their payloads) travel in custody.json. */
export interface CustodySubject {
  subjectType: string;
  subjectId: string;
}

/**
 * The format lists a recording's custody under `recordings` (Order 444's originals are bound to
 * them by the verifiers); any other subject under `subjects`, by type and id.
 */
const RECORDING = 'recording';

/** The ledger entries whose subject is one of the package's: ingest, attachment, views, downloads, holds… */
async function custodySeqs(deps: AppDeps, organisationId: string, subjects: CustodySubject[]) {
  const byType = new Map<string, string[]>();
  for (const s of subjects) byType.set(s.subjectType, [...(byType.get(s.subjectType) ?? []), s.subjectId]);
  const rows = subjects.length
    ? await deps.db
        .select({ seq: ledgerEntries.seq, subjectType: ledgerEntries.subjectType, subjectId: ledgerEntries.subjectId })
        .from(ledgerEntries)
        .where(
          and(
            eq(ledgerEntries.organisationId, organisationId),
            or(...[...byType].map(([type, ids]) => and(eq(ledgerEntries.subjectType, type), inArray(ledgerEntries.subjectId, ids)))),
          ),
        )
        .orderBy(asc(ledgerEntries.seq))
    : [];
  const bySubject: Record<string, Record<string, number[]>> = {};
  for (const [type, ids] of byType) bySubject[type] = Object.fromEntries(ids.map((id) => [id, []]));
  for (const r of rows) bySubject[r.subjectType]![r.subjectId!]!.push(r.seq);
  return { seqs: rows.map((r) => r.seq), bySubject };
}

/** Checkpoints of this instance's key, one per seq, ascending. */
async function ownCheckpoints(deps: AppDeps, organisationId: string) {
  const bySeq = new Map<number, CheckpointRow>();
  for (const c of await listCheckpoints(deps.db, organisationId)) {
    if (c.keyFingerprint === deps.instanceKey.fingerprint && !bySeq.has(c.seq)) bySeq.set(c.seq, c);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * custody.json (docs/court-package.md): for each custody entry, the run of
 * consecutive ledger entries from it to the first signed checkpoint at or
 * after it. A fresh checkpoint is signed when the newest custody entry is not
 * yet covered. Payloads are shipped only for the subjects' own entries.
 */
export async function buildCustody(deps: AppDeps, organisationId: string, subjects: CustodySubject[], now: Date): Promise<string> {
  const { seqs, bySubject } = await custodySeqs(deps, organisationId, subjects);
  let checkpoints = await ownCheckpoints(deps, organisationId);
  const newest = seqs.at(-1) ?? 0;
  if (newest > (checkpoints.at(-1)?.seq ?? 0)) {
    await deps.db.transaction((tx) => signCheckpoint(tx, deps.instanceKey, organisationId, now));
    checkpoints = await ownCheckpoints(deps, organisationId);
  }

  // Group custody entries by the checkpoint that covers them; each group becomes one segment.
  const groups = new Map<number, { checkpoint: CheckpointRow; from: number }>();
  for (const seq of seqs) {
    const cp = checkpoints.find((c) => c.seq >= seq);
    if (!cp) throw new Error(`ledger entry ${seq} is covered by no checkpoint of this instance's key`);
    if (!groups.has(cp.seq)) groups.set(cp.seq, { checkpoint: cp, from: seq });
  }
  const custody = new Set(seqs);
  const segments = [];
  for (const { checkpoint, from } of groups.values()) {
    const rows: ChainRow[] = await readChainPage(deps.db, organisationId, from - 1, checkpoint.seq - from + 1);
    segments.push({
      checkpointSeq: checkpoint.seq,
      entries: rows.map((e) => ({
        seq: e.seq,
        recordedAt: e.recordedAt,
        actorKind: e.actorKind,
        actorId: e.actorId,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        payloadHash: e.payloadHash,
        prevHash: e.prevHash,
        entryHash: e.entryHash,
        ...(custody.has(e.seq) ? { payload: e.payload } : {}),
      })),
    });
  }
  const { [RECORDING]: recordings, ...others } = bySubject;
  const doc = {
    format: CUSTODY_FORMAT,
    organisationId,
    checkpoints: [...groups.values()].map(({ checkpoint: c }) => ({
      seq: c.seq,
      entryHash: c.entryHash,
      signedAt: c.signedAt.toISOString(),
      keyFingerprint: c.keyFingerprint,
      signature: c.signature,
    })),
    segments,
    ...(recordings ? { recordings } : {}),
    ...(Object.keys(others).length ? { subjects: others } : {}),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
