import type { DbOrTx } from '../../db/database.ts';
import { ledgerAppends } from '../metrics/metrics.ts';
import { canonicalJson, hashEntry, sha256Hex } from './ledger.hash.ts';
import { insertEntryAndMoveHead, lockHead } from './ledger.repository.ts';
import type { LedgerEvent } from './ledger.types.ts';

/**
 * Appends one entry to the organisation's chain. Call it inside the use case's
 * transaction so the state change and its ledger entry commit together or not at all.
 */
export async function appendLedgerEntry(tx: DbOrTx, event: LedgerEvent, now = new Date()) {
  ledgerAppends.inc();
  const head = await lockHead(tx, event.organisationId);
  // Millisecond precision: what PostgreSQL stores is exactly what was hashed.
  const recordedAt = new Date(Math.floor(now.getTime()));
  const payload = canonicalJson(event.payload);
  const payloadHash = sha256Hex(payload);
  const fields = {
    organisationId: event.organisationId,
    seq: head.seq + 1,
    recordedAt,
    actorKind: event.actor.kind,
    actorId: event.actor.id,
    action: event.action,
    subjectType: event.subjectType,
    subjectId: event.subjectId,
    payloadHash,
    prevHash: head.entryHash,
  };
  const entryHash = hashEntry(fields);
  await insertEntryAndMoveHead(tx, { ...fields, payload, entryHash });
  return { seq: fields.seq, entryHash };
}
