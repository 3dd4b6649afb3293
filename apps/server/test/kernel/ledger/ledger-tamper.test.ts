import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLedgerEntry } from '../../../src/platform/ledger/appendLedgerEntry.ts';
import { signCheckpoint } from '../../../src/platform/ledger/checkpoints.ts';
import { verifyChain } from '../../../src/platform/ledger/verifyChain.ts';
import { instancePublicKeys } from '../../../src/kernel/audit/audit.usecases.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

const ORG = '11111111-1111-4111-8111-111111111111';
let ctx: TestContext;

async function appendMany(org: string, n: number) {
  for (let i = 1; i <= n; i++) {
    await ctx.deps.db.transaction((tx) =>
      appendLedgerEntry(
        tx,
        {
          organisationId: org,
          actor: { kind: 'user', id: 'u1' },
          action: 'test.event',
          subjectType: 'thing',
          subjectId: `t${i}`,
          payload: { i, note: `қадам ${i}` },
        },
        ctx.clock.now,
      ),
    );
    ctx.clock.advance(1000);
  }
}

/** Tampering as a superuser would: with triggers switched off for the session. */
async function asDba(query: string, params: unknown[] = []) {
  await ctx.sql('SET session_replication_role = replica');
  try {
    return await ctx.sql(query, params);
  } finally {
    await ctx.sql('SET session_replication_role = origin');
  }
}

interface StoredRow {
  recorded_at: string;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  prev_hash: string;
}

const verify = (org = ORG) => verifyChain(ctx.deps.db, org, instancePublicKeys(ctx.deps));

