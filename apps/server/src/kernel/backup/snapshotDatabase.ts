import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Config } from '../../config/config.ts';
import { DataDirInUseError } from '../../db/data-dir-lock.ts';
import { openPglite, openPostgres, type DbOrTx, type Engine } from '../../db/database.ts';
import { withStoreMaintenanceLock } from '../../platform/storage/maintenance-lock.ts';
import { BackupError, writeDurably, type BackupManifest, type RowCounts, type StoredObjectRef } from './backup.manifest.ts';
import type { RuleSetRecords } from '../../platform/records.ts';
import { countKernelRows, migrationLevel } from './backup.repository.ts';
import { connectionFor, findPgTool, runPgTool } from './pg-tools.ts';

/** What the dumped database says, read from the very snapshot that was dumped. */
export interface SnapshotInfo {
  engine: Engine;
  serverVersion: string;
  dumpTool: string;
  migrations: BackupManifest['migrations'];
  counts: RowCounts;
  objects: StoredObjectRef[];
  /** Objects that list further objects (court package manifests), whose parts are added from the store when copying. */
  listingObjects: string[];
  /** The live rows that use an object (read while copying), so a problem names the evidence. */
  namesOf(sha256: string): Promise<string[]>;
}

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

async function readInfo(db: DbOrTx, records: RuleSetRecords) {
  return {
    migrations: await migrationLevel(db),
    counts: { ...(await countKernelRows(db)), ...(await records.countRows(db)) },
    objects: await records.liveObjects(db),
    listingObjects: await records.listingObjects(db),
  };
}

/**
 * Dumps the database to `dumpFile`, then runs `copy` while no object can be
 * removed from the store (so every object the dump refers to can still be
 * copied). The embedded database is read with its folder locked: the server
 * must be stopped. PostgreSQL is dumped online from an exported snapshot.
 */
export function snapshotDatabase<T>(
  config: Config,
  records: RuleSetRecords,
  dumpFile: string,
  log: (line: string) => void,
  copy: (info: SnapshotInfo) => Promise<T>,
): Promise<T> {
  return config.databaseUrl
    ? snapshotPostgres(config.databaseUrl, records, dumpFile, log, copy)
    : snapshotPglite(config, records, dumpFile, copy);
}

async function snapshotPglite<T>(config: Config, records: RuleSetRecords, dumpFile: string, copy: (info: SnapshotInfo) => Promise<T>) {
  const dir = path.join(config.dataDir, 'pgdata');
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    throw new BackupError(
      `There is no embedded database in ${dir}. Check DATA_DIR (or --data-dir), or set DATABASE_URL for PostgreSQL.`,
      2,
    );
  }
  let database;
  try {
    database = await openPglite(dir);
  } catch (e) {
    if (!(e instanceof DataDirInUseError)) throw e;
    throw new BackupError(
      `The embedded database in ${dir} is in use — is the Baqylau server running? ` +
        `The embedded database (PGlite) opens in one process only, so it can be backed up only with the server stopped: ` +
        `stop the server first, run the backup, then start the server again. (With PostgreSQL, DATABASE_URL, backups run online.)`,
      2,
    );
  }
  try {
    const info = await readInfo(database.db, records);
    const serverVersion = rows<{ server_version: string }>(await database.db.execute(sql`SHOW server_version`))[0]!.server_version;
    const dump = await database.pglite!.dumpDataDir('gzip');
    await writeDurably(dumpFile, Buffer.from(await dump.arrayBuffer()));
    // The folder lock held until close keeps the server (and so the retention purge) out while objects are copied.
    return await withStoreMaintenanceLock(database, () =>
      copy({
        ...info,
        engine: 'pglite',
        serverVersion,
        dumpTool: 'PGlite dumpDataDir (gzip tar)',
        namesOf: (sha) => records.rowsNamingObject(database.db, sha),
      }),
    );
  } finally {
    await database.close();
  }
}

async function snapshotPostgres<T>(
  url: string,
  records: RuleSetRecords,
  dumpFile: string,
  log: (line: string) => void,
  copy: (info: SnapshotInfo) => Promise<T>,
) {
  const database = await openPostgres(url, 3);
  try {
    const [v] = rows<{ version: string; num: string }>(
      await database.db.execute(sql`SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num`),
    );
    const major = Math.floor(Number(v!.num) / 10_000);
    const pgDump = findPgTool('pg_dump', major, `Backing up PostgreSQL ${v!.version}`);
    const { dbname, env } = connectionFor(url);
    return await withStoreMaintenanceLock(
      database,
      async () => {
        // pg_dump reads the snapshot this transaction exports, so the counts and the object list match the dump exactly.
        const info = await database.db.transaction(
          async (tx) => {
            const [snap] = rows<{ id: string }>(await tx.execute(sql`SELECT pg_export_snapshot() AS id`));
            const read = await readInfo(tx, records);
            await runPgTool(pgDump, ['--format=custom', `--snapshot=${snap!.id}`, `--file=${dumpFile}`, `--dbname=${dbname}`], env);
            return read;
          },
          { isolationLevel: 'repeatable read', accessMode: 'read only' },
        );
        const fh = await fs.promises.open(dumpFile, 'r');
        await fh.sync().finally(() => fh.close());
        return copy({
          ...info,
          engine: 'postgresql',
          serverVersion: v!.version,
          dumpTool: pgDump.version,
          namesOf: (sha) => records.rowsNamingObject(database.db, sha),
        });
      },
      () => log('Waiting for the store maintenance lock (a retention purge is deleting objects)…'),
    );
  } finally {
    await database.close();
  }
}
