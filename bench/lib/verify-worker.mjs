// Worker for bench/ledger-verify.profile.ts: the hashing half of verifyChain's checkEntry, with the
// server's own functions, on one page of rows. Answers { id, bad: null } or { id, bad: seq, fault }.
//   mode 'objects': ChainRow objects, as readChainPage returns them;
//   mode 'arrays':  the same columns as text arrays (pg rowMode 'array', no type parsing);
//   mode 'noop':    answers at once, to time the transfer of a page alone.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { hashEntry, sha256Hex } = await import('../../apps/server/src/platform/ledger/ledger.hash.ts');
const { organisationId } = workerData;

// readChainPage's columns: id, seq, recordedAt, actorKind, actorId, action, subjectType, subjectId, payload, payloadHash, prevHash, entryHash.
const fromArray = (r) => ({
  seq: Number(r[1]),
  recordedAt: r[2],
  actorKind: r[3],
  actorId: r[4],
  action: r[5],
  subjectType: r[6],
  subjectId: r[7],
  payload: r[8],
  payloadHash: r[9],
  prevHash: r[10],
  entryHash: r[11],
});

parentPort.on('message', ({ id, mode, rows }) => {
  if (mode !== 'noop') {
    for (const raw of rows) {
      const row = mode === 'arrays' ? fromArray(raw) : raw;
      if (sha256Hex(row.payload) !== row.payloadHash) return parentPort.postMessage({ id, bad: row.seq, fault: 'payload_hash_mismatch' });
      if (hashEntry({ ...row, organisationId }) !== row.entryHash)
        return parentPort.postMessage({ id, bad: row.seq, fault: 'entry_hash_mismatch' });
    }
  }
  parentPort.postMessage({ id, bad: null });
});
