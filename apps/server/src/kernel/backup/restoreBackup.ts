import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../../config/config.ts';
import { DataDirInUseError, lockDataDir } from '../../db/data-dir-lock.ts';
import { openPostgres, type Database } from '../../db/database.ts';
import { wrapPglite } from '../../db/pglite.ts';
import { createFsBlobStore } from '../../platform/storage/fs-store.ts';
import type { RuleSetRecords } from '../../platform/records.ts';
import {
  BackupError,
  KEY_FILE,
  describeCounts,
  objectRelPath,
  readManifest,
  sha256OfFile,
  type BackupManifest,
} from './backup.manifest.ts';
import { knownMigrations } from './backup.repository.ts';
import { lockBackupFolder } from './backup-folder-lock.ts';
import { checkBackup } from './checkBackup.ts';
import { nonEmptyTargetParts } from './checkTarget.ts';
import { connectionFor, findPgTool, majorOf, runPgTool } from './pg-tools.ts';
import { restoreMarkerPath, writeRestoreMarker } from './restore-marker.ts';
import { finishRestore } from './finishRestore.ts';
import { progress } from './progress.ts';
import type { RestoreVerification } from './verifyRestored.ts';

export interface RestoreOptions {
  log: (line: string) => void;
  /** Only check the backup's hashes; touch nothing. */
  checkOnly?: boolean;
  /** What the rule sets keep (ledger checks, objects, counts) to verify the restored instance. */
  records: RuleSetRecords;
}

/**
 * Restores a backup into an empty DATA_DIR (and, for PostgreSQL, an empty
 * database): checks every hash in backup.json first and changes nothing if
 * one fails; then restores keys, database and objects, applies this
 * version's migrations, and verifies every object and ledger chain.
 * DATA_DIR/RESTORE-INCOMPLETE stays until that verification passes.
 */
export async function restoreBackup(config: Config, dir: string, o: RestoreOptions): Promise<RestoreVerification | undefined> {
  if (config.storage === 's3' && !o.checkOnly) {
    // Objects restored into a locked bucket could not be taken back if the verification then failed.
    throw new BackupError('Restore writes the embedded store: run it with STORAGE=fs, then `baqylau storage migrate --to s3`.', 2);
  }
  const unlockBackup = await lockBackupFolder(dir);
  try {
    const m = readManifest(dir);
    if (o.checkOnly) return void (await assertBackupWhole(dir, m, o.log));
    const target = config.databaseUrl ? 'postgresql' : 'pglite';
    if (m.engine !== target) {
      throw new BackupError(
        m.engine === 'pglite'
          ? `This is a backup of the embedded database (PGlite): restore it without DATABASE_URL.`
          : `This is a backup of a PostgreSQL database: restore it with DATABASE_URL (or --database-url) pointing at an empty database.`,
        2,
      );
    }
    assertMigrationsKnown(m);

    const keyFile = path.join(dir, KEY_FILE);
    const key = fs.existsSync(keyFile) ? await fsp.readFile(keyFile) : Buffer.alloc(0);
    const createdDataDir = !fs.existsSync(config.dataDir);
    fs.mkdirSync(config.dataDir, { recursive: true });
    const pgdata = path.join(config.dataDir, 'pgdata');
    let unlockPgdata: (() => Promise<void>) | undefined;
    let database: Database | undefined;
    let started: string | undefined;
    try {
      if (!config.databaseUrl) unlockPgdata = await lockTargetFolder(pgdata);
      const busy = await nonEmptyTargetParts(config, key);
      if (busy.length) {
        throw new BackupError(
          `Restore only fills an empty target, and nothing was changed. Not empty:\n  ${busy.join('\n  ')}\n` +
            `Point DATA_DIR (and DATABASE_URL) at an empty place, or move these away first.`,
          2,
        );
      }
      await assertBackupWhole(dir, m, o.log);
      started = `Restore from ${path.resolve(dir)} (backup of ${m.createdAt}) started at ${new Date().toISOString()}.`;
      writeRestoreMarker(config.dataDir, started);
      try {
        await restoreKey(config.dataDir, key);
        database = await restoreDatabase(config, dir, m, pgdata, unlockPgdata);
        unlockPgdata = undefined; // the database owns the folder lock now
        o.log('Database restored.');
        await restoreObjects(config, dir, m, progress(o.log, 'restoring', m.objects.length));
        o.log(`Objects restored: ${m.objects.length}.`);
        await database.migrate();
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        writeRestoreMarker(config.dataDir, `${started}\nFailed: ${why}`);
        throw new BackupError(
          `Restore failed: ${why}\nThe target is incomplete (${restoreMarkerPath(config.dataDir)} says so and keeps the server from starting): ` +
            `wipe DATA_DIR${config.databaseUrl ? ' and drop and recreate the database' : ''}, then restore again.`,
          1,
        );
      }
      return await finishRestore(config, database, m, await sha256OfFile(path.join(dir, 'backup.json')), o.log, o.records);
    } finally {
      await database?.close();
      await unlockPgdata?.();
      // Refused before anything was written: leave no trace of this attempt.
      if (!started && createdDataDir) await fs.promises.rmdir(config.dataDir).catch(() => undefined);
    }
  } finally {
    await unlockBackup();
  }
}