describe('R444-13 ledger tamper evidence', () => {
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('a fresh chain verifies, and a signed checkpoint covers its head', async () => {
    const org = '22222222-2222-4222-8222-222222222222';
    await appendMany(org, 5);
    const cp = await signCheckpoint(ctx.deps.db, ctx.deps.instanceKey, org, ctx.clock.now);
    expect(cp?.seq).toBe(5);
    const r = await verify(org);
    expect(r).toMatchObject({ ok: true, entries: 5, checkpoints: 1, headSeq: 5 });
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE of ledger rows (trigger)', async () => {
    const org = '33333333-3333-4333-8333-333333333333';
    await appendMany(org, 2);
    await expect(ctx.sql(`UPDATE ledger_entries SET action = 'x' WHERE organisation_id = $1`, [org])).rejects.toThrow(/append-only/);
    await expect(ctx.sql(`DELETE FROM ledger_entries WHERE organisation_id = $1`, [org])).rejects.toThrow(/append-only/);
    await expect(ctx.sql(`TRUNCATE ledger_entries`)).rejects.toThrow(/append-only/);
    await expect(ctx.sql(`UPDATE ledger_checkpoints SET seq = 1`)).rejects.toThrow(/append-only/);
    await expect(ctx.sql(`DELETE FROM ledger_checkpoints`)).rejects.toThrow(/append-only/);
    expect((await verify(org)).ok).toBe(true);
  });

  describe('direct database edits are caught and the first bad entry is named', () => {
    it('an edited payload is caught at that entry', async () => {
      const org = '44444444-4444-4444-8444-444444444444';
      await appendMany(org, 10);
      await asDba(`UPDATE ledger_entries SET payload = '{"i": 4, "note": "өзгертілді"}' WHERE organisation_id = $1 AND seq = 4`, [org]);
      const r = await verify(org);
      expect(r.ok).toBe(false);
      expect(r.firstBad).toMatchObject({ seq: 4, fault: 'payload_hash_mismatch' });
    });

    it('an edited field (actor) is caught at that entry', async () => {
      const org = '55555555-5555-4555-8555-555555555555';
      await appendMany(org, 10);
      await asDba(`UPDATE ledger_entries SET actor_id = 'someone-else' WHERE organisation_id = $1 AND seq = 7`, [org]);
      expect((await verify(org)).firstBad).toMatchObject({ seq: 7, fault: 'entry_hash_mismatch' });
    });

    it('an edit that also recomputes the row hashes is caught at the next link', async () => {
      const org = '66666666-6666-4666-8666-666666666666';
      await appendMany(org, 6);
      // Rewrite entry 3 consistently with itself; entry 4 still points at the old hash.
      const { hashPayload, hashEntry } = await import('../../../src/platform/ledger/ledger.hash.ts');
      const row = (await ctx.sql(`SELECT * FROM ledger_entries WHERE organisation_id = $1 AND seq = 3`, [org]))
        .rows[0] as unknown as StoredRow;
      const payload = { i: 3, note: 'forged' };
      const payloadHash = hashPayload(payload);
      const entryHash = hashEntry({
        organisationId: org,
        seq: 3,
        recordedAt: new Date(row.recorded_at),
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        payloadHash,
        prevHash: row.prev_hash,
      });
      await asDba(`UPDATE ledger_entries SET payload = $2, payload_hash = $3, entry_hash = $4 WHERE organisation_id = $1 AND seq = 3`, [
        org,
        JSON.stringify(payload),
        payloadHash,
        entryHash,
      ]);
      expect((await verify(org)).firstBad).toMatchObject({ seq: 4, fault: 'previous_hash_mismatch' });
    });

    it('a removed entry is caught as a sequence gap at its number', async () => {
      const org = '77777777-7777-4777-8777-777777777777';
      await appendMany(org, 10);
      await asDba(`DELETE FROM ledger_entries WHERE organisation_id = $1 AND seq = 6`, [org]);
      expect((await verify(org)).firstBad).toMatchObject({ seq: 6, fault: 'sequence_gap' });
    });

    it('removed newest entries are caught against the head and the signed checkpoint', async () => {
      const org = '88888888-8888-4888-8888-888888888888';
      await appendMany(org, 8);
      await signCheckpoint(ctx.deps.db, ctx.deps.instanceKey, org, ctx.clock.now);
      await asDba(`DELETE FROM ledger_entries WHERE organisation_id = $1 AND seq >= 7`, [org]);
      expect((await verify(org)).firstBad).toMatchObject({ seq: 7, fault: 'head_mismatch' });
      // Even if the DBA also rewinds the head row, the signed checkpoint still remembers seq 8.
      const [e6] = (await ctx.sql(`SELECT entry_hash FROM ledger_entries WHERE organisation_id = $1 AND seq = 6`, [org])).rows;
      await asDba(`UPDATE ledger_heads SET seq = 6, entry_hash = $2 WHERE organisation_id = $1`, [org, e6!.entry_hash]);
      expect((await verify(org)).firstBad).toMatchObject({ seq: 8, fault: 'checkpoint_mismatch' });
    });

    it('reordered entries are caught at the first moved one', async () => {
      const org = '99999999-9999-4999-8999-999999999999';
      await appendMany(org, 10);
      await asDba(`UPDATE ledger_entries SET seq = -1 WHERE organisation_id = $1 AND seq = 3`, [org]);
      await asDba(`UPDATE ledger_entries SET seq = 3 WHERE organisation_id = $1 AND seq = 5`, [org]);
      await asDba(`UPDATE ledger_entries SET seq = 5 WHERE organisation_id = $1 AND seq = -1`, [org]);
      expect((await verify(org)).firstBad).toMatchObject({ seq: 3, fault: 'previous_hash_mismatch' });
    });

    it('a forged checkpoint signature is caught', async () => {
      await appendMany(ORG, 3);
      const cp = await signCheckpoint(ctx.deps.db, ctx.deps.instanceKey, ORG, ctx.clock.now);
      await asDba(`UPDATE ledger_checkpoints SET signature = $2 WHERE id = $1`, [cp!.id, Buffer.alloc(64, 1).toString('base64')]);
      expect((await verify(ORG)).firstBad).toMatchObject({ seq: 3, fault: 'checkpoint_signature_invalid' });
    });
  });
});
