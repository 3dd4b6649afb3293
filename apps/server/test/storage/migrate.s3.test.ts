import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { HeadObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { migrateStoreToBucket } from '../../src/kernel/storage-migration/migrateStore.ts';
import type { AppDeps } from '../../src/platform/deps.ts';
import { openBlobStore } from '../../src/platform/storage/open-store.ts';
import { protectOriginal } from '../../src/video-evidence/retention/protectOriginal.ts';
import { scrubStore } from '../../src/video-evidence/recordings/scrubStore.ts';
import { recordingDerivatives } from '../../src/video-evidence/recordings/recordings.table.ts';
import { storeOldRecording } from '../video-evidence/retention/retention-fixtures.ts';
import { seedJournalWorld } from '../support/journal-world.ts';
import { s3Bucket } from '../support/s3.ts';
import { createTestContext, type TestContext } from '../support/test-app.ts';

// An embedded instance (objects in DATA_DIR/blobs) moves into a bucket: `baqylau storage migrate --to s3`.
let ctx: TestContext;
let bucket: Awaited<ReturnType<typeof s3Bucket>>;
let s3: AppDeps;
const recs: Awaited<ReturnType<typeof storeOldRecording>>[] = [];
let thumbnail: string;

beforeAll(async () => {
  ctx = await createTestContext();
  const w = await seedJournalWorld(ctx);
  const entryId = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json().id as string;
  const base = { organisationId: w.org, recorderId: w.recorders[0]!.id, journalEntryId: entryId };
  recs.push(await storeOldRecording(ctx, { ...base, startedAt: ctx.clock.now, name: '20260302_100000_0001.mp4' }));
  recs.push(await storeOldRecording(ctx, { ...base, startedAt: new Date('2026-03-02T06:00:00Z'), name: '20260302_110000_0002.mp4' }));
  const thumb = await ctx.deps.store.put(Readable.from([Buffer.from(`JPEG эскиз ${Math.random()}`)]), { kind: 'derived' });
  thumbnail = thumb.sha256;
  await ctx.deps.db
    .insert(recordingDerivatives)
    .values({ recordingId: recs[0]!.id, kind: 'thumbnail_strip', sha256: thumb.sha256, size: thumb.size, createdAt: ctx.clock.now });
  bucket = await s3Bucket();
  const config = loadConfig({ ...bucket.env, DATA_DIR: ctx.deps.config.dataDir });
  s3 = { ...ctx.deps, config, store: await openBlobStore(config) };
}, 120_000);
afterAll(() => ctx.close());

const head = (prefix: string, sha: string) =>
  bucket.client.send(new HeadObjectCommand({ Bucket: bucket.bucket, Key: `${prefix}/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}` }));
const migrate = () => migrateStoreToBucket(s3, { protect: (sha) => protectOriginal(s3, sha), log: () => {} });

describe('R444-13 storage migrate --to s3', () => {
  it('R444-13 copies every object, verifying each hash, and locks originals until they fall due; derived files stay unlocked', async () => {
    const r = await migrate();
    expect(r).toMatchObject({ objects: 3, copied: 3, present: 0, failed: [] });
    for (const rec of recs) {
      const h = await head('originals', rec.sha256);
      expect(h.Metadata?.sha256).toBe(rec.sha256);
      expect(h.ObjectLockMode).toBe('COMPLIANCE');
      expect(h.ObjectLockRetainUntilDate?.toISOString()).toBe('2029-03-02T19:00:00.000Z'); // 03.03.2029 00:00 Almaty
    }
    const t = await head('derived', thumbnail);
    expect(t.ObjectLockMode).toBeUndefined();
  });

  it('R444-13 is idempotent and resumable: a second run copies nothing and re-hashes what is there', async () => {
    const r = await migrate();
    expect(r).toMatchObject({ objects: 3, copied: 0, present: 3, failed: [] });
  });

  it('R444-13 storage scrub on S3 verifies every original; an object missing from the bucket is named', async () => {
    const ok = await scrubStore(s3);
    expect(ok.checked).toBe(2);
    expect(ok.damaged).toEqual([]);
    // With the embedded store's copy gone the bucket is the only one; scrub reads from it alone.
    fs.rmSync(path.join(ctx.deps.config.dataDir, 'blobs', 'objects'), { recursive: true });
    expect((await scrubStore(s3)).damaged).toEqual([]);
    expect((await scrubStore(ctx.deps)).damaged).toHaveLength(2);
  });
});
