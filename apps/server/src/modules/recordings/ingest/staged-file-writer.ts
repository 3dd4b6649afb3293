import type { FileHandle } from 'node:fs/promises';
import { finished, type Readable } from 'node:stream';

export interface StagedWriteOptions {
  /** Bytes per write: few large writes instead of one per socket chunk. */
  batchBytes: number;
  /** A background fdatasync starts after this many bytes, so the commit's fsync has only the tail left. */
  syncEveryBytes: number;
}

export const STAGED_WRITE_DEFAULTS: StagedWriteOptions = { batchBytes: 1 << 20, syncEveryBytes: 64 << 20 };

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
 * Reads `source` to its end and writes it to `fh` from `position` on. Chunks are
 * handed to `onChunk` as they arrive (the hash runs while the previous batch is
 * being written) and copied into one of two reused slabs, each written with one
 * call, at most one in flight; the source is paused while both slabs are busy.
 * Copying costs a memcpy, but a socket chunk is then garbage at once. Socket
 * chunks held until a batch is full outlive young-generation collections, and
 * V8 counts such buffers against the old generation's limit until a full GC:
 * with 1 MiB of held chunks per upload it ran 15-35 mark-compacts per GB, with
 * chunks released at once none (see also platform/heap-growth.ts).
 * Never rejects: failures come back in the result.
 */
export function writeStaged(
  source: Readable,
  fh: FileHandle,
  position: number,
  onChunk: (chunk: Buffer) => void,
  o: StagedWriteOptions = STAGED_WRITE_DEFAULTS,
): Promise<StagedWriteResult> {
  return new Promise((resolve) => {
    let fill: Buffer = Buffer.allocUnsafeSlow(o.batchBytes);
    let spare: Buffer | undefined; // allocated once a second batch is needed
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
      const next = spare ?? Buffer.allocUnsafeSlow(o.batchBytes);
      spare = fill;
      fill = next;
      fillPos = 0;
      writing = true;
      writeAll(fh, out, position + written).then(
        () => {
          written += n;
          sinceSync += n;
          writing = false;
          if (sinceSync >= o.syncEveryBytes && !syncing && syncsRunning === 0) startSync();
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
        const n = chunk.copy(fill, fillPos, at);
        fillPos += n;
        at += n;
        if (fillPos < fill.length) return undefined;
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
      if (fillPos === fill.length) startWrite();
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

/** Writes `buf` at `at`; a short write (what a full disk gives before its error) is continued. */
async function writeAll(fh: FileHandle, buf: Buffer, at: number) {
  for (let done = 0; done < buf.length;) {
    const { bytesWritten } = await fh.write(buf, done, buf.length - done, at + done);
    if (bytesWritten <= 0) throw new Error(`no progress writing at ${at + done}`);
    done += bytesWritten;
  }
}
