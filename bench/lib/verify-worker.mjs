// Worker for bench/ledger-verify.profile.ts: re-derives payload and entry hashes of one page of
// raw rows with the server's own hash functions and answers with the first bad seq (or null).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { hashPayload, sha256Hex } = await import('../../apps/server/src/platform/ledger/ledger.hash.ts');
const { organisationId, payloadAsStoredText } = workerData;

parentPort.on('message', (rows) => {
  // Row layout: seq, recorded_at (ISO, as toISOString), actor_kind, actor_id, action, subject_type,
  // subject_id, payload (text), payload_hash, prev_hash, entry_hash.
  for (const r of rows) {
    if (payloadAsStoredText) sha256Hex(r[7]);
    else if (hashPayload(JSON.parse(r[7])) !== r[8]) return parentPort.postMessage({ bad: Number(r[0]), fault: 'payload_hash_mismatch' });
    const e = sha256Hex(
      JSON.stringify(['baqylau-ledger-v1', organisationId, Number(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[8], r[9]]),
    );
    if (e !== r[10]) return parentPort.postMessage({ bad: Number(r[0]), fault: 'entry_hash_mismatch' });
  }
  parentPort.postMessage({ bad: null });
});
