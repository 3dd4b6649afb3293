import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { UploadHash } from './upload-hash.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-upload-hash-'));
const bytes = randomBytes(3 * (1 << 20) + 17);
const file = path.join(dir, 'clip.mp4');
fs.writeFileSync(file, bytes);
const expected = createHash('sha256').update(bytes).digest('hex');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('R444-11 the agent hashes the bytes the upload reads', () => {
  it('R444-11 slices read in order, then read again on a retry, give the file hash without another read', async () => {
    const h = new UploadHash(file, bytes.length);
    h.update(0, bytes.subarray(0, 1000));
    h.update(0, bytes.subarray(0, 600)); // a retried request re-reads a slice: nothing counted twice
    h.update(500, bytes.subarray(500, 2_000_000));
    h.update(2_000_000, bytes.subarray(2_000_000));
    expect(h.bytes).toBe(bytes.length);
    fs.renameSync(file, `${file}.away`); // the device is gone: the digest needs no read
    try {
      expect(await h.digest()).toBe(expected);
    } finally {
      fs.renameSync(`${file}.away`, file);
    }
  });

  it('R444-11 an upload resumed past what this process read hashes the gap from the file first; the unread tail is read at the end', async () => {
    const h = new UploadHash(file, bytes.length);
    await expect(async () => h.update(10, bytes.subarray(10, 20))).rejects.toThrow(/read before/);
    await h.catchUp(1_500_000); // a restarted agent resumes at the server's offset
    expect(h.bytes).toBe(1_500_000);
    h.update(1_500_000, bytes.subarray(1_500_000, 2_500_000));
    expect(await h.digest()).toBe(expected); // the rest of the file is read here
    expect(await h.digest()).toBe(expected);
    h.update(0, bytes.subarray(0, 100)); // a later re-read changes nothing
    expect(await h.digest()).toBe(expected);
  });

  it('R444-11 a file shorter than announced is an error, not a hash', async () => {
    const h = new UploadHash(file, bytes.length + 10);
    await expect(h.digest()).rejects.toThrow(/read \d+ of \d+ bytes/);
  });
});
