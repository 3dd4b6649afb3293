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
 * What an object is for. Originals (evidence, documents as received) are locked where the store can lock
 * (S3 Object Lock); derived files (thumbnails, proxies, excerpts, package parts) can always be made again.
 */
export type ObjectKind = 'original' | 'derived';

export interface PutOptions {
  /** Default: original — the safe side. */
  kind?: ObjectKind;
}

/** The lock a stored original must carry: kept at least until `retainUntil`, and while `legalHold`, indefinitely. */
export interface Protection {
  retainUntil?: Date;
  legalHold: boolean;
}

/**
 * The write-once blob store. Originals are put once and never modified,
 * renamed or overwritten; identical content is stored once. `delete` exists
 * only for the retention process (R444-12); nothing else may call it.
 */
export interface BlobStore {
  /** Streams into a temporary object, hashing on the way, then commits it under its SHA-256. */
  put(body: Readable, options?: PutOptions): Promise<StoredObject>;
  /**
   * Commits a file already written to the store's staging area (a finished resumable upload).
   * The staged file is left in place: the caller removes it once the recording row exists.
   */
  commitStaged(stagedPath: string, expected: StoredObject, options?: PutOptions): Promise<StoredObject>;
  get(sha256: string, range?: ByteRange): Promise<Readable>;
  stat(sha256: string): Promise<{ size: number; mtime: Date } | undefined>;
  /** Retention only. */
  delete(sha256: string): Promise<void>;
  /**
   * Makes the store itself refuse deletion of an original before `retainUntil` or while held (S3 Object Lock in
   * COMPLIANCE mode). Retention is only ever extended. Absent on the filesystem driver, where the database's
   * triggers and the retention process are the lock.
   */
  protect?(sha256: string, protection: Protection): Promise<void>;
  /** Checks the store can be reached (readiness). */
  ping?(): Promise<void>;
  /** Which driver this is, for logs and metrics. */
  driver?: 'fs' | 's3';
  /** A staging folder for uploads in progress (filesystem driver: on the objects' filesystem, so committing is a link). */
  stagingDir: string;
  /** The object's path below the objects folder, for a web server that sends files itself (MEDIA_OFFLOAD=x-accel). */
  relativePath?(sha256: string): string;
}
