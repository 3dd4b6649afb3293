import type { DbOrTx } from '../../db/database.ts';
import type { InstanceKey } from '../keys/instance-key.ts';
import { insertCheckpoint, listCheckpoints, organisationsWithLedger, readHead } from './ledger.repository.ts';

/** The exact bytes a checkpoint signature covers. */
export function checkpointMessage(c: { organisationId: string; seq: number; entryHash: string; signedAt: Date }) {
  return JSON.stringify(['baqylau-checkpoint-v1', c.organisationId, c.seq, c.entryHash, c.signedAt.toISOString()]);
}

/** Signs the current head of one organisation's chain (no-op when nothing new since the last one). */
export async function signCheckpoint(db: DbOrTx, key: InstanceKey, organisationId: string, now = new Date()) {
  const head = await readHead(db, organisationId);
  if (head.seq === 0) return undefined;
  const existing = await listCheckpoints(db, organisationId);
  const last = existing.at(-1);
  if (last && last.seq === head.seq) return last;
  const signedAt = new Date(Math.floor(now.getTime()));
  const body = { organisationId, seq: head.seq, entryHash: head.entryHash, signedAt };
  const [row] = await insertCheckpoint(db, {
    ...body,
    keyFingerprint: key.fingerprint,
    signature: key.sign(checkpointMessage(body)),
  });
  return row;
}

export async function signAllCheckpoints(db: DbOrTx, key: InstanceKey, now = new Date()) {
  const orgs = await organisationsWithLedger(db);
  let signed = 0;
  for (const o of orgs) if (await signCheckpoint(db, key, o.organisationId, now)) signed++;
  return signed;
}
