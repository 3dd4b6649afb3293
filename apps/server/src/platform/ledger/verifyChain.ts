import type { DbOrTx } from '../../db/database.ts';
import { verifySignature } from '../keys/instance-key.ts';
import { checkpointMessage } from './checkpoints.ts';
import { GENESIS_HASH, hashEntry, sha256Hex } from './ledger.hash.ts';
import { listCheckpoints, readChainPage, readHead, type ChainRow } from './ledger.repository.ts';

export type ChainFault =
  | 'sequence_gap'
  | 'previous_hash_mismatch'
  | 'payload_hash_mismatch'
  | 'entry_hash_mismatch'
  | 'head_mismatch'
  | 'checkpoint_signature_invalid'
  | 'checkpoint_mismatch';

export interface ChainVerification {
  ok: boolean;
  organisationId: string;
  entries: number;
  checkpoints: number;
  headSeq: number;
  /** The first entry (or checkpoint) that fails, by sequence number. */
  firstBad?: { seq: number; entryId?: number; checkpointId?: number; fault: ChainFault };
}

const BATCH = 10_000;

/**
 * Re-derives every hash of one organisation's chain from the stored rows and
 * checks each checkpoint signature. Detects an edited row (payload or entry
 * hash), a removed row (sequence gap or head mismatch) and reordered rows
 * (previous-hash mismatch), naming the first bad entry.
 */
export async function verifyChain(db: DbOrTx, organisationId: string, publicKeys: Map<string, string>): Promise<ChainVerification> {
  const checkpoints = await listCheckpoints(db, organisationId);
  const head = await readHead(db, organisationId);
  const hashAt = new Map<number, string>();
  const wanted = new Set(checkpoints.map((c) => c.seq));
  const result: ChainVerification = {
    ok: true,
    organisationId,
    entries: 0,
    checkpoints: checkpoints.length,
    headSeq: head.seq,
  };
  const fail = (f: NonNullable<ChainVerification['firstBad']>) => ({ ...result, ok: false, firstBad: f });

  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  // While one page is hashed, the database is already producing the next (keyset on seq).
  let next: Promise<ChainRow[]> | undefined = readChainPage(db, organisationId, 0, BATCH);
  while (next) {
    const rows: ChainRow[] = await next;
    next = rows.length === BATCH ? readChainPage(db, organisationId, rows.at(-1)!.seq, BATCH) : undefined;
    for (const row of rows) {
      const fault = checkEntry(organisationId, row, expectedSeq, prevHash);
      if (fault) {
        await next?.catch(() => undefined);
        return fail({ seq: row.seq < expectedSeq ? row.seq : expectedSeq, entryId: row.id, fault });
      }
      if (wanted.has(row.seq)) hashAt.set(row.seq, row.entryHash);
      prevHash = row.entryHash;
      expectedSeq++;
      result.entries++;
    }
  }
  if (head.seq !== result.entries || head.entryHash !== prevHash) {
    return fail({ seq: result.entries + 1, fault: 'head_mismatch' });
  }
  for (const c of checkpoints) {
    const pem = publicKeys.get(c.keyFingerprint);
    if (!pem || !verifySignature(pem, checkpointMessage(c), c.signature)) {
      return fail({ seq: c.seq, checkpointId: c.id, fault: 'checkpoint_signature_invalid' });
    }
    if (hashAt.get(c.seq) !== c.entryHash) return fail({ seq: c.seq, checkpointId: c.id, fault: 'checkpoint_mismatch' });
  }
  return result;
}

function checkEntry(organisationId: string, row: ChainRow, expectedSeq: number, prevHash: string): ChainFault | undefined {
  if (row.seq !== expectedSeq) return 'sequence_gap';
  if (row.prevHash !== prevHash) return 'previous_hash_mismatch';
  // The stored text is what was hashed at append: no decoding or re-canonicalising needed.
  if (sha256Hex(row.payload) !== row.payloadHash) return 'payload_hash_mismatch';
  if (hashEntry({ ...row, organisationId }) !== row.entryHash) return 'entry_hash_mismatch';
  return undefined;
}
