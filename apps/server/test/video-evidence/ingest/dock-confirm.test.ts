import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Upload } from '@tus/utils';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AgentState, fileKey } from '../../../src/video-evidence/dock-agent/agent-state.ts';
import { runDockAgent } from '../../../src/video-evidence/dock-agent/runDockAgent.ts';
import { uploadFile } from '../../../src/video-evidence/dock-agent/upload-file.ts';
import { UploadHash } from '../../../src/video-evidence/dock-agent/upload-hash.ts';
import { cleanAbandonedUploads } from '../../../src/video-evidence/recordings/ingest/cleanAbandonedUploads.ts';
import { HashingFileStore } from '../../../src/video-evidence/recordings/ingest/hashing-file-store.ts';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { uploadsInProgress } from '../../../src/video-evidence/recordings/recordings.table.ts';
import { createApiToken } from '../../../src/kernel/tokens/tokens.usecases.ts';
import { enqueueJob } from '../../../src/platform/jobs/queue.ts';
import { buildWorker } from '../../../src/composition/runtime.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

/*
 * The dock protocol without a SHA-256 sent ahead (R444-11, R444-13): the agent
 * hashes while uploading, the finished upload waits staged, and only the
 * agent's confirmation with an equal SHA-256 commits the original.
 */

const KiB = 1024;
const sha256Of = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const b64 = (v: string) => Buffer.from(v).toString('base64');

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let server: string;
let token: string;
let foreignToken: string;
let proxy: Awaited<ReturnType<typeof startProxy>>;
const tmp: string[] = [];

/**
 * agent → proxy → server: records every request (method, path, headers, body
 * bytes) and can flip one bit in the next PATCH body, as a bad link would.
 */
