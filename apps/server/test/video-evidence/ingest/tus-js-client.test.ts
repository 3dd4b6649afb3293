import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tus from 'tus-js-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { seedJournalWorld } from '../../support/journal-world.ts';
import { createTestContext, type TestContext } from '../../support/test-app.ts';

// A vendor's dock with nothing of ours: tus-js-client as published, its own Node HTTP stack and file
// handling, the SHA-256 given in the creation metadata (the way that needs no call outside tus).
let ctx: TestContext;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let token: string;
let server: string;
let dir: string;

const KiB = 1024;

beforeAll(async () => {
  ctx = await createTestContext();
  w = await seedJournalWorld(ctx);
  token = (await w.resp.post(w.api('/api-tokens'), { name: 'Vendor dock' })).json().secret;
  server = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-vendor-dock-'));
}, 120_000);

afterAll(async () => {
  await ctx.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Source = Buffer | fs.ReadStream;
interface Run {
  upload: tus.Upload;
  done: Promise<string>;
}

/** Starts tus-js-client on `source`; `done` gives the upload URL on success. */
function startUpload(
  source: Source,
  size: number,
  name: string,
  sha256: string,
  o: { uploadUrl?: string; onProgress?: (sent: number) => void } = {},
): Run {
  let upload!: tus.Upload;
  const done = new Promise<string>((resolve, reject) => {
    upload = new tus.Upload(source, {
      endpoint: `${server}/api/v1/dock/uploads`,
      uploadUrl: o.uploadUrl ?? null,
      uploadSize: size,
      chunkSize: 64 * KiB,
      headers: { Authorization: `Bearer ${token}` },
      metadata: { filename: name, inventoryNumber: 'ВР-001', modifiedAt: '2026-03-02T05:30:00Z', sha256 },
      retryDelays: [0, 200, 500],
      storeFingerprintForResuming: false,
      onProgress: (sent) => o.onProgress?.(sent),
      onSuccess: () => resolve(upload.url!),
      onError: reject,
    });
  });
  upload.start();
  return { upload, done };
}

const offsetOf = async (url: string) =>
  Number(
    (await fetch(url, { method: 'HEAD', headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0' } })).headers.get(
      'upload-offset',
    ),
  );
const named = async (name: string) => (await listRecordings(ctx.deps.db, w.org)).filter((r) => r.originalName === name);

describe('R444-11 a standard tus client (tus-js-client alone) docks a recording', () => {
  const bytes = randomBytes(1024 * KiB + 333);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const name = 'VENDOR_0001.mp4';
  let firstUrl = '';

  it('R444-11 interrupted part-way, it resumes at the server offset and the recording is the file (SHA-256, size)', async () => {
    let aborted!: () => void;
    const abortedOnce = new Promise<void>((r) => (aborted = r));
    const first = startUpload(bytes, bytes.length, name, sha256, {
      onProgress: (sent) => {
        if (sent < 300 * KiB) return;
        void first.upload.abort().then(aborted);
      },
    });
    void first.done.catch(() => undefined);
    await abortedOnce;
    firstUrl = first.upload.url!;
    const offset = await offsetOf(firstUrl);
    expect(offset).toBeGreaterThan(0);
    expect(offset).toBeLessThan(bytes.length);
    expect(await named(name)).toEqual([]);

    const sentAfterResume: number[] = [];
    const resumed = startUpload(bytes, bytes.length, name, sha256, { uploadUrl: firstUrl, onProgress: (s) => sentAfterResume.push(s) });
    expect(await resumed.done).toBe(firstUrl);
    // Resumed, not restarted: progress counts on from the offset the server held.
    expect(Math.min(...sentAfterResume)).toBeGreaterThanOrEqual(offset);
    const recs = await named(name);
    expect(recs.map((r) => [r.sha256, r.size, r.uploadId])).toEqual([[sha256, bytes.length, firstUrl.split('/').pop()]]);
  });

  it('R444-11 the same file uploaded again — a fresh upload from a file stream, and one resumed from the committed URL — leaves one recording', async () => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    const fresh = startUpload(fs.createReadStream(file), bytes.length, name, sha256);
    const freshUrl = await fresh.done;
    expect(freshUrl).not.toBe(firstUrl);

    const sent: number[] = [];
    const fromCommitted = startUpload(bytes, bytes.length, name, sha256, { uploadUrl: firstUrl, onProgress: (s) => sent.push(s) });
    expect(await fromCommitted.done).toBe(firstUrl);
    expect(sent.every((s) => s === bytes.length)).toBe(true); // nothing sent again: the server said it is complete

    const recs = await named(name);
    expect(recs).toHaveLength(1);
    expect(recs[0]!.sha256).toBe(sha256);
  });
});
