import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { buildWorker } from '../../src/composition/runtime.ts';
import { createS3BlobStore } from '../../src/platform/storage/s3-store.ts';
import { startOfDayInZone } from '../../src/platform/time.ts';
import { recordings } from '../../src/video-evidence/recordings/recordings.table.ts';
import { assignMissingRetention } from '../../src/video-evidence/retention/assignMissingRetention.ts';
import { storeOldRecording } from '../video-evidence/retention/retention-fixtures.ts';
import { seedJournalWorld } from '../support/journal-world.ts';
import { s3Bucket } from '../support/s3.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

// Order 444's evidence on STORAGE=s3: playback passes Range through to the bucket, and the original's
// Object Lock follows its row — COMPLIANCE retention to the day it falls due, S3 legal hold with the head's hold.
let ctx: TestContext;
let bucket: Awaited<ReturnType<typeof s3Bucket>>;
let w: Awaited<ReturnType<typeof seedJournalWorld>>;
let rec: Awaited<ReturnType<typeof storeOldRecording>>;
let original: Buffer;

beforeAll(async () => {
  bucket = await s3Bucket();
  ctx = await createTestContext(bucket.env);
  w = await seedJournalWorld(ctx);
  const entryId = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json().id as string;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-s3-play-')), '20260302_101000_0001.mp4');
  original = randomBytes(3 * 2 ** 20 + 17);
  fs.writeFileSync(file, original);
  rec = await storeOldRecording(ctx, {
    organisationId: w.org,
    recorderId: w.recorders[0]!.id,
    journalEntryId: entryId,
    startedAt: ctx.clock.now,
    name: path.basename(file),
    file,
  });
  fs.rmSync(path.dirname(file), { recursive: true });
}, 120_000);
afterAll(() => ctx.close());

const lockOf = async (sha256 = rec.sha256) => {
  const Key = `originals/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  const h = await bucket.client.send(new HeadObjectCommand({ Bucket: bucket.bucket, Key }));
  return { mode: h.ObjectLockMode, until: h.ObjectLockRetainUntilDate, hold: h.ObjectLockLegalHoldStatus ?? 'OFF' };
};
const runJobs = () => buildWorker(ctx.deps).worker.drain(() => ctx.clock.now);

describe('R444-12 R444-13 evidence on S3 Object Lock', () => {
  it('R444-13 the head plays byte ranges of an original stored in the bucket', async () => {
    const head = await w.world.as('head');
    expect((await head.post(w.api('/access-purposes'), { purpose: 'activity_review', note: '№ 27-ТП материалдары' })).statusCode).toBe(200);
    const media = w.api(`/recordings/${rec.id}/media`);
    for (const [from, to] of [
      [0, 1023],
      [2 ** 21, 2 ** 21 + 65_535],
      [original.length - 17, original.length - 1],
    ] as const) {
      const r = await head.request('GET', media, undefined, { range: `bytes=${from}-${to}` });
      expect(r.statusCode).toBe(206);
      expect(r.headers['content-range']).toBe(`bytes ${from}-${to}/${original.length}`);
      expect(Buffer.compare(r.rawPayload, original.subarray(from, to + 1))).toBe(0);
    }
  });

  it('R444-12 the original is kept in COMPLIANCE mode until the day it falls due; a legal hold is an S3 legal hold until lifted', async () => {
    const enqueue = await ctx.deps.db.transaction(async (tx) => {
      const { enqueueProtect } = await import('../../src/video-evidence/retention/protectOriginal.ts');
      return enqueueProtect(tx, rec.sha256, ctx.clock.now);
    });
    expect(enqueue).toBe(true);
    await runJobs();
    // Captured 02.03.2026 (Almaty) → kept through 02.03.2029 → due from 03.03.2029 00:00 Almaty.
    expect(rec.retainUntil).toBe('2029-03-02');
    expect(await lockOf()).toEqual({ mode: 'COMPLIANCE', until: startOfDayInZone('2029-03-03', 'Asia/Almaty'), hold: 'OFF' });

    const head = await w.world.as('head');
    const placed = await head.post(w.api(`/recordings/${rec.id}/holds`), { reason: 'Сот ісі бойынша сақтау', reference: '№ 2-345/2026' });
    expect(placed.statusCode, placed.body).toBe(200);
    await runJobs();
    expect((await lockOf()).hold).toBe('ON');

    const lifted = await head.post(`/api/v1/organisations/${w.org}/holds/${placed.json().id}/lift`, { reason: 'Іс аяқталды' });
    expect(lifted.statusCode, lifted.body).toBe(200);
    await runJobs();
    expect(await lockOf()).toEqual({ mode: 'COMPLIANCE', until: startOfDayInZone('2029-03-03', 'Asia/Almaty'), hold: 'OFF' });
  });

  it('R444-12 a recording given its expiry at start-up (stored before retention existed) gets COMPLIANCE retention in the bucket too', async () => {
    const startedAt = new Date('2024-05-10T05:00:00Z'); // 10.05.2024 10:00 Almaty
    const stored = await ctx.deps.store.put(Readable.from([Buffer.from(`ескі жазба ${Math.random()}`)]));
    const id = randomUUID();
    await ctx.deps.db.insert(recordings).values({
      id,
      organisationId: w.org,
      recorderId: w.recorders[0]!.id,
      sha256: stored.sha256,
      size: stored.size,
      originalName: '20240510_100000_0031.mp4',
      deviceStartedAt: startedAt,
      clockOffsetSeconds: 0,
      startedAt,
      ingestedAt: startedAt,
      uploadId: randomUUID(),
      journalEntryId: rec.journalEntryId,
    });
    // Stored without an expiry: held indefinitely, no retention yet.
    expect(await lockOf(stored.sha256)).toMatchObject({ mode: undefined, hold: 'ON' });
    expect(await assignMissingRetention(ctx.deps.db, ctx.deps.config)).toBe(1);
    await buildWorker(ctx.deps).worker.drain(() => new Date()); // queued at the real start-up time
    const kept = await ctx.sql(`SELECT to_char(retain_until, 'YYYY-MM-DD') AS d FROM recordings WHERE id = $1`, [id]);
    expect(kept.rows[0]).toEqual({ d: '2027-05-10' });
    // HeadObject: COMPLIANCE until 11.05.2027 00:00 Almaty, the indefinite hold released.
    expect(await lockOf(stored.sha256)).toEqual({
      mode: 'COMPLIANCE',
      until: startOfDayInZone('2027-05-11', 'Asia/Almaty'),
      hold: 'OFF',
    });
  });

  it('readiness: ready with the bucket; 503 naming the storage when the bucket cannot be reached', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready', database: 'ok', storage: 'ok' });
    const gone = createS3BlobStore({ ...bucket, bucket: 'baqylau-no-such-bucket', stagingDir: ctx.deps.store.stagingDir });
    const app = await createApp({ ...ctx.deps, store: gone }, { webDist: undefined });
    try {
      const r = await app.inject({ method: 'GET', url: '/readyz' });
      expect(r.statusCode).toBe(503);
      expect(r.json()).toEqual({ status: 'unready', database: 'ok', storage: 'unreachable' });
    } finally {
      await app.close();
    }
  });
});
