import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AlignedSlabPool } from './aligned-slabs.ts';
import { HashingFileStore } from './hashing-file-store.ts';
import { writeStaged } from './staged-file-writer.ts';

const KiB = 1024;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const small = { batchBytes: 64 * KiB, syncEveryBytes: 256 * KiB };

/** The body as a socket delivers it: chunks of uneven sizes, none aligned to the batch. */
function chunked(b: Buffer, sizes = [7001, 13 * KiB + 5, 1, 65 * KiB + 3, 4093]) {
  const out: Buffer[] = [];
  for (let at = 0, i = 0; at < b.length; i++) {
    const n = sizes[i % sizes.length]!;
    out.push(b.subarray(at, at + n));
    at += n;
  }
  return out;
}

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-staged-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function created(store: HashingFileStore, id: string, size: number) {
  await store.create({ id, size, offset: 0, metadata: {}, creation_date: new Date().toISOString() } as never);
}

describe('R444-11 R444-13 the staged write: batched, hashed on the way, consistent with the file', () => {
  it('R444-11 chunk boundaries not aligned to the batch size: the file and the SHA-256 are the bytes sent', async () => {
    const store = new HashingFileStore(dir, small);
    const body = randomBytes(1024 * KiB + 777);
    await created(store, 'u1', body.length);
    const offset = await store.write(Readable.from(chunked(body)), 'u1', 0);
    expect(offset).toBe(body.length);
    expect(fs.readFileSync(store.filePath('u1')).equals(body)).toBe(true);
    expect(await store.digest('u1', body.length)).toBe(sha(body));
  });

  it('R444-11 a client abort mid-PATCH keeps what arrived; the resumed PATCH completes the right SHA-256, also after a restart', async () => {
    const body = randomBytes(700 * KiB + 3);
    const cut = 300 * KiB + 11; // not on a batch or chunk boundary
    const store = new HashingFileStore(dir, small);
    await created(store, 'u2', body.length);
    // tus ends the body stream cleanly when the client goes away.
    const first = new PassThrough();
    const writing = store.write(first, 'u2', 0);
    for (const c of chunked(body.subarray(0, cut))) first.write(c);
    first.end();
    expect(await writing).toBe(cut);
    expect((await store.getUpload('u2')).offset).toBe(cut);

    const second = await store.write(Readable.from(chunked(body.subarray(cut, 500 * KiB))), 'u2', cut);
    expect(second).toBe(500 * KiB);
    // A restarted server has no hash state: it is rebuilt from the partial file.
    const restarted = new HashingFileStore(dir, small);
    expect(await restarted.write(Readable.from(chunked(body.subarray(second))), 'u2', second)).toBe(body.length);
    expect(await restarted.digest('u2', body.length)).toBe(sha(body));
    expect(fs.readFileSync(restarted.filePath('u2')).equals(body)).toBe(true);
  });

  it('R444-11 a body that fails mid-way fails the PATCH, and what arrived is written and counted', async () => {
    const body = randomBytes(200 * KiB);
    const store = new HashingFileStore(dir, small);
    await created(store, 'u3', body.length);
    const src = new PassThrough();
    // As tus hands it over: through a pipeline, which listens for the source's errors.
    let stored: Promise<number> | undefined;
    const writing = pipeline(src, (s) => (stored = store.write(s as unknown as Readable, 'u3', 0)));
    src.write(body.subarray(0, 90 * KiB + 1));
    while (src.readableLength > 0 || src.writableLength > 0) await new Promise((r) => setTimeout(r, 5));
    src.destroy(new Error('socket reset'));
    await expect(writing).rejects.toThrow();
    // The pipeline rejects at the source's error; the store's own write settles once what arrived is written.
    await expect(stored).rejects.toThrow();
    const { offset } = await store.getUpload('u3');
    expect(offset).toBe(90 * KiB + 1);
    expect(await store.write(Readable.from([body.subarray(offset)]), 'u3', offset)).toBe(body.length);
    expect(await store.digest('u3', body.length)).toBe(sha(body));
  });
});

