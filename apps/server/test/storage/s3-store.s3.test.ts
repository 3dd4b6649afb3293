import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { startupMessage } from '../../src/cli/index.ts';
import { openBlobStore } from '../../src/platform/storage/open-store.ts';
import { BucketNotReady } from '../../src/platform/storage/s3-bucket-check.ts';
import { createS3BlobStore } from '../../src/platform/storage/s3-store.ts';
import { hashStoredObject } from '../../src/platform/storage/read-object.ts';
import { s3Bucket } from '../support/s3.ts';
import { storageContract } from '../support/storage-contract.ts';

const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-s3-staging-'));
let bucket: Awaited<ReturnType<typeof s3Bucket>>;
let store: ReturnType<typeof createS3BlobStore>;
beforeAll(async () => {
  bucket = await s3Bucket();
  store = createS3BlobStore({ ...bucket, bucket: bucket.bucket, stagingDir: staging });
});

storageContract('S3 on Ceph RGW', async () => store);

const keyOf = (sha: string) => `originals/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
const head = (client: S3Client, Bucket: string, sha: string) => client.send(new HeadObjectCommand({ Bucket, Key: keyOf(sha) }));
/** What anyone holding the bucket's keys could try: the SDK straight at the store, bypassing Baqylau. */
const deleteDirectly = async (client: S3Client, Bucket: string, sha: string) => {
  const h = await head(client, Bucket, sha);
  return client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(sha), VersionId: h.VersionId }));
};
const refused = { name: 'AccessDenied' };

describe('R444-12 R444-13 the bucket itself refuses early deletion (S3 Object Lock, COMPLIANCE)', () => {
  it('R444-13 the server refuses to start on a bucket without versioning or without Object Lock, naming the setting', async () => {
    const plain = await s3Bucket('none');
    await expect(openBlobStore(loadConfig({ ...plain.env, DATA_DIR: staging }))).rejects.toThrow(
      new RegExp(`S3_BUCKET=${plain.bucket} has versioning`),
    );
    // Coded and translated as the CLI prints it (BAQYLAU_LANG, kk by default).
    const refusal = await openBlobStore(loadConfig({ ...plain.env, DATA_DIR: staging })).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BucketNotReady);
    expect(refusal).toMatchObject({ code: 'storage.s3_versioning_off', details: { bucket: plain.bucket } });
    expect(await startupMessage(refusal as BucketNotReady, 'kk')).toMatch(
      new RegExp(
        `^storage.s3_versioning_off: S3_BUCKET=${plain.bucket} бакетінде нұсқалау күйі: never enabled; бакетті Object Lock қосулы`,
      ),
    );
    expect(await startupMessage(refusal as BucketNotReady, 'ru')).toContain(`У бакета S3_BUCKET=${plain.bucket} версионирование`);
    const versioned = await s3Bucket('versioning');
    await expect(openBlobStore(loadConfig({ ...versioned.env, DATA_DIR: staging }))).rejects.toThrow(
      new RegExp(`S3_BUCKET=${versioned.bucket} has no Object Lock`),
    );
    const noLock = await openBlobStore(loadConfig({ ...versioned.env, DATA_DIR: staging })).catch((e: unknown) => e);
    expect(await startupMessage(noLock as BucketNotReady, 'ru')).toContain(
      `storage.s3_object_lock_off: У бакета S3_BUCKET=${versioned.bucket} нет Object Lock (ObjectLockEnabled)`,
    );
    await expect(openBlobStore(loadConfig({ ...bucket.env, DATA_DIR: staging }))).resolves.toBeDefined();
  });

  it('R444-13 an original is held from the moment it is stored; deleting it with the SDK directly is refused', async () => {
    const { sha256 } = await store.put(Readable.from([Buffer.from(`түпнұсқа ${Math.random()}`)]));
    expect((await head(bucket.client, bucket.bucket, sha256)).ObjectLockLegalHoldStatus).toBe('ON');
    await expect(deleteDirectly(bucket.client, bucket.bucket, sha256)).rejects.toMatchObject(refused);
    await expect(store.delete(sha256)).rejects.toMatchObject(refused);
    expect(await hashStoredObject(store, sha256)).toMatchObject({ sha256 });
  });

  it('R444-12 retention until expiry in COMPLIANCE mode: deletion and shortening refused, extending allowed, deletion once it passed', async () => {
    const { sha256 } = await store.put(Readable.from([Buffer.from(`мерзімі ${Math.random()}`)]));
    const expiry = new Date(Date.now() + 6_000);
    await store.protect(sha256, { retainUntil: expiry, legalHold: false });
    const h = await head(bucket.client, bucket.bucket, sha256);
    expect(h.ObjectLockMode).toBe('COMPLIANCE');
    expect(Math.abs(h.ObjectLockRetainUntilDate!.getTime() - expiry.getTime())).toBeLessThan(1000);
    expect(h.ObjectLockLegalHoldStatus ?? 'OFF').toBe('OFF');
    await expect(deleteDirectly(bucket.client, bucket.bucket, sha256)).rejects.toMatchObject(refused);
    // Shortening with the SDK directly (even by the bucket's owner) is refused …
    await expect(
      bucket.client.send(
        new PutObjectRetentionCommand({
          Bucket: bucket.bucket,
          Key: keyOf(sha256),
          VersionId: h.VersionId,
          Retention: { Mode: 'COMPLIANCE', RetainUntilDate: new Date(Date.now() + 1_000) },
        }),
      ),
    ).rejects.toMatchObject(refused);
    // … and the driver never asks for it: an earlier date leaves the later one in place.
    await store.protect(sha256, { retainUntil: new Date(Date.now() + 2_000), legalHold: false });
    expect((await head(bucket.client, bucket.bucket, sha256)).ObjectLockRetainUntilDate!.getTime()).toBeGreaterThan(
      expiry.getTime() - 1000,
    );
    await expect(store.delete(sha256)).rejects.toMatchObject(refused);
    await new Promise((r) => setTimeout(r, expiry.getTime() - Date.now() + 1_500));
    await store.delete(sha256); // the retention process, once the period has passed
    expect(await store.stat(sha256)).toBeUndefined();
  });

  it('R444-12 a legal hold blocks deletion after the retention passed, until it is lifted', async () => {
    const { sha256 } = await store.put(Readable.from([Buffer.from(`сот ісі ${Math.random()}`)]));
    await store.protect(sha256, { retainUntil: new Date(Date.now() + 2_000), legalHold: true });
    await new Promise((r) => setTimeout(r, 3_000));
    await expect(deleteDirectly(bucket.client, bucket.bucket, sha256)).rejects.toMatchObject(refused);
    await expect(store.delete(sha256)).rejects.toMatchObject(refused);
    // Lifting the hold needs the same permission Baqylau's key has; with it lifted the expired original may go.
    const h = await head(bucket.client, bucket.bucket, sha256);
    await bucket.client.send(
      new PutObjectLegalHoldCommand({ Bucket: bucket.bucket, Key: keyOf(sha256), VersionId: h.VersionId, LegalHold: { Status: 'OFF' } }),
    );
    await store.delete(sha256);
    expect(await store.stat(sha256)).toBeUndefined();
  });

  it('R444-13 a derived file is not locked: the retention purge removes it', async () => {
    const { sha256 } = await store.put(Readable.from([Buffer.from(`прокси ${Math.random()}`)]), { kind: 'derived' });
    const h = await bucket.client.send(
      new HeadObjectCommand({ Bucket: bucket.bucket, Key: `derived/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}` }),
    );
    expect(h.ObjectLockLegalHoldStatus ?? 'OFF').toBe('OFF');
    expect(h.ObjectLockMode).toBeUndefined();
    await store.delete(sha256);
    expect(await store.stat(sha256)).toBeUndefined();
  });
});

// 256 MiB by default (the OSD keeps it in RAM); S3_LARGE_UPLOAD_MIB=2048 for the full-size proof.
const LARGE_MIB = Number(process.env.S3_LARGE_UPLOAD_MIB ?? 256);

describe('R444-13 a large upload is streamed: our own SHA-256 while the parts go out, memory flat', () => {
  it(`R444-13 ${LARGE_MIB} MiB committed as multipart: hash in metadata and re-read equal, RSS reported`, async () => {
    const file = path.join(staging, 'large.bin');
    const hash = createHash('sha256');
    const fd = fs.openSync(file, 'w');
    const block = randomBytes(2 ** 20);
    for (let i = 0; i < LARGE_MIB; i++) {
      block.writeUInt32LE(i, 0); // every MiB differs
      hash.update(block);
      fs.writeSync(fd, block);
    }
    fs.closeSync(fd);
    const expected = { sha256: hash.digest('hex'), size: LARGE_MIB * 2 ** 20 };
    global.gc?.();
    const rssBefore = process.memoryUsage.rss();
    let peak = rssBefore;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
    const started = performance.now();
    try {
      await store.commitStaged(file, expected);
    } finally {
      clearInterval(sampler);
      fs.rmSync(file);
    }
    const seconds = (performance.now() - started) / 1000;
    const grewMiB = (peak - rssBefore) / 2 ** 20;
    console.log(
      `S3 multipart commit of ${LARGE_MIB} MiB: ${seconds.toFixed(1)} s (${(LARGE_MIB / seconds).toFixed(0)} MiB/s), RSS ${(rssBefore / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MiB (+${grewMiB.toFixed(0)} MiB)`,
    );
    const h = await head(bucket.client, bucket.bucket, expected.sha256);
    expect(h.ContentLength).toBe(expected.size);
    expect(h.Metadata?.sha256).toBe(expected.sha256);
    expect(h.ObjectLockLegalHoldStatus).toBe('ON');
    // Parts of 16 MiB, two in flight: memory does not grow with the file.
    expect(grewMiB).toBeLessThan(160);
    expect(await hashStoredObject(store, expected.sha256)).toEqual(expected);
  });
});
