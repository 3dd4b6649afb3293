import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { lockDataDir } from './data-dir-lock.ts';
import { MIGRATIONS_DIR, type Database, type Db } from './database.ts';

/** PGlite in `dir` (or in memory when dir is undefined), guarded by a lock file. */
export async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  let unlock: (() => Promise<void>) | undefined;
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    unlock = await lockDataDir(dir);
  }
  try {
    const client = await PGlite.create({ dataDir: dir, loadDataDir });
    return wrapPglite(client, unlock);
  } catch (e) {
    await unlock?.();
    throw e;
  }
}

export function wrapPglite(client: PGlite, unlock?: () => Promise<void>): Database {
  const db = drizzlePglite(client) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR }),
    close: async () => {
      await client.close();
      await unlock?.();
    },
  };
}