/** A FileHandle that writes into memory and can fail on demand. */
function fakeHandle(o: { failWriteAt?: number; failSyncAt?: number; shortWrites?: boolean } = {}) {
  const h = {
    data: Buffer.alloc(0),
    writes: 0,
    syncs: 0,
    inFlight: 0,
    maxInFlight: 0,
    truncatedTo: undefined as number | undefined,
    async write(buf: Buffer, offset: number, length: number, at: number) {
      h.writes++;
      h.inFlight++;
      h.maxInFlight = Math.max(h.maxInFlight, h.inFlight);
      await new Promise((r) => setTimeout(r, 1));
      h.inFlight--;
      if (h.writes === o.failWriteAt) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
      let b = buf.subarray(offset, offset + length);
      if (o.shortWrites && b.length > 1000) b = b.subarray(0, Math.floor(b.length / 3));
      const end = Math.max(h.data.length, at + b.length);
      const next = Buffer.alloc(end);
      h.data.copy(next);
      b.copy(next, at);
      h.data = next;
      return { bytesWritten: b.length, buffer: buf };
    },
    async datasync() {
      h.syncs++;
      if (h.syncs === o.failSyncAt) throw Object.assign(new Error('EIO'), { code: 'EIO' });
    },
    async truncate(n: number) {
      h.truncatedTo = n;
      h.data = h.data.subarray(0, n);
    },
  };
  return h;
}

describe('R444-11 R444-13 writeStaged', () => {
  const opts = { batchBytes: 32 * KiB, syncEveryBytes: 96 * KiB };

  it('R444-11 writes in batches, one at a time, retries short writes and syncs in the background', async () => {
    const body = randomBytes(500 * KiB + 9);
    const fh = fakeHandle({ shortWrites: true });
    const seen: Buffer[] = [];
    const r = await writeStaged(Readable.from(chunked(body)), { fh: fh as unknown as FileHandle }, 0, (c) => seen.push(c), opts);
    expect(r).toEqual({ written: body.length, sourceError: undefined, writeError: undefined, syncError: undefined });
    expect(fh.data.equals(body)).toBe(true);
    expect(Buffer.concat(seen).equals(body)).toBe(true);
    expect(fh.maxInFlight).toBe(1);
    expect(fh.syncs).toBeGreaterThanOrEqual(2);
  });

  it('R444-13 a failed write stops the body and is reported, so the hash state is not kept', async () => {
    const body = randomBytes(300 * KiB);
    const fh = fakeHandle({ failWriteAt: 3 });
    const r = await writeStaged(Readable.from(chunked(body)), { fh: fh as unknown as FileHandle }, 0, () => undefined, opts);
    expect(r.writeError).toMatchObject({ code: 'ENOSPC' });
    expect(r.written).toBe(fh.data.length);
    expect(r.written).toBeLessThan(body.length);
  });

  it('R444-13 a failed background sync cuts the file back to what an earlier sync made durable', async () => {
    const body = randomBytes(600 * KiB);
    const fh = fakeHandle({ failSyncAt: 2 });
    const r = await writeStaged(Readable.from(chunked(body)), { fh: fh as unknown as FileHandle }, 0, () => undefined, opts);
    expect(r.syncError).toMatchObject({ code: 'EIO' });
    expect(fh.truncatedTo).toBeGreaterThanOrEqual(opts.syncEveryBytes);
    expect(r.written).toBe(fh.truncatedTo);
    expect(fh.data.equals(body.subarray(0, r.written))).toBe(true);
  });
});

