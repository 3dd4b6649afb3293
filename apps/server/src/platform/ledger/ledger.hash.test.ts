import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEntry, hashPayload } from './ledger.hash.ts';

describe('R444-13 ledger hashing', () => {
  it('hashes payloads canonically: key order and spacing do not matter, values do', () => {
    expect(hashPayload({ b: 1, a: 'Қ' })).toBe(hashPayload({ a: 'Қ', b: 1 }));
    expect(hashPayload({ a: 'Қ', b: 1 })).not.toBe(hashPayload({ a: 'Қ', b: 2 }));
  });

  it('the entry hash covers every chained field', () => {
    const base = {
      organisationId: 'o',
      seq: 1,
      recordedAt: new Date('2026-01-01T00:00:00.000Z'),
      actorKind: 'user',
      actorId: 'u',
      action: 'a',
      subjectType: 's',
      subjectId: 'x',
      payloadHash: 'p',
      prevHash: GENESIS_HASH,
    };
    const h = hashEntry(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    for (const [k, v] of Object.entries({
      organisationId: 'o2',
      seq: 2,
      recordedAt: new Date(1),
      actorKind: 'token',
      actorId: null,
      action: 'b',
      subjectType: 't',
      subjectId: null,
      payloadHash: 'q',
      prevHash: 'f'.repeat(64),
    })) {
      expect(hashEntry({ ...base, [k]: v }), k).not.toBe(h);
    }
  });
});
