import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listRecordings } from '../../../src/video-evidence/recordings/recordings.repository.ts';
import { objectRelPath, readManifest } from '../../../src/kernel/backup/backup.manifest.ts';
import { sha256Of } from '../../support/clips.ts';
import { baqylau, openDiskInstance, seedEvidence } from './disk-instance.ts';

const onPostgres = Boolean(inject('pgTemplateUrl'));

function flipByte(file: string) {
  fs.chmodSync(file, 0o644);
  const bytes = fs.readFileSync(file);
  bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
  fs.writeFileSync(file, bytes);
  fs.chmodSync(file, 0o444);
}

describe.skipIf(onPostgres)('R444-13 a repeat backup into the same folder verifies what it keeps', () => {
  let root: string;
  let dataDir: string;
  let backupDir: string;
  let recs: { sha256: string; originalName: string }[];

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'baqylau-backup-damaged-'));
    dataDir = path.join(root, 'data');
    backupDir = path.join(root, 'backup');
    const ctx = await openDiskInstance(dataDir);
    try {
      const w = await seedEvidence(ctx, path.join(root, 'clips'));
      recs = await listRecordings(ctx.deps.db, w.org);
    } finally {
      await ctx.close();
    }
  }, 120_000);
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('R444-13 a damaged original in the store fails the repeat backup, naming it; the intact earlier copy is kept, a damaged copy in the backup is replaced', async () => {
    const first = await baqylau('backup', backupDir, '--data-dir', dataDir);
    expect(first.code).toBe(0);
    const [damaged, other] = recs as [(typeof recs)[0], (typeof recs)[0]];
    flipByte(path.join(dataDir, objectRelPath(damaged.sha256)));
    flipByte(path.join(backupDir, objectRelPath(other.sha256)));

    const again = await baqylau('backup', backupDir, '--data-dir', dataDir);
    expect(again.code).toBe(1);
    expect(again.out).toContain(`CRITICAL object ${damaged.sha256} damaged in the store`);
    expect(again.out).toContain(damaged.originalName);
    expect(again.out).toContain('the backup keeps its earlier intact copy');
    const m = readManifest(backupDir);
    expect(m.unreadableObjects).toEqual([expect.objectContaining({ sha256: damaged.sha256, earlierCopyKept: true })]);
    expect(m.objects.map((o) => o.sha256)).toContain(damaged.sha256);
    expect(sha256Of(path.join(backupDir, objectRelPath(damaged.sha256)))).toBe(damaged.sha256);
    expect(sha256Of(path.join(backupDir, objectRelPath(other.sha256)))).toBe(other.sha256);
  }, 120_000);
});
