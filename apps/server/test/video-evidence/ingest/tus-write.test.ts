import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let token: string;
let server: string;

const MiB = 1 << 20;
const b64 = (v: string) => Buffer.from(v).toString('base64');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  token = (await w.resp.post(w.api('/api-tokens'), { name: 'Док-станция' })).json().secret;
  server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);

afterAll(async () => {
  await ctx.close();
});

const tusHeaders = () => ({ authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' });
const headOffset = async (url: URL) => Number((await fetch(url, { method: 'HEAD', headers: tusHeaders() })).headers.get('upload-offset'));

describe('R444-11 R444-13 a PATCH cut off by the client, then resumed', () => {
  it("R444-11 what arrived before the abort counts, the resumed PATCH completes it, and the server SHA-256 is the file's", async () => {
    // Not a multiple of the server's write batch, nor of a socket chunk.
    const bytes = randomBytes(6 * MiB + 12_345);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const name = `cut-${randomBytes(4).toString('hex')}.mp4`;
    const meta = [
      `filename ${b64(name)}`,
      `inventoryNumber ${b64('ВР-001')}`,
      `modifiedAt ${b64('2026-03-02T05:30:00Z')}`,
      `sha256 ${b64(sha256)}`,
    ].join(',');
    const created = await fetch(`${server}/api/v1/dock/uploads`, {
      method: 'POST',
      headers: { ...tusHeaders(), 'upload-length': String(bytes.length), 'upload-metadata': meta },
    });
    expect(created.status).toBe(201);
    const url = new URL(created.headers.get('location')!, server);
    const staged = path.join(ctx.deps.store.stagingDir, 'tus', url.pathname.split('/').pop()!);

    // The client announces the whole file, sends part of it, and goes away.
    const sent = 3 * MiB + 777;
    const req = http.request(url, {
      method: 'PATCH',
      headers: {
        ...tusHeaders(),
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
        'content-length': String(bytes.length),
      },
    });
    req.on('error', () => undefined);
    req.write(bytes.subarray(0, sent));
    for (const until = Date.now() + 10_000; fs.statSync(staged).size < MiB && Date.now() < until;) await sleep(20);
    req.destroy();

    // The server keeps what it received: the offset settles above zero, at most what was sent.
    let offset = -1;
    for (let same = 0, until = Date.now() + 10_000; same < 3 && Date.now() < until; await sleep(100)) {
      const now = await headOffset(url);
      same = now === offset ? same + 1 : 0;
      offset = now;
    }
    expect(offset).toBeGreaterThanOrEqual(MiB);
    expect(offset).toBeLessThanOrEqual(sent);
    expect(fs.readFileSync(staged).equals(bytes.subarray(0, offset))).toBe(true);

    const resumed = await fetch(url, {
      method: 'PATCH',
      headers: { ...tusHeaders(), 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
      body: bytes.subarray(offset),
    });
    expect(resumed.status).toBe(204);
    expect(resumed.headers.get('baqylau-sha256')).toBe(sha256);
    const recs = (await listRecordings(ctx.deps.db, w.org)).filter((r) => r.originalName === name);
    expect(recs.map((r) => [r.sha256, r.size])).toEqual([[sha256, bytes.length]]);
  });
});

describe('R444-11 R444-13 what the dock endpoint refuses, and what it answers without a token', () => {
  const create = (size: number, modifiedAt: string) =>
    fetch(`${server}/api/v1/dock/uploads`, {
      method: 'POST',
      headers: {
        ...tusHeaders(),
        'upload-length': String(size),
        'upload-metadata': [
          `filename ${b64(`r-${randomBytes(3).toString('hex')}.mp4`)}`,
          `inventoryNumber ${b64('ВР-001')}`,
          `modifiedAt ${b64(modifiedAt)}`,
        ].join(','),
      },
    });
  const staged = () => fs.readdirSync(path.join(ctx.deps.store.stagingDir, 'tus')).length;
  const parked = async () => Number((await ctx.sql('SELECT count(*)::int AS n FROM uploads_in_progress')).rows[0]!.n);

  it('R444-11 an empty (0-byte) file is refused with a coded reason; nothing is staged or noted', async () => {
    const [files, rows] = [staged(), await parked()];
    const res = await create(0, '2026-03-02T05:30:00Z');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ingest.file_empty');
    expect(staged()).toBe(files);
    expect(await parked()).toBe(rows);
  });

  it('R444-13 an impossible file time (30 February, 24:00) is refused, never rolled over into another day', async () => {
    for (const t of ['2026-02-30T10:00:00Z', '2026-03-02T24:00:00Z', '2026-13-01T10:00:00Z', '2026-03-02 10:00']) {
      const res = await create(1000, t);
      expect(res.status, t).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('ingest.metadata_invalid');
    }
    expect((await create(1000, '2026-03-02T10:00:00.123+05:00')).status).toBe(201);
  });

  it('R444-11 OPTIONS without a token (tus discovery, a browser preflight) answers the protocol, not a 500', async () => {
    const res = await fetch(`${server}/api/v1/dock/uploads`, { method: 'OPTIONS' });
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('tus-version')).toContain('1.0.0');
  });
});
