import type { FileHandle } from 'node:fs/promises';
import { finished, type Readable } from 'node:stream';
import { DIRECT_ALIGN, type AlignedSlabPool } from './aligned-slabs.ts';

export interface StagedWriteOptions {
  /** Bytes per write: few large writes instead of one per socket chunk. */
  batchBytes: number;
  /** Buffered writes: a background fdatasync starts after this many bytes, so the commit's fsync has only the tail left. */
  syncEveryBytes: number;
}

export const STAGED_WRITE_DEFAULTS: StagedWriteOptions = { batchBytes: 1 << 20, syncEveryBytes: 64 << 20 };

/** The staged file, open twice. */
export interface StagedTarget {
  /** Buffered: the unaligned edges of a write, the syncs, a cut-back. */
  fh: FileHandle;
  /**
   * The same file opened with O_DIRECT, for every whole aligned block. Buffered
   * writes cost this machine's kernel ~2 CPU s per GB in page-cache copies and
   * writeback, more than hashing; direct writes ~0.2. Durability still comes
   * from the commit's fdatasync (device cache, file size). Needs `slabs`.
   */
  direct?: FileHandle;
  /** Where the write buffers come from: page-aligned, reused across writes. */
  slabs?: AlignedSlabPool;
}

/** Background syncs running in this process: one at most, so they never hold more than one of libuv's 4 pool threads. */
let syncsRunning = 0;

export interface StagedWriteResult {
  /** Bytes now in the file after the start position (every byte received, unless writeError). */
  written: number;
  /** The source failed or was destroyed; what arrived before is written. */
  sourceError?: unknown;
  /** A write failed: the file holds `written` bytes or a few more (a short write before the error). */
  writeError?: unknown;
  /**
   * A background fdatasync failed. Linux reports a writeback error to one fsync only, so the commit's own
   * fsync would not see it: the file was cut back to what an earlier sync of this write covered (0 if none).
   */
  syncError?: unknown;
}

/**
 * Reads `source` to its end and writes it to the file from `position` on. Chunks are
 * handed to `onChunk` as they arrive (the hash runs while the previous batch is
 * being written) and copied into one of two reused slabs, each written with one
 * call, at most one in flight; the source is paused while both slabs are busy.
 * Copying costs a memcpy, but a socket chunk is then garbage at once. Socket
 * chunks held until a batch is full outlive young-generation collections, and
 * V8 counts such buffers against the old generation's limit until a full GC:
 * with 1 MiB of held chunks per upload it ran 15-35 mark-compacts per GB, with
 * chunks released at once none (see also platform/heap-growth.ts).
 * With a direct handle, a write that starts off a block boundary (a resumed
 * PATCH) first fills a short slab up to the boundary, so every later slab lies
 * on block boundaries; only that head and the last partial block go buffered.
 * Never rejects: failures come back in the result.
 */
