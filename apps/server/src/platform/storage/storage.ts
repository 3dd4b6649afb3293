import type { Readable } from 'node:stream';

/** What a stored object is known by: its SHA-256 (content address) and size. */
export interface StoredObject {
  sha256: string;
  size: number;
}

export interface ByteRange {
  start: number;
  /** Inclusive, like HTTP Range. */
  end: number;
}

/**
 * The write-once blob store. Originals are put once and never modified,
 * renamed or overwritten; identical content is stored once. `delete` exists
 * only for the retention process (R444-12); nothing else may call it.
 */
export interface BlobStore {
  /** Streams into a temporary object, hashing on the way, then commits it under its SHA-256. */
  put(body: Readable): Promise<StoredObject>;
  /**
   * Commits a file already written to the store's staging area (a finished resumable upload).
   * The staged file is left in place: the caller removes it once the recording row exists.
   */
  commitStaged(stagedPath: string, expected: StoredObject): Promise<StoredObject>;
  get(sha256: string, range?: ByteRange): Promise<Readable>;
  stat(sha256: string): Promise<{ size: number; mtime: Date } | undefined>;
  /** Retention only. */
  delete(sha256: string): Promise<void>;
  /** A staging folder on the same filesystem as the objects (so committing is a rename). */
  stagingDir: string;
  /** The object's path below the objects folder, for a web server that sends files itself (MEDIA_OFFLOAD=x-accel). */
  relativePath?(sha256: string): string;
}
