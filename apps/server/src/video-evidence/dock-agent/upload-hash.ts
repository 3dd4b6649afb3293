import { createHash } from 'node:crypto';
import fs from 'node:fs';

/**
 * The SHA-256 of a device file, built from the bytes the upload reads anyway,
 * so the device is read once (R444-11). Bytes are hashed contiguously from 0:
 * when tus reads a slice again (a retried request) only what lies beyond the
 * hashed part counts; when it starts past it (resumed at the server's offset
 * after the agent restarted: Node cannot save a hash state) the gap is read
 * here first. One object per file and agent process, across attempts.
 */
export class UploadHash {
  private readonly hash = createHash('sha256');
  private hashedUpTo = 0;
  private hex?: string;

  constructor(
    private readonly file: string,
    readonly size: number,
  ) {}

  /** How many bytes from the start are hashed. */
  get bytes() {
    return this.hashedUpTo;
  }

  /** `chunk` was read from the file at `pos`, which may not lie past the hashed part. */
  update(pos: number, chunk: Buffer) {
    if (pos > this.hashedUpTo) throw new Error(`${this.file}: bytes at ${pos} read before those at ${this.hashedUpTo}`);
    const end = pos + chunk.length;
    if (end <= this.hashedUpTo) return;
    this.hash.update(chunk.subarray(this.hashedUpTo - pos));
    this.hashedUpTo = end;
  }

  /** Reads and hashes the file from the hashed part up to `pos`. */
  async catchUp(pos: number) {
    if (pos <= this.hashedUpTo) return;
    for await (const chunk of fs.createReadStream(this.file, { start: this.hashedUpTo, end: pos - 1, highWaterMark: 1 << 20 })) {
      this.update(this.hashedUpTo, chunk as Buffer);
    }
    if (this.hashedUpTo < pos) throw new Error(`${this.file}: read ${this.hashedUpTo} of ${pos} bytes`);
  }

  /** The whole file's SHA-256; reads whatever the upload did not. */
  async digest() {
    if (this.hex === undefined) {
      await this.catchUp(this.size);
      this.hex = this.hash.digest('hex');
    }
    return this.hex;
  }
}
