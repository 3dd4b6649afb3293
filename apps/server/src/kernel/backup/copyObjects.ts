import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BlobStore } from '../../platform/storage/storage.ts';
import { hashStoredObject } from '../../platform/storage/read-object.ts';
import { objectRelPath, sha256OfFile, type StoredObjectRef } from './backup.manifest.ts';

export type CopyOutcome =
  | { kind: 'present' }
  | { kind: 'copied' }
  /** `earlierCopyKept`: the backup already held this object, verified intact, and keeps it. */
  | { kind: 'unreadable'; problem: string; earlierCopyKept?: boolean };

/**
 * Copies one object from the store into the backup folder, hashing on the way;
 * a damaged source is reported, never copied. Written to a temporary file,
 * fsynced, then renamed into place read-only. An object an earlier backup
 * already holds is not copied again (incremental backups), but both it and the
 * store's object are re-hashed (R444-13): a damaged original in the store is
 * reported even though the backup's earlier copy is intact (and that copy is
 * kept), and a damaged copy in the backup is replaced.
 */
export async function copyObjectToBackup(store: BlobStore, backupDir: string, ref: StoredObjectRef): Promise<CopyOutcome> {
  const dest = path.join(backupDir, objectRelPath(ref.sha256));
  const existing = await fsp.stat(dest).catch(() => undefined);
  if (existing?.size === ref.size) {
    const keptIntact = (await sha256OfFile(dest).catch(() => null)) === ref.sha256;
    const source = await hashStoredObject(store, ref.sha256).catch(() => null);
    if (source?.sha256 !== ref.sha256 || source.size !== ref.size) {
      const problem = source ? `damaged in the store: its content hashes to ${source.sha256}` : 'missing from the store';
      return { kind: 'unreadable', problem, earlierCopyKept: keptIntact };
    }
    if (keptIntact) return { kind: 'present' };
  }
  if (existing) await removeReadOnly(dest);
  if (!(await store.stat(ref.sha256))) return { kind: 'unreadable', problem: 'missing from the store' };

  const partialDir = path.join(backupDir, 'blobs', '.partial');
  await fsp.mkdir(partialDir, { recursive: true });
  const tmp = path.join(partialDir, randomUUID());
  const hash = createHash('sha256');
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(await store.get(ref.sha256), hashing, fs.createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
    const actual = hash.digest('hex');
    if (actual !== ref.sha256) return { kind: 'unreadable', problem: `damaged in the store: its content hashes to ${actual}` };
    const fh = await fsp.open(tmp, 'r');
    await fh.sync().finally(() => fh.close());
    await fsp.mkdir(path.dirname(dest), { recursive: true });
    await fsp.chmod(tmp, 0o444);
    await fsp.rename(tmp, dest);
    return { kind: 'copied' };
  } catch (e) {
    return { kind: 'unreadable', problem: `could not be read: ${(e as Error).message}` };
  } finally {
    await fsp.rm(tmp, { force: true });
  }
}

/** Removes objects in the backup folder that the new manifest no longer lists (deleted by the retention process). */
export async function pruneBackupObjects(backupDir: string, keep: Set<string>): Promise<number> {
  const root = path.join(backupDir, 'blobs', 'objects');
  if (!fs.existsSync(root)) return 0;
  let removed = 0;
  for (const a of await fsp.readdir(root)) {
    for (const b of await fsp.readdir(path.join(root, a))) {
      for (const name of await fsp.readdir(path.join(root, a, b))) {
        if (keep.has(name)) continue;
        await removeReadOnly(path.join(root, a, b, name));
        removed++;
      }
    }
  }
  await fsp.rm(path.join(backupDir, 'blobs', '.partial'), { recursive: true, force: true });
  return removed;
}

async function removeReadOnly(file: string) {
  await fsp.chmod(file, 0o600).catch(() => undefined);
  await fsp.rm(file, { force: true });
}
