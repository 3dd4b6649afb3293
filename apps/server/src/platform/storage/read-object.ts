import { createHash } from 'node:crypto';
import type { BlobStore } from './storage.ts';

/** Re-reads a stored object and returns the SHA-256 and size of the bytes actually there (scrub, restore checks). */
export async function hashStoredObject(store: BlobStore, sha256: string) {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of await store.get(sha256)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), size };
}

/** The whole of a small stored object (a manifest, a letter) in memory; never for videos. */
export async function readSmallObject(store: BlobStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await store.get(sha256)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}
