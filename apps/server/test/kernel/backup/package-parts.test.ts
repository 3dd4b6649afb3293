import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mergeObjects } from '../../../src/kernel/backup/mergeObjects.ts';
import { packagePartObjects } from '../../../src/video-evidence/packages/packagePartObjects.ts';
import { createFsBlobStore } from '../../../src/platform/storage/fs-store.ts';

const put = (store: ReturnType<typeof createFsBlobStore>, text: string) => store.put(Readable.from([Buffer.from(text)]));

describe('R444-13 R444-14 a backup keeps the court packages whole', () => {
  it('R444-14 the parts only a signed manifest names (custody, cover letters, excerpts) are backed up; originals and materials come from their rows', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-parts-'));
    const store = createFsBlobStore(path.join(dir, 'blobs'));
    const custody = await put(store, '{"format":"baqylau-custody-v1"}');
    const letter = await put(store, '%PDF-1.7 cover letter');
    const excerpt = await put(store, 'excerpt bytes');
    const original = await put(store, 'original bytes');
    const manifest = await put(
      store,
      JSON.stringify({
        custody: { path: 'custody.json', ...custody },
        files: [
          { kind: 'original', ...original },
          { kind: 'excerpt', ...excerpt },
          { kind: 'cover_letter', ...letter },
        ],
      }),
    );
    const parts = await packagePartObjects(store, [manifest.sha256, 'f'.repeat(64)]); // a missing manifest is skipped
    expect(parts.map((p) => p.sha256).sort()).toEqual([custody.sha256, letter.sha256, excerpt.sha256].sort());
    expect(parts.find((p) => p.sha256 === excerpt.sha256)?.size).toBe(excerpt.size);
    const merged = mergeObjects([original, custody], parts);
    expect(merged.map((o) => o.sha256)).toEqual([original, custody, letter, excerpt].map((o) => o.sha256).sort());
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
