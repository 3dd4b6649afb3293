import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { FileStore } from '@tus/file-store';

/**
 * tus FileStore that computes SHA-256 while the bytes stream in, so a finished
 * upload needs no second read. Node cannot persist a hash state, so after a
 * server restart (or any interrupted write) the partial file is re-read once
 * to rebuild it — the only extra read in the resumed path.
 */
export class HashingFileStore extends FileStore {
  private readonly states = new Map<string, { hash: Hash; bytes: number }>();

  constructor(private readonly dir: string) {
    super({ directory: dir });
  }

  filePath(id: string) {
    return path.join(this.dir, id);
  }

  override async write(readable: Readable, id: string, offset: number): Promise<number> {
    let state = this.states.get(id);
    if (!state || state.bytes !== offset) state = await this.rebuild(id, offset);
    const s = state;
    const tee = new PassThrough({ highWaterMark: 1 << 20 });
    let seen = 0;
    tee.on('data', (c: Buffer) => {
      s.hash.update(c);
      seen += c.length;
    });
    readable.on('error', (e) => tee.destroy(e));
    readable.pipe(tee);
    try {
      const newOffset = await super.write(tee, id, offset);
      s.bytes = offset + seen;
      // Bytes hashed but not written (or the reverse) make the state unusable: rebuild next time.
      if (s.bytes !== newOffset) this.states.delete(id);
      else this.states.set(id, s);
      return newOffset;
    } catch (e) {
      this.states.delete(id);
      throw e;
    }
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
