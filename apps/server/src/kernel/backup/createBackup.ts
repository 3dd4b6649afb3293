import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../config/config.ts';
import { mergeObjects } from './mergeObjects.ts';
import type { RuleSetRecords } from '../../platform/records.ts';
import { openBlobStore } from '../../platform/storage/open-store.ts';
import {
  BackupError,
  FORMAT,
  FORMAT_VERSION,
  KEY_FILE,
  sha256OfFile,
  writeDurably,
  writeManifest,
  describeCounts,
  type BackupManifest,
} from './backup.manifest.ts';
import { lockBackupFolder } from './backup-folder-lock.ts';
import { copyObjectToBackup, pruneBackupObjects } from './copyObjects.ts';
import { progress } from './progress.ts';
import { snapshotDatabase } from './snapshotDatabase.ts';

export interface BackupResult {
  manifest: BackupManifest;
  copied: number;
  present: number;
  pruned: number;
}

const DUMP_NAME = /^database-.+\.(pgdump|pglite\.tar\.gz)$/;

/**
 * Backs up the database, the write-once store and the instance signing key
 * into `dir` (R444-13). The database is dumped first and only then are the
 * objects it names copied: objects are immutable and written before their
 * rows, so the copy always covers the dump. Into an existing backup only new
 * objects are copied; the manifest is replaced atomically and is the commit
 * point — the old dump and objects no longer listed are removed after it.
 */
export async function createBackup(
  config: Config,
  dir: string,
  o: { log: (line: string) => void; records: RuleSetRecords },
): Promise<BackupResult> {
  const inside = path.relative(path.resolve(config.dataDir), path.resolve(dir));
  if (!inside.startsWith('..') && !path.isAbsolute(inside)) {
    throw new BackupError(`${dir} is inside DATA_DIR (${config.dataDir}): a backup there is lost with the data. Choose another disk.`, 2);
  }
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const unlock = await lockBackupFolder(dir);
  try {
    const keyPath = path.join(config.dataDir, KEY_FILE);
    if (!fs.existsSync(keyPath)) {
      throw new BackupError(`There is no instance signing key at ${keyPath}. Check DATA_DIR (or --data-dir): it must be the server's.`, 2);
    }
    for (const f of await fsp.readdir(dir)) if (f.endsWith('.partial')) await fsp.rm(path.join(dir, f), { force: true });
    const createdAt = new Date();
    const engine = config.databaseUrl ? 'postgresql' : 'pglite';
    const dbFile = `database-${createdAt.toISOString().replace(/[-:]|\.\d+/g, '')}.${engine === 'pglite' ? 'pglite.tar.gz' : 'pgdump'}`;
    const partialDump = path.join(dir, `.${dbFile}.partial`);

    const { info, copied, present, unreadable } = await snapshotDatabase(config, o.records, partialDump, o.log, async (info) => {
      o.log(`Database dumped (${describeCounts(info.counts)}); copying ${info.objects.length} objects…`);
      const store = await openBlobStore(config); // the embedded store or the S3 bucket
      info.objects = mergeObjects(info.objects, await o.records.objectsListedIn(store, info.listingObjects));
      let copied = 0;
      let present = 0;
      const unreadable: BackupManifest['unreadableObjects'] = [];
      const tick = progress(o.log, 'copying', info.objects.length);
      for (const [i, ref] of info.objects.entries()) {
        const r = await copyObjectToBackup(store, dir, ref);
        tick(i + 1, ref.size);
        if (r.kind === 'copied') copied++;
        else if (r.kind === 'present') present++;
        else {
          const names = await info.namesOf(ref.sha256);
          const usedBy = names.length ? ` (${names.join(', ')})` : '';
          unreadable.push({
            sha256: ref.sha256,
            problem: `${r.problem}${usedBy}`,
            ...(r.earlierCopyKept ? { earlierCopyKept: true } : {}),
          });
        }
      }
      return { info, copied, present, unreadable };
    });
    await fsp.rename(partialDump, path.join(dir, dbFile));

    await fsp.mkdir(path.join(dir, 'keys'), { recursive: true, mode: 0o700 });
    const key = await fsp.readFile(keyPath);
    const keyDest = path.join(dir, KEY_FILE);
    if (!fs.existsSync(keyDest) || !key.equals(await fsp.readFile(keyDest))) {
      const tmp = `${keyDest}.partial`;
      await fsp.rm(tmp, { force: true });
      await writeDurably(tmp, key);
      await fsp.rename(tmp, keyDest);
    }

    // An intact copy from an earlier backup stays: it may be the only good one left.
    const lost = new Set(unreadable.filter((u) => !u.earlierCopyKept).map((u) => u.sha256));
    const kept = info.objects.filter((x) => !lost.has(x.sha256));
    const manifest: BackupManifest = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      engine: info.engine,
      database: { file: dbFile, serverVersion: info.serverVersion, dumpTool: info.dumpTool },
      migrations: info.migrations,
      counts: { ...info.counts, objects: kept.length },
      files: { [dbFile]: await sha256OfFile(path.join(dir, dbFile)), [KEY_FILE]: await sha256OfFile(keyDest) },
      objects: kept,
      unreadableObjects: unreadable,
    };
    await writeManifest(dir, manifest);

    for (const f of await fsp.readdir(dir)) if (DUMP_NAME.test(f) && f !== dbFile) await fsp.rm(path.join(dir, f));
    const pruned = await pruneBackupObjects(dir, new Set(kept.map((x) => x.sha256)));
    return { manifest, copied, present, pruned };
  } finally {
    await unlock();
  }
}
