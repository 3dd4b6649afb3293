import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** SHA-256 over the RFC 8785 canonical JSON of the payload: key order and spacing do not matter. */
export function hashPayload(payload: unknown): string {
  return sha256Hex(canonicalize(payload) ?? 'null');
}

export interface ChainFields {
  organisationId: string;
  seq: number;
  recordedAt: Date;
  actorKind: string;
  actorId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  payloadHash: string;
  prevHash: string;
}

/**
 * The entry hash covers every field but the payload itself (which the payload
 * hash stands for). A JSON array has a fixed order, so JSON.stringify of it is
 * already canonical — and cheap enough to verify a million entries in seconds.
 * The same encoding is reproduced by verify.html in court packages.
 */
export function hashEntry(f: ChainFields): string {
  return sha256Hex(
    JSON.stringify([
      'baqylau-ledger-v1',
      f.organisationId,
      f.seq,
      f.recordedAt.toISOString(),
      f.actorKind,
      f.actorId,
      f.action,
      f.subjectType,
      f.subjectId,
      f.payloadHash,
      f.prevHash,
    ]),
  );
}
