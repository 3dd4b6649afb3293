/** The ledger workload shared by the benchmark and ad-hoc profiling: realistic events, bulk-built chains. */
import { randomUUID } from 'node:crypto';
import { checkpointMessage } from '../../apps/server/src/platform/ledger/checkpoints.ts';
import { GENESIS_HASH, canonicalJson, hashEntry, sha256Hex } from '../../apps/server/src/platform/ledger/ledger.hash.ts';
import type { LedgerEvent } from '../../apps/server/src/platform/ledger/ledger.types.ts';
import type { InstanceKey } from '../../apps/server/src/platform/keys/instance-key.ts';

// ---------------------------------------------------------------------------------------------
// Workload: realistic entries (an appointment with a Kazakh note), a few system/null fields.
// ---------------------------------------------------------------------------------------------
const ACTOR_ID = randomUUID();
const PERSON_IDS = Array.from({ length: 50 }, () => randomUUID());

export function makeEvent(organisationId: string, i: number): LedgerEvent {
  const system = i % 50 === 0;
  return {
    organisationId,
    actor: system ? { kind: 'system', id: null } : { kind: 'user', id: ACTOR_ID },
    action: i % 3 === 0 ? 'appointment.ended' : 'appointment.made',
    subjectType: 'appointment',
    subjectId: system ? null : `0000${i}`.slice(-5) + '-appointment',
    payload: {
      personId: PERSON_IDS[i % PERSON_IDS.length],
      role: 'responsible_person',
      validFrom: '2026-01-01',
      validTo: '2026-12-31',
      basis: { document: `Бұйрық № ${i}`, date: '2025-12-20' },
      note: 'Жауапты тұлғаны тағайындау — Назначение ответственного лица',
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Big chains: precomputed in JS with the server's own hash functions, bulk-inserted.
// ---------------------------------------------------------------------------------------------
export type RawQuery = (text: string, params: unknown[]) => Promise<unknown>;

const INSERT_CHUNK = 10_000;
const CHECKPOINTS_PER_CHAIN = 10;

export async function buildChain(raw: RawQuery, organisationId: string, n: number, key: InstanceKey) {
  const t0 = Date.UTC(2025, 0, 1);
  let prevHash = GENESIS_HASH;
  let hashMs = 0;
  const checkpointEvery = Math.max(1, Math.floor(n / CHECKPOINTS_PER_CHAIN));
  const checkpoints: { seq: number; entryHash: string }[] = [];
  const started = performance.now();
  for (let base = 0; base < n; base += INSERT_CHUNK) {
    const m = Math.min(INSERT_CHUNK, n - base);
    const cols = Array.from({ length: 11 }, () => new Array<unknown>(m));
    const h0 = performance.now();
    for (let k = 0; k < m; k++) {
      const seq = base + k + 1;
      const e = makeEvent(organisationId, seq);
      const recordedAt = new Date(t0 + seq * 1000);
      const payload = canonicalJson(e.payload);
      const payloadHash = sha256Hex(payload);
      const entryHash = hashEntry({
        organisationId,
        seq,
        recordedAt,
        actorKind: e.actor.kind,
        actorId: e.actor.id,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId,
        payloadHash,
        prevHash,
      });
      const row = [
        seq,
        recordedAt.toISOString(),
        e.actor.kind,
        e.actor.id,
        e.action,
        e.subjectType,
        e.subjectId,
        payload,
        payloadHash,
        prevHash,
        entryHash,
      ];
      for (let c = 0; c < 11; c++) cols[c]![k] = row[c];
      if (seq % checkpointEvery === 0 || seq === n) checkpoints.push({ seq, entryHash });
      prevHash = entryHash;
    }
    hashMs += performance.now() - h0;
    await raw(
      `INSERT INTO ledger_entries (organisation_id, seq, recorded_at, actor_kind, actor_id, action, subject_type, subject_id, payload, payload_hash, prev_hash, entry_hash)
       SELECT $1::uuid, * FROM unnest($2::bigint[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[])`,
      [organisationId, ...cols],
    );
  }
  await raw('INSERT INTO ledger_heads (organisation_id, seq, entry_hash) VALUES ($1, $2, $3)', [organisationId, n, prevHash]);
  const signedAt = new Date(Math.floor(Date.now()));
  for (const c of checkpoints) {
    const body = { organisationId, seq: c.seq, entryHash: c.entryHash, signedAt };
    await raw(
      'INSERT INTO ledger_checkpoints (organisation_id, seq, entry_hash, signed_at, key_fingerprint, signature) VALUES ($1, $2, $3, $4, $5, $6)',
      [organisationId, c.seq, c.entryHash, signedAt.toISOString(), key.fingerprint, key.sign(checkpointMessage(body))],
    );
  }
  // A settled table, as autovacuum would leave it (hint bits set, statistics current).
  await raw('VACUUM (ANALYZE) ledger_entries', []);
  return { buildMs: performance.now() - started, hashMs, checkpoints: checkpoints.length };
}
