import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import type { AppDeps } from '../../platform/deps.ts';
import type { Stored } from './package-manifest.ts';

/** A stored object whose bytes no longer hash to its address (or are gone): the package must not be built. */
export class StoredBytesChanged extends Error {
  constructor(
    /** The file's name and the ids the rule set uses for it (recordingId, materialId, fileId…). */
    readonly what: { name: string } & Partial<Record<string, string>>,
    readonly actual: Partial<Stored> | null,
    /** The address (recorded SHA-256) of the object whose bytes changed. */
    readonly expectedSha256?: string,
  ) {
    super(`stored bytes of ${what.name} changed`);
  }
}

export interface Progress {
  add(n: number): Promise<void>;
  flush(): Promise<void>;
}

/** No progress to report (a package built while the caller waits). */
export const NO_PROGRESS: Progress = { add: async () => {}, flush: async () => {} };

/**
 * Build progress: bytes re-hashed so far, handed to `write` every 32 MiB and at the end of each
 * file; `heartbeat` at most every 30 s or so, to keep a job's claim on a long build.
 */
export function progressTracker(write: (bytesDone: number) => Promise<unknown>, heartbeat?: () => Promise<void>): Progress {
  let done = 0;
  let written = 0;
  let beat = Date.now();
  const flush = async () => {
    if (done === written) return;
    written = done;
    await write(done);
    if (heartbeat && Date.now() - beat >= 30_000) {
      beat = Date.now();
      await heartbeat();
    }
  };
  return {
    async add(n: number) {
      done += n;
      if (done - written >= 32 * 2 ** 20) await flush();
    },
    flush,
  };
}

/**
 * Re-reads an object from the store and hashes it, optionally copying it to a
 * working file (for ffmpeg) in the same pass. Throws StoredBytesChanged when
 * the hash or size differs from what was recorded when it was stored.
 */
export async function rehashStored(
  deps: AppDeps,
  expected: Stored,
  what: StoredBytesChanged['what'],
  progress: Progress = NO_PROGRESS,
  copyTo?: string,
) {
  const hash = createHash('sha256');
  let size = 0;
  const out = copyTo ? fs.createWriteStream(copyTo) : undefined;
  try {
    const stream = await deps.store.get(expected.sha256);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      if (out && !out.write(chunk)) await once(out, 'drain');
      await progress.add(chunk.length);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredBytesChanged(what, null, expected.sha256);
    throw e;
  } finally {
    if (out) await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
  await progress.flush();
  const actual = { sha256: hash.digest('hex'), size };
  if (actual.sha256 !== expected.sha256 || actual.size !== expected.size) throw new StoredBytesChanged(what, actual, expected.sha256);
}
