import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** RFC 8785 canonical JSON: the stored form of a payload, so key order and spacing never matter. */
export const canonicalJson = (payload: unknown): string => canonicalize(payload) ?? 'null';

/** SHA-256 over the canonical JSON of the payload. */
export function hashPayload(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}

export interface ChainFields {
  organisationId: string;
  seq: number;
  /** A Date, or its toISOString() form as the verifier reads it from the database. */
  recordedAt: Date | string;
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
      typeof f.recordedAt === 'string' ? f.recordedAt : f.recordedAt.toISOString(),
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
