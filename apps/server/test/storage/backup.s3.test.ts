import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { objectRelPath, sha256OfFile } from '../../src/kernel/backup/backup.manifest.ts';
import { migrateStoreToBucket } from '../../src/kernel/storage-migration/migrateStore.ts';
import { openBlobStore } from '../../src/platform/storage/open-store.ts';
import { recordingDerivatives } from '../../src/video-evidence/recordings/recordings.table.ts';
import { protectOriginal } from '../../src/video-evidence/retention/protectOriginal.ts';
import { openDiskInstance } from '../kernel/backup/disk-instance.ts';
import { storeOldRecording } from '../video-evidence/retention/retention-fixtures.ts';
import { seedJournalWorld } from '../support/journal-world.ts';
import { withDatabase } from '../support/global-setup.ts';
import { s3Bucket } from '../support/s3.ts';

// `baqylau backup` on STORAGE=s3: the objects come out of the bucket (the embedded store is empty), each hashed
// on the way and compared with its address; an object whose bytes in the bucket differ is named, not copied.
const BIN = path.resolve(import.meta.dirname, '../../bin/baqylau.mjs');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-s3-backup-'));
const dataDir = path.join(root, 'data');
const backupDir = path.join(root, 'backup');
let bucket: Awaited<ReturnType<typeof s3Bucket>>;
const originals: string[] = [];
let thumbnail: string;
let databaseUrl: string | undefined;

/** As the tier runs (on PostgreSQL, a fresh database from the template) or on PGlite in DATA_DIR. */
async function freshDatabase() {
  const templateUrl = inject('pgTemplateUrl');
  if (!templateUrl) return undefined;
  const template = new URL(templateUrl).pathname.slice(1);
  const name = `${template.replace('_tpl_', '_t_')}_s3backup`;
  const admin = new pg.Client({ connectionString: withDatabase(templateUrl, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return withDatabase(templateUrl, name);
}

beforeAll(async () => {
  databaseUrl = await freshDatabase();
  const ctx = await openDiskInstance(dataDir, databaseUrl);
  try {
    const w = await seedJournalWorld(ctx);
    const entryId = (await w.issue(w.resp, w.recorders[0]!, 'inspector1')).json().id as string;
    const base = { organisationId: w.org, recorderId: w.recorders[0]!.id, journalEntryId: entryId };
    for (const [i, at] of ['2026-03-02T05:00:00Z', '2026-03-02T06:00:00Z'].entries()) {
      const rec = await storeOldRecording(ctx, { ...base, startedAt: new Date(at), name: `20260302_1${i}0000_000${i + 1}.mp4` });
      originals.push(rec.sha256);
      if (i === 0) {
        const thumb = await ctx.deps.store.put(Readable.from([Buffer.from(`JPEG эскиз ${Math.random()}`)]), { kind: 'derived' });
        thumbnail = thumb.sha256;
        await ctx.deps.db
          .insert(recordingDerivatives)
          .values({ recordingId: rec.id, kind: 'thumbnail_strip', sha256: thumb.sha256, size: thumb.size, createdAt: ctx.clock.now });
      }
    }
    bucket = await s3Bucket();
    const config = loadConfig({ ...bucket.env, DATA_DIR: dataDir });
    const s3 = { ...ctx.deps, config, store: await openBlobStore(config) };
    const moved = await migrateStoreToBucket(s3, { protect: (sha) => protectOriginal(s3, sha), log: () => {} });
    expect(moved).toMatchObject({ objects: 3, failed: [] });
  } finally {
    await ctx.close();
  }
  // From now on the bucket holds the only copy.
  fs.rmSync(path.join(dataDir, 'blobs', 'objects'), { recursive: true, force: true });
}, 120_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const backup = () =>
  promisify(execFile)('node', [BIN, 'backup', backupDir, '--data-dir', dataDir, ...(databaseUrl ? ['--database-url', databaseUrl] : [])], {
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: '', ...bucket.env },
  }).then(
    (r) => ({ code: 0, out: `${r.stdout}${r.stderr}` }),
    (e) => ({ code: e.code as number, out: `${e.stdout}${e.stderr}` }),
  );
const manifest = () =>
  JSON.parse(fs.readFileSync(path.join(backupDir, 'backup.json'), 'utf8')) as {
    objects: { sha256: string }[];
    unreadableObjects: { sha256: string; problem: string }[];
  };

describe('R444-13 backup with STORAGE=s3', () => {
  it('R444-13 reads every object from the bucket, hashing each: the copies in the backup are the originals', async () => {
    const r = await backup();
    expect(r.out).toContain('objects   3 (3 copied, 0 already there');
    expect(r.code).toBe(0);
    expect(
      manifest()
        .objects.map((o) => o.sha256)
        .sort(),
    ).toEqual([...originals, thumbnail].sort());
    for (const sha of [...originals, thumbnail]) expect(await sha256OfFile(path.join(backupDir, objectRelPath(sha)))).toBe(sha);
  });

  it('R444-13 an object whose bytes in the bucket no longer match its hash is named and left out, exit code 1', async () => {
    // Derived files are not locked: anyone with the bucket's keys can overwrite one (a new version).
    const Key = `derived/${thumbnail.slice(0, 2)}/${thumbnail.slice(2, 4)}/${thumbnail}`;
    await bucket.client.send(new PutObjectCommand({ Bucket: bucket.bucket, Key, Body: Buffer.from('подменённый эскиз') }));
    fs.rmSync(backupDir, { recursive: true, force: true });
    const r = await backup();
    expect(r.out).toMatch(new RegExp(`CRITICAL object ${thumbnail} damaged in the store: its content hashes to [0-9a-f]{64}`));
    expect(r.code).toBe(1);
    expect(manifest().unreadableObjects.map((u) => u.sha256)).toEqual([thumbnail]);
    expect(
      manifest()
        .objects.map((o) => o.sha256)
        .sort(),
    ).toEqual([...originals].sort());
    expect(fs.existsSync(path.join(backupDir, objectRelPath(thumbnail)))).toBe(false);
  });
});