describe('R444-11 R444-13 direct I/O for the staged file', () => {
  /** Two handles on one in-memory file, as the buffered and the O_DIRECT descriptor of the staged file are. */
  function handlePair() {
    const file = { data: Buffer.alloc(0), syncs: 0 };
    const calls: { via: 'buffered' | 'direct'; at: number; length: number }[] = [];
    const handle = (via: 'buffered' | 'direct') => ({
      async write(buf: Buffer, offset: number, length: number, at: number) {
        await new Promise((r) => setTimeout(r, 1));
        if (via === 'direct' && (at % 4096 !== 0 || length % 4096 !== 0 || buf.byteOffset % 4096 !== 0))
          throw Object.assign(new Error('EINVAL'), { code: 'EINVAL' });
        calls.push({ via, at, length });
        const next = Buffer.alloc(Math.max(file.data.length, at + length));
        file.data.copy(next);
        buf.copy(next, at, offset, offset + length);
        file.data = next;
        return { bytesWritten: length, buffer: buf };
      },
      async datasync() {
        file.syncs++;
      },
      async truncate() {},
    });
    return { file, calls, fh: handle('buffered') as unknown as FileHandle, direct: handle('direct') as unknown as FileHandle };
  }

  it('R444-11 a resumed write off a block boundary: only the head up to the boundary and the last partial block go buffered', async () => {
    const opts = { batchBytes: 32 * KiB, syncEveryBytes: 96 * KiB };
    const { file, calls, fh, direct } = handlePair();
    const before = randomBytes(5000);
    file.data = Buffer.from(before);
    const body = randomBytes(300 * KiB + 123);
    const r = await writeStaged(
      Readable.from(chunked(body)),
      { fh, direct, slabs: new AlignedSlabPool() },
      before.length,
      () => undefined,
      opts,
    );
    expect(r.written).toBe(body.length);
    expect(file.data.equals(Buffer.concat([before, body]))).toBe(true);
    const buffered = calls.filter((c) => c.via === 'buffered');
    expect(buffered).toEqual([
      { via: 'buffered', at: 5000, length: 8192 - 5000 },
      { via: 'buffered', at: 5000 + body.length - ((5000 + body.length) % 4096), length: (5000 + body.length) % 4096 },
    ]);
    expect(calls.filter((c) => c.via === 'direct').reduce((n, c) => n + c.length, 0)).toBe(
      body.length - buffered[0]!.length - buffered[1]!.length,
    );
    // Direct writes are on the device when they complete: no background sync (the commit syncs once).
    expect(file.syncs).toBe(0);
  });

  it('R444-13 a direct write refused with EINVAL goes on buffered, byte for byte', async () => {
    const { file, calls, fh } = handlePair();
    const refusing = {
      async write() {
        throw Object.assign(new Error('EINVAL'), { code: 'EINVAL' });
      },
    } as unknown as FileHandle;
    const body = randomBytes(200 * KiB + 1);
    const r = await writeStaged(Readable.from(chunked(body)), { fh, direct: refusing, slabs: new AlignedSlabPool() }, 0, () => undefined, {
      batchBytes: 32 * KiB,
      syncEveryBytes: 96 * KiB,
    });
    expect(r).toMatchObject({ written: body.length, writeError: undefined });
    expect(file.data.equals(body)).toBe(true);
    expect(calls.every((c) => c.via === 'buffered')).toBe(true);
    expect(file.syncs).toBeGreaterThanOrEqual(1); // buffered again, so synced in the background again
  });

  it('R444-13 pool slabs are page-aligned: the kernel takes them for O_DIRECT writes to a real file', async () => {
    const slab = new AlignedSlabPool().take(1 << 20);
    randomBytes(slab.length).copy(slab);
    const file = path.join(dir, 'direct.bin');
    fs.writeFileSync(file, '');
    const fh = await fs.promises.open(file, fs.constants.O_WRONLY | fs.constants.O_DIRECT);
    try {
      expect((await fh.write(slab, 0, slab.length, 0)).bytesWritten).toBe(slab.length);
      // A buffer one byte off is refused: the check above is real.
      await expect(fh.write(Buffer.from(slab.buffer, slab.byteOffset + 1, 4096), 0, 4096, 0)).rejects.toMatchObject({ code: 'EINVAL' });
    } finally {
      await fh.close();
    }
    expect(fs.readFileSync(file).equals(slab)).toBe(true);
  });

  it('R444-11 the store on a real file: unaligned resumes, direct in the middle, the file and SHA-256 are the bytes sent', async () => {
    const store = new HashingFileStore(dir, { batchBytes: 64 * KiB, syncEveryBytes: 256 * KiB });
    const body = randomBytes(900 * KiB + 4097);
    await created(store, 'd1', body.length);
    let offset = 0;
    for (const cut of [4095, 333 * KiB + 7, 600 * KiB, body.length]) {
      offset = await store.write(Readable.from(chunked(body.subarray(offset, cut))), 'd1', offset);
      expect(offset).toBe(cut);
      expect(fs.statSync(store.filePath('d1')).size).toBe(cut);
    }
    expect(store.usesDirectIo).toBe(true); // /tmp here is ext4, which takes O_DIRECT
    expect(fs.readFileSync(store.filePath('d1')).equals(body)).toBe(true);
    expect(await store.digest('d1', body.length)).toBe(sha(body));
  });
});

describe('R444-13 the slab pool', () => {
  it('R444-13 slabs are handed out again once given back; when no memory can be mapped, plain buffers that never join the pool', () => {
    const pool = new AlignedSlabPool();
    const a = pool.take(64 * KiB);
    pool.give(a);
    expect(pool.take(64 * KiB)).toBe(a);
    expect(() => pool.take(1000)).toThrow(/multiple of 4096/);

    const exhausted = new AlignedSlabPool(() => {
      throw new RangeError('WebAssembly.Memory(): could not allocate memory');
    });
    const plain = exhausted.take(64 * KiB);
    expect(plain.length).toBe(64 * KiB);
    exhausted.give(plain);
    expect(exhausted.take(64 * KiB)).not.toBe(plain);
  });
});
