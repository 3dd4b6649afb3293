import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  PutObjectLegalHoldCommand,
  PutObjectRetentionCommand,
  S3Client,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { ObjectExistsWithOtherContent } from './fs-store.ts';
import type { BlobStore, ByteRange, ObjectKind, Protection, StoredObject } from './storage.ts';

export interface S3StoreOptions {
  endpoint?: string;
  bucket: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  forcePathStyle: boolean;
  /** Local folder for uploads in progress and for spooling `put` bodies (share it between instances for tus). */
  stagingDir: string;
  /** Multipart part size: memory per upload is about partSize × queueSize. */
  partSize?: number;
  queueSize?: number;
}

export class StoredObjectNotProtected extends Error {}

const PREFIX: Record<ObjectKind, string> = { original: 'originals/', derived: 'derived/' };
const keyOf = (kind: ObjectKind, sha256: string) => {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
  return `${PREFIX[kind]}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
};
const notFound = (e: unknown) => {
  const status = (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 404 || (e as Error).name === 'NotFound' || (e as Error).name === 'NoSuchKey';
};

export function createS3Client(o: Pick<S3StoreOptions, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey' | 'forcePathStyle'>) {
  return new S3Client({
    endpoint: o.endpoint,
    region: o.region,
    forcePathStyle: o.forcePathStyle,
    credentials: o.accessKeyId && o.secretAccessKey ? { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } : undefined,
    // Ceph RGW (and other S3 servers) refuse the SDK's streamed chunked-checksum bodies; we hash every byte ourselves.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

/**
 * S3 driver with Object Lock: originals under originals/<ab>/<cd>/<sha256>, derived files under derived/…
 * The bucket must have versioning and Object Lock (checked at start-up, see s3-bucket-check.ts) and no default
 * retention. An original is written, re-hashed on the way, and only then locked: legal hold ON until the
 * retention process knows its expiry and calls `protect`, which sets COMPLIANCE retention (never shortened)
 * and lifts or keeps the hold. From then on the store itself refuses to delete or overwrite the version.
 * Every lock is set after the upload and read back with HeadObject: Ceph 16 ignores lock headers on
 * CreateMultipartUpload.
 */
export function createS3BlobStore(
  o: S3StoreOptions,
  client = createS3Client(o),
): BlobStore & { client: S3Client; bucket: string; protect: NonNullable<BlobStore['protect']> } {
  const Bucket = o.bucket;
  fs.mkdirSync(o.stagingDir, { recursive: true });
  // Where an address was found: objects never move, so a hit is good until the object is deleted.
  const located = new Map<string, ObjectKind>();

  const head = async (Key: string, VersionId?: string): Promise<HeadObjectCommandOutput | undefined> => {
    try {
      return await client.send(new HeadObjectCommand({ Bucket, Key, VersionId }));
    } catch (e) {
      if (notFound(e)) return undefined;
      throw e;
    }
  };

  async function locate(sha256: string): Promise<{ kind: ObjectKind; head: HeadObjectCommandOutput } | undefined> {
    const cached = located.get(sha256);
    for (const kind of cached ? [cached] : (['original', 'derived'] as const)) {
      const h = await head(keyOf(kind, sha256));
      if (h) {
        if (located.size > 10_000) located.clear();
        located.set(sha256, kind);
        return { kind, head: h };
      }
    }
    located.delete(sha256);
    return undefined;
  }

  /** Streams a local file into the bucket under its address, hashing every byte on the way. */
  async function upload(file: string, expected: StoredObject, kind: ObjectKind): Promise<StoredObject> {
    const Key = keyOf(kind, expected.sha256);
    const existing = (await head(Key)) ?? (kind === 'derived' ? await head(keyOf('original', expected.sha256)) : undefined);
    if (existing) {
      // Same address: same content, already stored once (and maybe locked). Keep it untouched.
      if (existing.ContentLength !== expected.size) throw new ObjectExistsWithOtherContent(expected.sha256);
      if (kind === 'original') await ensureHeld(Key, existing);
      return expected;
    }
    const hash = createHash('sha256');
    let size = 0;
    const hashing = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    const source = fs.createReadStream(file, { highWaterMark: 1 << 20 });
    source.on('error', (e) => hashing.destroy(e));
    const body = source.pipe(hashing);
    await new Upload({
      client,
      params: { Bucket, Key, Body: body, ContentType: 'application/octet-stream', Metadata: { sha256: expected.sha256 } },
      partSize: o.partSize ?? 16 * 2 ** 20,
      queueSize: o.queueSize ?? 2,
      leavePartsOnError: false,
    }).done();
    const actual = hash.digest('hex');
    // CompleteMultipartUpload on Ceph answers an empty ETag and no version: read the stored version back.
    const stored = await head(Key);
    if (actual !== expected.sha256 || size !== expected.size || stored?.ContentLength !== expected.size) {
      if (stored?.VersionId) await client.send(new DeleteObjectCommand({ Bucket, Key, VersionId: stored.VersionId }));
      throw new Error(`${file}: bytes read (${actual}, ${size}) differ from ${expected.sha256} (${expected.size}); nothing stored`);
    }
    located.set(expected.sha256, kind);
    if (kind === 'original') await ensureHeld(Key, stored);
    return expected;
  }

  /** An original without a known expiry is held: nobody deletes it until `protect` says how long it is kept. */
  async function ensureHeld(Key: string, h: HeadObjectCommandOutput) {
    if (h.ObjectLockLegalHoldStatus === 'ON' || (h.ObjectLockRetainUntilDate && h.ObjectLockMode === 'COMPLIANCE')) return;
    await client.send(new PutObjectLegalHoldCommand({ Bucket, Key, VersionId: h.VersionId, LegalHold: { Status: 'ON' } }));
    const after = await head(Key, h.VersionId);
    if (after?.ObjectLockLegalHoldStatus !== 'ON') throw new StoredObjectNotProtected(`${Key}: the bucket did not keep the legal hold`);
  }

  async function versionsOf(Key: string) {
    const out: { Key: string; VersionId?: string }[] = [];
    let KeyMarker: string | undefined;
    let VersionIdMarker: string | undefined;
    do {
      const r = await client.send(new ListObjectVersionsCommand({ Bucket, Prefix: Key, KeyMarker, VersionIdMarker }));
      for (const v of [...(r.Versions ?? []), ...(r.DeleteMarkers ?? [])]) if (v.Key === Key) out.push({ Key, VersionId: v.VersionId });
      KeyMarker = r.IsTruncated ? r.NextKeyMarker : undefined;
      VersionIdMarker = r.IsTruncated ? r.NextVersionIdMarker : undefined;
    } while (KeyMarker);
    return out;
  }

  return {
    driver: 's3',
    client,
    bucket: Bucket,
    stagingDir: o.stagingDir,
    async put(body: Readable, options) {
      // Spooled to the staging folder first: the key (the SHA-256) and its metadata must be known before the
      // first part goes out, and a body refused half-way (too large, wrong type) never reaches the bucket.
      const tmp = path.join(o.stagingDir, `put-${randomUUID()}`);
      const hash = createHash('sha256');
      let size = 0;
      body.on('data', (c: Buffer) => {
        hash.update(c);
        size += c.length;
      });
      try {
        await pipeline(body, fs.createWriteStream(tmp, { flags: 'wx', highWaterMark: 1 << 20 }));
        return await upload(tmp, { sha256: hash.digest('hex'), size }, options?.kind ?? 'original');
      } finally {
        await fsp.rm(tmp, { force: true });
      }
    },
    commitStaged: (stagedPath, expected, options) => upload(stagedPath, expected, options?.kind ?? 'original'),
    async get(sha256: string, range?: ByteRange) {
      const kind = located.get(sha256) ?? (await locate(sha256))?.kind ?? 'original';
      const r = await client.send(
        new GetObjectCommand({ Bucket, Key: keyOf(kind, sha256), Range: range ? `bytes=${range.start}-${range.end}` : undefined }),
      );
      return r.Body as Readable;
    },
    async stat(sha256: string) {
      const found = await locate(sha256);
      return found ? { size: found.head.ContentLength ?? 0, mtime: found.head.LastModified ?? new Date(0) } : undefined;
    },
    async delete(sha256: string) {
      // Versioned bucket: a plain DELETE would only add a delete marker. Remove every version; a locked one is refused by the store.
      for (const kind of ['original', 'derived'] as const) {
        for (const v of await versionsOf(keyOf(kind, sha256))) await client.send(new DeleteObjectCommand({ Bucket, ...v }));
      }
      located.delete(sha256);
    },
    async protect(sha256: string, p: Protection) {
      const Key = keyOf('original', sha256);
      const versions = await versionsOf(Key);
      if (!versions.length) throw new Error(`${Key}: no such original`);
      // A day already past needs no lock (the bucket refuses a retention date in the past).
      const retainUntil = p.retainUntil && p.retainUntil.getTime() > Date.now() ? p.retainUntil : undefined;
      for (const { VersionId } of versions) {
        const h = await head(Key, VersionId);
        if (!h) continue; // a delete marker
        const current = h.ObjectLockRetainUntilDate;
        // Stores keep whole seconds: a second's difference is the same date.
        if (retainUntil && (!current || current.getTime() < retainUntil.getTime() - 1000)) {
          await client.send(
            new PutObjectRetentionCommand({ Bucket, Key, VersionId, Retention: { Mode: 'COMPLIANCE', RetainUntilDate: retainUntil } }),
          );
        }
        const hold = p.legalHold ? 'ON' : 'OFF';
        if ((h.ObjectLockLegalHoldStatus ?? 'OFF') !== hold) {
          await client.send(new PutObjectLegalHoldCommand({ Bucket, Key, VersionId, LegalHold: { Status: hold } }));
        }
        const after = await head(Key, VersionId);
        const kept =
          after?.ObjectLockRetainUntilDate && after.ObjectLockMode === 'COMPLIANCE' ? after.ObjectLockRetainUntilDate : undefined;
        if (
          (retainUntil && (!kept || kept.getTime() < retainUntil.getTime() - 1000)) ||
          (after?.ObjectLockLegalHoldStatus ?? 'OFF') !== hold
        ) {
          throw new StoredObjectNotProtected(
            `${Key}: the bucket did not keep retention ${retainUntil?.toISOString()} / legal hold ${hold}`,
          );
        }
      }
    },
    async ping() {
      await client.send(new HeadBucketCommand({ Bucket }));
    },
  };
}