export function writeStaged(
  source: Readable,
  target: StagedTarget,
  position: number,
  onChunk: (chunk: Buffer) => void,
  o: StagedWriteOptions = STAGED_WRITE_DEFAULTS,
): Promise<StagedWriteResult> {
  const { fh, slabs } = target;
  let direct = slabs && o.batchBytes % DIRECT_ALIGN === 0 ? target.direct : undefined;
  const newSlab = () => (slabs ? slabs.take(o.batchBytes) : Buffer.allocUnsafeSlow(o.batchBytes));
  /** Writes `buf` at `at`: whole aligned blocks through the direct handle, the rest buffered. */
  const writeAt = async (buf: Buffer, at: number) => {
    let done = 0;
    if (direct && at % DIRECT_ALIGN === 0) {
      const blocks = buf.length - (buf.length % DIRECT_ALIGN);
      try {
        if (blocks > 0) await writeAll(direct, buf.subarray(0, blocks), at, (n) => (done = n));
      } catch (e) {
        // EINVAL: this file system or buffer does not take direct I/O after all; the rest of this write goes buffered.
        if ((e as NodeJS.ErrnoException).code !== 'EINVAL') throw e;
        direct = undefined;
      }
    }
    await writeAll(fh, buf.subarray(done), at + done);
  };
  return new Promise((resolve) => {
    let fill: Buffer = newSlab();
    let spare: Buffer | undefined; // taken once a second batch is needed
    /** How much of `fill` this batch uses: short for the first one when it must end on a block boundary. */
    let cap = direct && position % DIRECT_ALIGN !== 0 ? DIRECT_ALIGN - (position % DIRECT_ALIGN) : o.batchBytes;
    let fillPos = 0;
    /** The part of a chunk that did not fit while the other slab was being written. */
    let held: Buffer | undefined;
    let written = 0;
    let writing = false;
    let ended = false;
    let sourceError: unknown;
    let writeError: unknown;
    let syncError: unknown;
    // Background fdatasync: at most one in flight; `synced` is how much of the file a good one covered.
    let sinceSync = 0;
    let syncing: Promise<void> | undefined;
    let synced = 0;
    const failed = () => writeError !== undefined || syncError !== undefined;

    const startSync = () => {
      const upTo = position + written;
      sinceSync = 0;
      syncsRunning++;
      syncing = fh.datasync().then(
        () => {
          synced = upTo;
        },
        (e: unknown) => {
          syncError ??= e;
        },
      );
      void syncing.finally(() => {
        syncsRunning--;
        syncing = undefined;
      });
    };

    const startWrite = () => {
      const n = fillPos;
      const out = fill.subarray(0, n);
      const next = spare ?? newSlab();
      spare = fill;
      fill = next;
      fillPos = 0;
      cap = o.batchBytes;
      writing = true;
      writeAt(out, position + written).then(
        () => {
          written += n;
          sinceSync += n;
          writing = false;
          // Direct writes reach the device before they complete and report their own errors: the commit's one
          // fdatasync (device cache, file size) is all they need, and a sync while they run halves their rate.
          if (!direct && sinceSync >= o.syncEveryBytes && !syncing && syncsRunning === 0) startSync();
          pump();
        },
        (e: unknown) => {
          writeError ??= e;
          writing = false;
          pump();
        },
      );
    };

    /** Copies what fits, starting a write whenever the slab is full and the other one free; returns the rest. */
    const absorb = (chunk: Buffer): Buffer | undefined => {
      let at = 0;
      for (;;) {
        const n = chunk.copy(fill, fillPos, at, at + Math.min(cap - fillPos, chunk.length - at));
        fillPos += n;
        at += n;
        if (fillPos < cap) return undefined;
        if (writing || failed()) return at < chunk.length ? chunk.subarray(at) : undefined;
        startWrite();
        if (at === chunk.length) return undefined;
      }
    };

    const onData = (chunk: Buffer) => {
      onChunk(chunk);
      held = absorb(chunk);
      if (held) source.pause();
    };

    const pump = () => {
      if (writing) return;
      if (failed()) {
        source.off('data', onData);
        source.pause();
        void settle();
        return;
      }
      if (fillPos === cap) startWrite();
      if (held) {
        held = absorb(held);
        if (held) return;
      }
      if (!ended) source.resume();
      else if (!writing) {
        if (fillPos > 0) startWrite();
        else void settle();
      }
    };

    let settled = false;
    const settle = async () => {
      if (settled) return;
      settled = true;
      await syncing;
      if (slabs) for (const slab of [fill, spare]) if (slab) slabs.give(slab);
      if (syncError !== undefined) {
        // Pages past the last good sync may never reach the disk: keep only what is known durable.
        written = synced - position;
        await fh.truncate(synced).catch(() => undefined);
      }
      resolve({ written, sourceError, writeError, syncError });
    };

    source.on('data', onData);
    finished(source, (e) => {
      ended = true;
      if (e) sourceError = e;
      pump();
    });
  });
}

/**
 * Writes `buf` at `at`; a short write (what a full disk gives before its error) is continued.
 * `progress` hears how much is written, so a caller can go on from there another way.
 */
async function writeAll(fh: FileHandle, buf: Buffer, at: number, progress?: (done: number) => void) {
  for (let done = 0; done < buf.length;) {
    const { bytesWritten } = await fh.write(buf, done, buf.length - done, at + done);
    if (bytesWritten <= 0) throw new Error(`no progress writing at ${at + done}`);
    done += bytesWritten;
    progress?.(done);
  }
}
