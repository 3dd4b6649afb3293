import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

// The same file docked again (another dock, a lost agent state, a vendor's client that starts over):
// one recording, whatever the path. Runs on PGlite and, under with-postgres, on PostgreSQL.
let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let token: string;
let server: string;

const b64 = (v: string) => Buffer.from(v).toString('base64');
const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const TUS = { 'tus-resumable': '1.0.0' };
const auth = () => ({ authorization: `Bearer ${token}` });
type Receipt = { uploadId: string; recordingId: string; sha256: string; size: number };

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
  server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);

afterAll(async () => {
  await ctx.close();
});

/** A whole tus upload by raw HTTP; with `sha256` it is committed at the last byte, without it waits for confirm. */
async function dockFile(bytes: Buffer, name: string, o: { sha256?: string; inventoryNumber?: string } = {}) {
  const meta = [
    `filename ${b64(name)}`,
    `inventoryNumber ${b64(o.inventoryNumber ?? 'ВР-001')}`,
    `modifiedAt ${b64('2026-03-02T05:30:00Z')}`,
    ...(o.sha256 ? [`sha256 ${b64(o.sha256)}`] : []),
  ].join(',');
  const created = await fetch(`${server}/api/v1/dock/uploads`, {
    method: 'POST',
    headers: { ...auth(), ...TUS, 'upload-length': String(bytes.length), 'upload-metadata': meta },
  });
  expect(created.status).toBe(201);
  const url = new URL(created.headers.get('location')!, server);
  const patch = await fetch(url, {
    method: 'PATCH',
    headers: { ...auth(), ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: bytes,
  });
  expect(patch.status).toBe(204);
  return { url, uploadId: url.pathname.split('/').pop()!, patch };
}

async function confirm(uploadId: string, sha256: string) {
  const res = await fetch(`${server}/api/v1/dock/uploads/${encodeURIComponent(uploadId)}/confirm`, {
    method: 'POST',
    headers: { ...auth(), 'content-type': 'application/json' },
    body: JSON.stringify({ sha256 }),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Receipt;
}

const receipt = async (uploadId: string) =>
  (await fetch(`${server}/api/v1/dock/receipts/${encodeURIComponent(uploadId)}`, { headers: auth() })).json() as Promise<Receipt>;
const named = async (name: string) => (await listRecordings(ctx.deps.db, w.org)).filter((r) => r.originalName === name);
const staged = (uploadId: string) => fs.readdirSync(path.join(ctx.deps.store.stagingDir, 'tus')).filter((f) => f.startsWith(uploadId));

describe('R444-11 R444-13 the same file docked again is one recording', () => {
  it('R444-11 docked again (recorder, name, size and SHA-256 equal) it answers the kept recording, by confirmation and by receipt; the ledger notes the repeat', async () => {
    const bytes = randomBytes(300_000);
    const sha256 = sha256Of(bytes);
    const first = await dockFile(bytes, 'R_0001.mp4');
    const kept = await confirm(first.uploadId, sha256);

    const again = await dockFile(bytes, 'R_0001.mp4');
    const answered = await confirm(again.uploadId, sha256);
    expect(answered).toEqual(kept);
    expect(await receipt(again.uploadId)).toEqual(kept);
    expect(await confirm(again.uploadId, sha256)).toEqual(kept); // confirming twice: the same
    expect((await named('R_0001.mp4')).map((r) => r.id)).toEqual([kept.recordingId]);
    expect(staged(again.uploadId)).toEqual([]);
    const parked = await ctx.sql('SELECT upload_id FROM uploads_in_progress WHERE upload_id = $1', [again.uploadId]);
    expect(parked.rows).toEqual([]);
    const { rows } = await ctx.sql(
      `SELECT subject_id, payload FROM ledger_entries WHERE action = 'recording.redocked' AND organisation_id = $1`,
      [w.org],
    );
    expect(rows.map((r) => [r.subject_id, JSON.parse(r.payload as string).uploadId])).toEqual([[kept.recordingId, again.uploadId]]);

    // Committed at the last byte (the SHA-256 in the metadata): the same answer, in the PATCH's headers.
    const third = await dockFile(bytes, 'R_0001.mp4', { sha256 });
    expect(third.patch.headers.get('baqylau-recording-id')).toBe(kept.recordingId);
    expect(await named('R_0001.mp4')).toHaveLength(1);
  });

  it('R444-13 a different file is never taken for the one kept: same bytes under another name, or from another recorder, are recordings of their own', async () => {
    const bytes = randomBytes(100_000);
    const sha256 = sha256Of(bytes);
    const a = await confirm((await dockFile(bytes, 'S_0001.mp4')).uploadId, sha256);
    const b = await confirm((await dockFile(bytes, 'S_0002.mp4')).uploadId, sha256);
    const c = await confirm((await dockFile(bytes, 'S_0001.mp4', { inventoryNumber: 'ВР-002' })).uploadId, sha256);
    expect(new Set([a.recordingId, b.recordingId, c.recordingId]).size).toBe(3);
  });

  it('R444-11 a client holding a committed upload’s URL learns it is complete (HEAD: offset = length), sends nothing and cannot terminate it', async () => {
    const bytes = randomBytes(50_000);
    const sha256 = sha256Of(bytes);
    const { url, uploadId } = await dockFile(bytes, 'T_0001.mp4', { sha256 });
    const head = await fetch(url, { method: 'HEAD', headers: { ...auth(), ...TUS } });
    expect(head.status).toBe(200);
    expect([head.headers.get('upload-offset'), head.headers.get('upload-length')]).toEqual([String(bytes.length), String(bytes.length)]);
    expect(head.headers.get('tus-resumable')).toBe('1.0.0');
    expect(head.headers.get('baqylau-sha256')).toBe(sha256);
    expect(head.headers.get('cache-control')).toBe('no-store');
    const del = await fetch(url, { method: 'DELETE', headers: { ...auth(), ...TUS } });
    expect(del.status).toBe(409);
    expect(((await del.json()) as { error: { code: string } }).error.code).toBe('ingest.upload_committed');
    expect((await receipt(uploadId)).sha256).toBe(sha256);
  });

  it('R444-13 two docks finishing the same file at the same moment make one recording', async () => {
    const bytes = randomBytes(200_000);
    const sha256 = sha256Of(bytes);
    const [x, y] = await Promise.all([dockFile(bytes, 'U_0001.mp4', { sha256 }), dockFile(bytes, 'U_0001.mp4', { sha256 })]);
    const recs = await named('U_0001.mp4');
    expect(recs).toHaveLength(1);
    expect([x.patch.headers.get('baqylau-recording-id'), y.patch.headers.get('baqylau-recording-id')]).toEqual([recs[0]!.id, recs[0]!.id]);
  });
});
