import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore, ByteRange, StoredObject } from './storage.ts';

export class ObjectExistsWithOtherContent extends Error {}

/**
 * Local filesystem driver: objects/<ab>/<cd>/<sha256>, read-only once
 * committed. A temporary file is fsynced before it is linked into place, and
 * `link` (not rename) refuses to replace an existing object, so a committed
 * original can never be overwritten — even by a racing upload of the same bytes.
 */
export function createFsBlobStore(root: string): BlobStore {
  const objects = path.join(root, 'objects');
  const stagingDir = path.join(root, 'staging');
  fs.mkdirSync(objects, { recursive: true });
  fs.mkdirSync(stagingDir, { recursive: true });
  const relativePath = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  };
  const objectPath = (sha256: string) => path.join(objects, relativePath(sha256));

  /** Links a finished temporary file into place; the caller removes the temporary file afterwards. */
  async function commit(tmp: string, obj: StoredObject): Promise<StoredObject> {
    const fh = await fsp.open(tmp, 'r');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    const dest = objectPath(obj.sha256);
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    try {
      await fsp.link(tmp, dest);
      await fsp.chmod(dest, 0o444);
      await fsyncDir(path.dirname(dest));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // Same address: same content, already stored once. Keep the existing file untouched.
      const st = await fsp.stat(dest);
      if (st.size !== obj.size) throw new ObjectExistsWithOtherContent(obj.sha256);
    }
    return obj;
  }

  return {
    stagingDir,
    async put(body: Readable) {
      const tmp = path.join(stagingDir, `put-${randomUUID()}`);
      const hash = createHash('sha256');
      let size = 0;
      body.on('data', (c: Buffer) => {
        hash.update(c);
        size += c.length;
      });
      try {
        // A body refused half-way (too large, wrong type) leaves no temporary file behind.
        await pipeline(body, fs.createWriteStream(tmp, { flags: 'wx', highWaterMark: 1 << 20 }));
        return await commit(tmp, { sha256: hash.digest('hex'), size });
      } finally {
        await fsp.rm(tmp, { force: true });
      }
    },
    driver: 'fs',
    commitStaged: (stagedPath, expected) => commit(stagedPath, expected),
    async ping() {
      await fsp.access(objects, fs.constants.R_OK | fs.constants.W_OK);
    },
    relativePath,
    async get(sha256: string, range?: ByteRange) {
      return fs.createReadStream(objectPath(sha256), { ...(range ?? {}), highWaterMark: 1 << 20 });
    },
    async stat(sha256: string) {
      try {
        const st = await fsp.stat(objectPath(sha256));
        return { size: st.size, mtime: st.mtime };
      } catch {
        return undefined;
      }
    },
    async delete(sha256: string) {
      await fsp.rm(objectPath(sha256), { force: true });
    },
  };
}

async function fsyncDir(dir: string) {
  const fh = await fsp.open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