async function startProxy(target: string) {
  const seen: { method: string; url: string; headers: http.IncomingHttpHeaders; bodyBytes: number }[] = [];
  let corruptNextPatch = false;
  const srv = http.createServer((req, res) => {
    const entry = { method: req.method!, url: req.url!, headers: req.headers, bodyBytes: 0 };
    seen.push(entry);
    let corrupt = req.method === 'PATCH' && corruptNextPatch;
    if (corrupt) corruptNextPatch = false;
    const up = http.request(new URL(req.url!, target), { method: req.method, headers: req.headers }, (ur) => {
      res.writeHead(ur.statusCode!, ur.headers);
      ur.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.on('data', (c: Buffer) => {
      entry.bodyBytes += c.length;
      if (corrupt && c.length) {
        c = Buffer.from(c);
        c[c.length >> 1]! ^= 0x01;
        corrupt = false;
      }
      up.write(c);
    });
    req.on('end', () => up.end());
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(srv.address() as AddressInfo).port}`,
    seen,
    corruptNextPatch: () => (corruptNextPatch = true),
    close: () => new Promise((r) => srv.close(r)),
  };
}

/** A docked recorder ВР-001 with random files; the agent's state file lies beside it. */
function makeDock(files: Record<string, number>) {
  const watch = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-confirm-'));
  tmp.push(watch);
  const dcim = path.join(watch, 'usb-1', 'DCIM');
  fs.mkdirSync(dcim, { recursive: true });
  fs.writeFileSync(path.join(watch, 'usb-1', 'baqylau-recorder.json'), JSON.stringify({ inventoryNumber: 'ВР-001' }));
  const out: Record<string, { file: string; sha256: string; size: number }> = {};
  for (const [name, size] of Object.entries(files)) {
    const bytes = randomBytes(size);
    const file = path.join(dcim, name);
    fs.writeFileSync(file, bytes);
    out[name] = { file, sha256: sha256Of(bytes), size };
  }
  return { watch, stateFile: path.join(watch, '.baqylau-dock-state.json'), files: out };
}

/** Runs the agent in this process (so its reads can be counted): one pass over what is docked. */
async function runAgent(dock: ReturnType<typeof makeDock>, o: { deleteAfterConfirm?: boolean } = {}) {
  const lines: string[] = [];
  const result = await runDockAgent({
    server: proxy.url,
    token,
    watch: dock.watch,
    parallel: 1,
    deleteAfterConfirm: o.deleteAfterConfirm ?? false,
    stateFile: dock.stateFile,
    mapping: {},
    once: true,
    intervalMs: 10,
    chunkSize: 256 * KiB,
    log: (l) => lines.push(l),
  });
  return { ...result, log: lines.join('\n') };
}

/**
 * Calls `onOpen` when a file under `dir` is opened for reading, by either way the agent reads a
 * device file (fs.createReadStream for the hash's catch-up, fs/promises open for the upload), and
 * counts every byte read from it.
 */
function watchDeviceReads(dir: string, onOpen: (file: string) => void = () => undefined) {
  const realStream = fs.createReadStream;
  const realOpen = fsp.open;
  const streams: fs.ReadStream[] = [];
  let handleBytes = 0;
  vi.spyOn(fs, 'createReadStream').mockImplementation(((p: fs.PathLike, opts?: never) => {
    if (String(p).startsWith(dir)) onOpen(String(p));
    const s = realStream(p, opts);
    if (String(p).startsWith(dir)) streams.push(s);
    return s;
  }) as typeof fs.createReadStream);
  vi.spyOn(fsp, 'open').mockImplementation((async (p: fs.PathLike, ...rest: never[]) => {
    if (String(p).startsWith(dir)) onOpen(String(p));
    const fh = await realOpen(p, ...rest);
    if (String(p).startsWith(dir)) {
      const read = fh.read.bind(fh) as (...a: unknown[]) => Promise<{ bytesRead: number }>;
      Object.assign(fh, {
        read: async (...a: unknown[]) => {
          const r = await read(...a);
          handleBytes += r.bytesRead;
          return r;
        },
      });
    }
    return fh;
  }) as typeof fsp.open);
  return async () => {
    await Promise.all(streams.map((s) => (s.closed ? undefined : new Promise<void>((r) => s.once('close', () => r())))));
    return streams.reduce((n, s) => n + s.bytesRead, 0) + handleBytes;
  };
}

/** A tus upload by hand: created (with the agent's SHA-256 in the metadata, or not), then `send` bytes in one PATCH. */
async function tusUpload(bytes: Buffer, o: { sha256?: string; send?: number; name?: string } = {}) {
  const meta = [
    `filename ${b64(o.name ?? `clip-${randomBytes(4).toString('hex')}.mp4`)}`,
    `inventoryNumber ${b64('ВР-001')}`,
    `modifiedAt ${b64('2026-03-02T05:30:00Z')}`,
    ...(o.sha256 ? [`sha256 ${b64(o.sha256)}`] : []),
  ].join(',');
  const headers = { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' };
  const created = await fetch(`${server}/api/v1/dock/uploads`, {
    method: 'POST',
    headers: { ...headers, 'upload-length': String(bytes.length), 'upload-metadata': meta },
  });
  expect(created.status).toBe(201);
  const location = created.headers.get('location')!;
  const patch = await fetch(new URL(location, server), {
    method: 'PATCH',
    headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    body: bytes.subarray(0, o.send ?? bytes.length),
  });
  return { uploadId: location.split('/').pop()!, patch };
}

async function confirm(uploadId: string, sha256: string, tok = token) {
  const res = await fetch(`${server}/api/v1/dock/uploads/${encodeURIComponent(uploadId)}/confirm`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
    body: JSON.stringify({ sha256 }),
  });
  type Answer = Record<string, unknown> & { error: { code: string; details?: Record<string, unknown> } };
  return { status: res.status, body: (await res.json()) as Answer };
}

const receipt = (uploadId: string) =>
  fetch(`${server}/api/v1/dock/receipts/${encodeURIComponent(uploadId)}`, { headers: { authorization: `Bearer ${token}` } });
const tusDir = () => path.join(ctx.deps.store.stagingDir, 'tus');
const stagedFiles = (uploadId: string) => fs.readdirSync(tusDir()).filter((n) => n.startsWith(uploadId));
const recordingsNamed = async (name: string) => (await listRecordings(ctx.deps.db, w.org)).filter((r) => r.originalName === name);

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
  const head = w.world.userIds.get('head')!;
  foreignToken = (await createApiToken(ctx.deps, { kind: 'user', id: head }, w.world.foreign, 'Бөгде док-станция')).secret;
  server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  proxy = await startProxy(server);
}, 60_000);

afterEach(() => {
  vi.restoreAllMocks();
});

afterAll(async () => {
  await proxy?.close();
  await ctx?.close();
  for (const d of tmp) fs.rmSync(d, { recursive: true, force: true });
});

describe('R444-11 R444-13 the agent hashes while uploading and confirms afterwards', () => {
  it('R444-11 the creation metadata carries no SHA-256, each device file is read once, and the confirmed receipt has the file hash', async () => {
    const dock = makeDock({ 'A_0001.mp4': 1000 * KiB + 7, 'A_0002.mp4': 300 * KiB });
    const bytesRead = watchDeviceReads(dock.watch);
    const from = proxy.seen.length;
    const r = await runAgent(dock);
    expect(r).toMatchObject({ failures: 0, remaining: 0 });
    expect(await bytesRead()).toBe(1000 * KiB + 7 + 300 * KiB);

    const requests = proxy.seen.slice(from);
    const creations = requests.filter((q) => q.method === 'POST' && q.url === '/api/v1/dock/uploads');
    expect(creations).toHaveLength(2);
    for (const c of creations) {
      const keys = String(c.headers['upload-metadata'])
        .split(',')
        .map((kv) => kv.split(' ')[0]);
      expect(keys.sort()).toEqual(['filename', 'inventoryNumber', 'modifiedAt']);
    }
    expect(requests.filter((q) => /^\/api\/v1\/dock\/uploads\/[^/]+\/confirm$/.test(q.url))).toHaveLength(2);
    expect(requests.filter((q) => q.method === 'PATCH').reduce((n, q) => n + q.bodyBytes, 0)).toBe(1000 * KiB + 7 + 300 * KiB);

    const state = new AgentState(dock.stateFile);
    for (const [name, f] of Object.entries(dock.files)) {
      const [rec] = await recordingsNamed(name);
      expect(rec).toMatchObject({ sha256: f.sha256, size: f.size });
      expect(r.log).toContain(`${name}: verified (sha256 ${f.sha256.slice(0, 16)}…), recording ${rec!.id}`);
      const st = fs.statSync(f.file);
      expect(state.get(fileKey('ВР-001', name, st.size, st.mtimeMs))).toMatchObject({ sha256: f.sha256, recordingId: rec!.id });
      expect(await ctx.deps.store.stat(f.sha256)).toMatchObject({ size: f.size });
    }
  });

  it('R444-13 a bit flipped on the way: the confirmation is refused, nothing is stored, the device keeps the file; the next pass uploads it anew', async () => {
    const dock = makeDock({ 'B_0001.mp4': 700 * KiB });
    const f = dock.files['B_0001.mp4']!;
    proxy.corruptNextPatch();
    const from = proxy.seen.length;
    const first = await runAgent(dock, { deleteAfterConfirm: true });
    expect(first.failures).toBe(1);
    expect(first.log).toMatch(/B_0001\.mp4: will retry — confirm 409: .*ingest\.checksum_mismatch/);
    expect(first.log).not.toContain('removed from the device');
    expect(fs.existsSync(f.file)).toBe(true);
    expect(await recordingsNamed('B_0001.mp4')).toEqual([]);
    expect(await ctx.deps.store.stat(f.sha256)).toBeUndefined();
    const patched = proxy.seen.slice(from).find((q) => q.method === 'PATCH')!;
    expect(stagedFiles(patched.url.split('/').pop()!)).toEqual([]); // the staged upload is discarded
    const st = fs.statSync(f.file);
    expect(new AgentState(dock.stateFile).get(fileKey('ВР-001', 'B_0001.mp4', st.size, st.mtimeMs))).toEqual({});

    const second = await runAgent(dock, { deleteAfterConfirm: true });
    expect(second.failures).toBe(0);
    expect(second.log).toContain('B_0001.mp4: removed from the device after confirmation');
    expect(fs.existsSync(f.file)).toBe(false);
    expect(await recordingsNamed('B_0001.mp4')).toEqual([expect.objectContaining({ sha256: f.sha256, size: f.size })]);
  });

  it('R444-13 a file written to while it is read is not confirmed: the upload is discarded, the file stays; the next pass takes it as it is then', async () => {
    const dock = makeDock({ 'B_0002.mp4': 400 * KiB });
    const f = dock.files['B_0002.mp4']!;
    // The device appends to the file right after the agent starts reading it.
    let appended = false;
    watchDeviceReads(dock.watch, (p) => {
      if (p === f.file && !appended) {
        appended = true;
        fs.appendFileSync(f.file, randomBytes(10 * KiB));
      }
    });
    const from = proxy.seen.length;
    const first = await runAgent(dock, { deleteAfterConfirm: true });
    vi.restoreAllMocks();
    expect(first.failures).toBe(1);
    expect(first.log).toContain('B_0002.mp4: will retry — the file changed while it was read');
    const requests = proxy.seen.slice(from);
    expect(requests.some((q) => q.url.endsWith('/confirm'))).toBe(false);
    const uploadId = requests
      .find((q) => q.method === 'PATCH')!
      .url.split('/')
      .pop()!;
    expect(requests.at(-1)).toMatchObject({ method: 'DELETE', url: `/api/v1/dock/uploads/${uploadId}` });
    expect(stagedFiles(uploadId)).toEqual([]);
    expect(await ctx.deps.db.select().from(uploadsInProgress).where(eq(uploadsInProgress.uploadId, uploadId))).toEqual([]);
    expect(await recordingsNamed('B_0002.mp4')).toEqual([]);
    expect(fs.statSync(f.file).size).toBe(410 * KiB);

    const second = await runAgent(dock, { deleteAfterConfirm: true });
    expect(second.failures).toBe(0);
    expect(await recordingsNamed('B_0002.mp4')).toEqual([expect.objectContaining({ size: 410 * KiB })]);
    expect(fs.existsSync(f.file)).toBe(false);
  });

  it('R444-13 a confirmation with another SHA-256 stores nothing and discards the upload', async () => {
    const bytes = randomBytes(200 * KiB);
    const { uploadId, patch } = await tusUpload(bytes, { name: 'C_0001.mp4' });
    expect(patch.status).toBe(204);
    expect(patch.headers.get('baqylau-sha256')).toBe(sha256Of(bytes));
    const wrong = sha256Of(Buffer.from('not the file'));
    const res = await confirm(uploadId, wrong);
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({
      code: 'ingest.checksum_mismatch',
      details: { serverSha256: sha256Of(bytes), agentSha256: wrong },
    });
    expect(await recordingsNamed('C_0001.mp4')).toEqual([]);
    expect(await ctx.deps.store.stat(sha256Of(bytes))).toBeUndefined();
    expect(stagedFiles(uploadId)).toEqual([]);
    expect(await ctx.deps.db.select().from(uploadsInProgress).where(eq(uploadsInProgress.uploadId, uploadId))).toEqual([]);
    // Gone for good: the right SHA-256 now finds no upload (the agent uploads again).
    expect((await confirm(uploadId, sha256Of(bytes))).body.error.code).toBe('ingest.upload_not_found');
  });

  it('R444-11 R444-13 a finished upload waiting for its confirmation is no recording: not listed, no receipt; confirming it twice gives one recording', async () => {
    const bytes = randomBytes(150 * KiB);
    const sha = sha256Of(bytes);
    const { uploadId } = await tusUpload(bytes, { name: 'D_0001.mp4' });
    expect(await recordingsNamed('D_0001.mp4')).toEqual([]);
    const ledgerBefore = (await (await w.world.as('head')).get(w.api('/ledger?action=recording.ingested'))).json().length;
    expect((await receipt(uploadId)).status).toBe(404);
    expect(stagedFiles(uploadId).length).toBe(2); // the bytes and their tus description, still staged
    const [row] = await ctx.deps.db.select().from(uploadsInProgress).where(eq(uploadsInProgress.uploadId, uploadId));
    expect(row?.sha256).toBe(sha);

    // Another organisation's dock token finds no such upload, and changes nothing.
    const foreign = await confirm(uploadId, sha, foreignToken);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('ingest.upload_not_found');

    const first = await confirm(uploadId, sha);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ uploadId, sha256: sha, size: bytes.length });
    const again = await confirm(uploadId, sha);
    expect(again).toEqual(first);
    expect((await (await receipt(uploadId)).json()) as unknown).toEqual(first.body);
    expect(await recordingsNamed('D_0001.mp4')).toEqual([expect.objectContaining({ id: first.body.recordingId })]);
    expect(stagedFiles(uploadId)).toEqual([]);

    // A different SHA-256 for the committed upload is refused and changes nothing.
    const other = await confirm(uploadId, sha256Of(Buffer.from('other')));
    expect(other.body.error.code).toBe('ingest.checksum_mismatch');
    expect(await recordingsNamed('D_0001.mp4')).toHaveLength(1);
    const ledgerAfter = (await (await w.world.as('head')).get(w.api('/ledger?action=recording.ingested'))).json().length;
    expect(ledgerAfter).toBe(ledgerBefore + 1);
  });

  it('R444-11 an upload not finished yet cannot be confirmed', async () => {
    const bytes = randomBytes(100 * KiB);
    const { uploadId, patch } = await tusUpload(bytes, { send: 40 * KiB });
    expect(patch.status).toBe(204);
    const res = await confirm(uploadId, sha256Of(bytes));
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'ingest.upload_incomplete', details: { offset: 40 * KiB, size: 100 * KiB } });
    expect(stagedFiles(uploadId).length).toBe(2);
  });

  it('R444-11 an agent restarted after the last byte sends nothing again: it hashes the file (one read) and confirms', async () => {
    const dock = makeDock({ 'E_0001.mp4': 500 * KiB });
    const f = dock.files['E_0001.mp4']!;
    const st = fs.statSync(f.file);
    const key = fileKey('ВР-001', 'E_0001.mp4', st.size, st.mtimeMs);
    // The earlier agent process uploaded every byte and stopped before confirming.
    const url = await uploadFile({
      endpoint: `${proxy.url}/api/v1/dock/uploads`,
      token,
      file: f.file,
      size: f.size,
      hash: new UploadHash(f.file, f.size),
      metadata: { filename: 'E_0001.mp4', inventoryNumber: 'ВР-001', modifiedAt: st.mtime.toISOString() },
      onUrl: (u) => new AgentState(dock.stateFile).set(key, { uploadUrl: u }),
      onProgress: () => {},
    });
    expect(await recordingsNamed('E_0001.mp4')).toEqual([]);

    const bytesRead = watchDeviceReads(dock.watch);
    const from = proxy.seen.length;
    const r = await runAgent(dock);
    expect(r.failures).toBe(0);
    expect(await bytesRead()).toBe(f.size);
    const requests = proxy.seen.slice(from).map((q) => `${q.method} ${q.url}`);
    const uploadId = url.split('/').pop()!;
    expect(requests).toEqual([
      `GET /api/v1/dock/receipts/${uploadId}`,
      `HEAD /api/v1/dock/uploads/${uploadId}`,
      `POST /api/v1/dock/uploads/${uploadId}/confirm`,
    ]);
    expect(await recordingsNamed('E_0001.mp4')).toEqual([expect.objectContaining({ sha256: f.sha256, uploadId })]);
  });

  it('R444-11 uploads that carry the SHA-256 in their metadata (older agents) are committed at the last byte, as before', async () => {
    const bytes = randomBytes(120 * KiB);
    const sha = sha256Of(bytes);
    const { uploadId, patch } = await tusUpload(bytes, { sha256: sha, name: 'F_0001.mp4' });
    expect(patch.status).toBe(204);
    const [rec] = await recordingsNamed('F_0001.mp4');
    expect(patch.headers.get('baqylau-recording-id')).toBe(rec!.id);
    expect(((await (await receipt(uploadId)).json()) as { recordingId: string }).recordingId).toBe(rec!.id);
    expect((await confirm(uploadId, sha)).body.recordingId).toBe(rec!.id);

    const wrong = await tusUpload(randomBytes(50 * KiB), { sha256: sha, name: 'F_0002.mp4' });
    expect(wrong.patch.status).toBe(409);
    expect(((await wrong.patch.json()) as { error: { code: string } }).error.code).toBe('ingest.checksum_mismatch');
    expect(await recordingsNamed('F_0002.mp4')).toEqual([]);
  });

  it('R444-11 R444-13 all bytes staged but the server stopped before the recording: the receipt finishes an upload with the SHA-256, the confirmation one without', async () => {
    // Staged as a server that died right after the last byte leaves them: no digest noted, no recording.
    const store = new HashingFileStore(tusDir());
    const stage = async (name: string, bytes: Buffer, sha256?: string) => {
      const id = `${w.org}.${randomBytes(8).toString('hex')}`;
      const metadata = { filename: name, inventoryNumber: 'ВР-001', modifiedAt: '2026-03-02T05:40:00Z', ...(sha256 ? { sha256 } : {}) };
      await store.create(new Upload({ id, size: bytes.length, offset: 0, metadata }));
      await store.write(Readable.from([bytes]), id, 0);
      return id;
    };
    const withSha = randomBytes(90 * KiB);
    const id1 = await stage('G_0001.mp4', withSha, sha256Of(withSha));
    const res1 = await receipt(id1);
    expect(res1.status).toBe(200);
    expect(((await res1.json()) as { sha256: string }).sha256).toBe(sha256Of(withSha));

    const without = randomBytes(80 * KiB);
    const id2 = await stage('G_0002.mp4', without);
    expect((await receipt(id2)).status).toBe(404); // waits for the agent's SHA-256
    expect(await recordingsNamed('G_0002.mp4')).toEqual([]);
    const res2 = await confirm(id2, sha256Of(without));
    expect(res2.status).toBe(200);
    expect(res2.body.sha256).toBe(sha256Of(without));
    expect(await recordingsNamed('G_0002.mp4')).toHaveLength(1);
  });

  it('R444-11 a finished upload never confirmed is removed by the cleanup after the configured age, files and row', async () => {
    const bytes = randomBytes(60 * KiB);
    const { uploadId } = await tusUpload(bytes, { name: 'H_0001.mp4' });
    const fresh = await tusUpload(randomBytes(10 * KiB), { name: 'H_0002.mp4' });
    const maxAgeMs = ctx.deps.config.uploadExpiryHours * 3_600_000;
    const old = new Date(Date.now() - maxAgeMs - 3_600_000);
    for (const n of stagedFiles(uploadId)) fs.utimesSync(path.join(tusDir(), n), old, old);
    expect(cleanAbandonedUploads(tusDir(), maxAgeMs).sort()).toEqual([uploadId, `${uploadId}.json`]);
    expect(stagedFiles(fresh.uploadId).length).toBe(2);
    expect((await confirm(uploadId, sha256Of(bytes))).body.error.code).toBe('ingest.upload_not_found');

    // The job removes the row too once the age has passed (by the application clock).
    ctx.clock.advance(maxAgeMs + 3_600_000);
    await enqueueJob(ctx.deps.db, 'uploads.cleanup', {}, { runAt: ctx.clock.now });
    await buildWorker(ctx.deps).worker.drain(() => ctx.clock.now);
    const rows = await ctx.deps.db.select().from(uploadsInProgress).where(eq(uploadsInProgress.uploadId, uploadId));
    expect(rows).toEqual([]);
    expect(await recordingsNamed('H_0001.mp4')).toEqual([]);
  });
});
