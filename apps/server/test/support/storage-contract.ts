import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { hashStoredObject, readSmallObject } from '../../src/platform/storage/read-object.ts';
import type { BlobStore } from '../../src/platform/storage/storage.ts';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const read = async (s: Readable) => {
  const out: Buffer[] = [];
  for await (const c of s) out.push(c as Buffer);
  return Buffer.concat(out);
};

/** What every BlobStore driver must do alike (filesystem and S3 run the same cases). */
export function storageContract(driver: string, open: () => Promise<BlobStore>) {
  describe(`R444-13 storage contract: ${driver}`, () => {
    it('R444-13 put stores the bytes under their SHA-256 and gives back exactly them', async () => {
      const store = await open();
      const bytes = randomBytes(300_001);
      const stored = await store.put(Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)]));
      expect(stored).toEqual({ sha256: sha(bytes), size: bytes.length });
      expect((await readSmallObject(store, stored.sha256)).equals(bytes)).toBe(true);
      expect(await store.stat(stored.sha256)).toMatchObject({ size: bytes.length });
      expect(await hashStoredObject(store, stored.sha256)).toEqual(stored);
    });

    it('R444-13 the same bytes put twice are one object, and the first one stays untouched', async () => {
      const store = await open();
      const bytes = Buffer.from(`бір рет сақталады ${Math.random()}`);
      const a = await store.put(Readable.from([bytes]));
      const before = await store.stat(a.sha256);
      const b = await store.put(Readable.from([bytes]));
      expect(b).toEqual(a);
      expect((await store.stat(a.sha256))?.mtime.getTime()).toBe(before?.mtime.getTime());
    });

    it('R444-13 a byte range is served exactly (playback seeks)', async () => {
      const store = await open();
      const bytes = randomBytes(2 * 2 ** 20 + 5);
      const { sha256 } = await store.put(Readable.from([bytes]));
      expect((await read(await store.get(sha256, { start: 0, end: 0 }))).equals(bytes.subarray(0, 1))).toBe(true);
      expect(
        (await read(await store.get(sha256, { start: 2 ** 20, end: 2 ** 20 + 4095 }))).equals(bytes.subarray(2 ** 20, 2 ** 20 + 4096)),
      ).toBe(true);
      expect((await read(await store.get(sha256, { start: bytes.length - 5, end: bytes.length - 1 }))).equals(bytes.subarray(-5))).toBe(
        true,
      );
    });

    it('R444-13 a finished upload in the staging folder is committed under its hash and left for the caller to remove', async () => {
      const store = await open();
      const bytes = randomBytes(70_000);
      const staged = path.join(store.stagingDir, `contract-${Date.now()}`);
      fs.writeFileSync(staged, bytes);
      const stored = await store.commitStaged(staged, { sha256: sha(bytes), size: bytes.length });
      expect(stored.sha256).toBe(sha(bytes));
      expect(fs.existsSync(staged)).toBe(true);
      expect((await readSmallObject(store, stored.sha256)).equals(bytes)).toBe(true);
      fs.rmSync(staged);
    });

    it('R444-12 an address nothing was stored under is unknown; a derived file the retention process deletes is gone', async () => {
      const store = await open();
      expect(await store.stat('0'.repeat(64))).toBeUndefined();
      const { sha256 } = await store.put(Readable.from([Buffer.from(`эскиз ${Math.random()}`)]), { kind: 'derived' });
      expect(await store.stat(sha256)).toBeDefined();
      await store.delete(sha256);
      expect(await store.stat(sha256)).toBeUndefined();
      await expect(hashStoredObject(store, sha256)).rejects.toThrow();
    });
  });
}