async function assertBackupWhole(dir: string, m: BackupManifest, log: (line: string) => void) {
  log(`Backup of ${m.createdAt} (${m.engine}, ${describeCounts(m.counts)}, ${m.objects.length} objects): checking every hash…`);
  const problems = await checkBackup(dir, m, progress(log, 'checking', Object.keys(m.files).length + m.objects.length));
  if (problems.length) throw new BackupError(`The backup in ${dir} is damaged; nothing was restored:\n  ${problems.join('\n  ')}`, 1);
  log(`Backup whole: ${Object.keys(m.files).length + m.objects.length} files match backup.json.`);
}

async function lockTargetFolder(pgdata: string) {
  try {
    return await lockDataDir(pgdata);
  } catch (e) {
    if (e instanceof DataDirInUseError) throw new BackupError(`${e.message} Stop the server before restoring.`, 2);
    throw e;
  }
}

function assertMigrationsKnown(m: BackupManifest) {
  const known = knownMigrations();
  if (m.migrations.applied > known.length || (m.migrations.last && !known.some((e) => e.tag === m.migrations.last))) {
    throw new BackupError(
      `This backup comes from a newer Baqylau (its database has migration ${m.migrations.last}, ${m.migrations.applied} applied; ` +
        `this version knows ${known.length}). Restore it with that version or a newer one.`,
      2,
    );
  }
}

async function restoreKey(dataDir: string, key: Buffer) {
  const dest = path.join(dataDir, KEY_FILE);
  await fsp.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
  if (fs.existsSync(dest)) return; // the same key (checked with the target)
  await fsp.writeFile(dest, key, { mode: 0o600, flag: 'wx' });
}

async function restoreDatabase(config: Config, dir: string, m: BackupManifest, pgdata: string, unlock?: () => Promise<void>) {
  const dump = path.join(dir, m.database.file);
  if (!config.databaseUrl) {
    const client = await PGlite.create({ dataDir: pgdata, loadDataDir: new Blob([await fsp.readFile(dump)]) });
    return wrapPglite(client, unlock);
  }
  const pgRestore = findPgTool('pg_restore', majorOf(m.database.dumpTool), `Restoring a dump made by ${m.database.dumpTool}`);
  const { dbname, env } = connectionFor(config.databaseUrl);
  await runPgTool(pgRestore, ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${dbname}`, dump], env);
  return openPostgres(config.databaseUrl, 3);
}

/** Into the store through its own write path: hashed on the way in, committed read-only under that hash. */
async function restoreObjects(config: Config, dir: string, m: BackupManifest, tick: (done: number, size: number) => void) {
  const store = createFsBlobStore(path.join(config.dataDir, 'blobs'));
  for (const [i, ref] of m.objects.entries()) {
    tick(i + 1, ref.size);
    const stored = await store.put(fs.createReadStream(path.join(dir, objectRelPath(ref.sha256)), { highWaterMark: 1 << 20 }));
    if (stored.sha256 !== ref.sha256) {
      throw new BackupError(`${objectRelPath(ref.sha256)} changed while it was restored (now ${stored.sha256}).`, 1);
    }
  }
}
