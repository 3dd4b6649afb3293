import { createHash, type Hash } from 'node:crypto';
import { uploadBytes, uploadsInFlight } from '../../../platform/metrics/metrics.ts';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';
import { ERRORS, type Upload } from '@tus/server';
import { diskFullError, isNoSpace } from '../../../platform/storage/free-space.ts';
import { AlignedSlabPool } from './aligned-slabs.ts';
import { STAGED_WRITE_DEFAULTS, writeStaged, type StagedWriteOptions } from './staged-file-writer.ts';

/**
 * tus FileStore that computes SHA-256 while the bytes stream in, so a finished
 * upload needs no second read. Node cannot persist a hash state, so after a
 * server restart (or any failed write) the partial file is re-read once to
 * rebuild it — the only extra read in the resumed path.
 *
 * write() replaces FileStore's stream chain (Transform → WriteStream, one
 * write per socket chunk) with 1 MiB writes, direct I/O where the file system
 * takes it (else buffered writes with a background fdatasync); see writeStaged.
 */
export class HashingFileStore extends FileStore {
  private readonly states = new Map<string, { hash: Hash; bytes: number }>();
  private readonly slabs = new AlignedSlabPool();
  /** Cleared when the staging folder's file system refuses O_DIRECT (tmpfs, some network mounts). */
  private directIo: boolean;
  /** Called when a creation failed and its files were removed: whoever noted the upload forgets it too. */
  onCreateFailed: (id: string) => Promise<void> = async () => undefined;

  constructor(
    private readonly dir: string,
    private readonly writeOptions: StagedWriteOptions & { directIo?: boolean } = STAGED_WRITE_DEFAULTS,
    /** How long after its creation an upload is kept (0: the store names no expiry). */
    expirationPeriodInMilliseconds = 0,
    /** Named in a disk-full refusal: the free space new uploads wait for (STORAGE_RESERVE_MB). */
    private readonly reserveBytes = 0,
  ) {
    super({ directory: dir, expirationPeriodInMilliseconds });
    this.directIo = writeOptions.directIo ?? true;
  }

  /** Whether staged writes still go direct (false once the file system refused). */
  get usesDirectIo() {
    return this.directIo;
  }

  /** The staged file opened for direct I/O, or undefined where that is not to be had. */
  private async openDirect(file: string) {
    if (!this.directIo || !fs.constants.O_DIRECT) return undefined;
    try {
      return await fsp.open(file, fs.constants.O_WRONLY | fs.constants.O_DIRECT);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EINVAL') this.directIo = false;
      return undefined;
    }
  }

  filePath(id: string) {
    return path.join(this.dir, id);
  }

  /**
   * FileStore's creation (an empty file, then its .json description), undone whole when it fails:
   * a full disk used to leave a zero-byte file behind for every refused creation.
   */
  override async create(upload: Upload) {
    try {
      return await super.create(upload);
    } catch (e) {
      await this.removeFiles(upload.id);
      await this.onCreateFailed(upload.id);
      throw isNoSpace(e) ? await diskFullError(this.dir, this.reserveBytes) : e;
    }
  }

  /** The upload's bytes and description, whichever exist. */
  async removeFiles(id: string) {
    this.states.delete(id);
    await fsp.rm(this.filePath(id), { force: true });
    await fsp.rm(`${this.filePath(id)}.json`, { force: true });
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    const known = this.states.get(id);
    const state = known && known.bytes === offset ? known : await this.rebuild(id, offset);
    // Owned by this write; put back only while it matches the file byte for byte.
    this.states.delete(id);
    let fh;
    try {
      fh = await fsp.open(this.filePath(id), 'r+');
    } catch {
      throw ERRORS.FILE_WRITE_ERROR;
    }
    const direct = await this.openDirect(this.filePath(id));
    let r;
    uploadsInFlight.inc();
    try {
      r = await writeStaged(
        readable,
        { fh, direct, slabs: this.slabs },
        offset,
        (c) => {
          state.hash.update(c);
          uploadBytes.inc(c.length);
        },
        this.writeOptions,
      );
    } finally {
      uploadsInFlight.dec();
      await direct?.close();
      await fh.close();
    }
    if (r.writeError === undefined && r.syncError === undefined) {
      state.bytes = offset + r.written;
      this.states.set(id, state);
    }
    // A full disk is the operator's to fix, and the upload resumes at the file's size once space is freed.
    if (isNoSpace(r.writeError) || isNoSpace(r.syncError)) throw await diskFullError(this.dir, this.reserveBytes);
    // As FileStore: a failed source or write fails the PATCH; the file's size tells the client where to resume.
    if (r.sourceError !== undefined || r.writeError !== undefined || r.syncError !== undefined) throw ERRORS.FILE_WRITE_ERROR;
    return offset + r.written;
  }

  /** The SHA-256 of the whole upload of `size` bytes. */
  async digest(id: string, size: number): Promise<string> {
    let state = this.states.get(id);
    if (!state || state.bytes !== size) state = await this.rebuild(id, size);
    this.states.delete(id);
    return state.hash.copy().digest('hex');
  }

  private async rebuild(id: string, bytes: number) {
    const hash = createHash('sha256');
    if (bytes > 0) {
      for await (const chunk of fs.createReadStream(this.filePath(id), { start: 0, end: bytes - 1, highWaterMark: 1 << 20 })) {
        hash.update(chunk as Buffer);
      }
    }
    const state = { hash, bytes };
    this.states.set(id, state);
    return state;
  }

  forget(id: string) {
    this.states.delete(id);
  }
}
