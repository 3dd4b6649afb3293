import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config.ts';
import { openPostgres } from '../../db/database.ts';
import { BackupError, KEY_FILE } from './backup.manifest.ts';
import { userTables } from './backup.repository.ts';
import { restoreMarkerPath } from './restore-marker.ts';

/**
 * A restore never overwrites anything: it names every part of the target that
 * already holds data (an unfinished restore, the embedded database, stored
 * objects, a different signing key, tables in the PostgreSQL database).
 */
export async function nonEmptyTargetParts(config: Config, backupKey: Buffer): Promise<string[]> {
  const found: string[] = [];
  const marker = restoreMarkerPath(config.dataDir);
  if (fs.existsSync(marker)) found.push(`${marker}: an earlier restore did not finish`);
  const pgdata = path.join(config.dataDir, 'pgdata');
  if (!config.databaseUrl && fs.existsSync(pgdata) && fs.readdirSync(pgdata).length) found.push(`${pgdata}: holds an embedded database`);
  const someObject = firstFile(path.join(config.dataDir, 'blobs', 'objects'));
  if (someObject) found.push(`${path.join(config.dataDir, 'blobs', 'objects')}: holds stored objects (e.g. ${path.basename(someObject)})`);
  const key = path.join(config.dataDir, KEY_FILE);
  // The same key is fine: another instance of a PostgreSQL deployment may have put it there already.
  if (fs.existsSync(key) && !fs.readFileSync(key).equals(backupKey)) found.push(`${key}: a different instance signing key`);
  if (config.databaseUrl) {
    const tables = await withPostgres(config.databaseUrl, userTables);
    if (tables.length) {
      found.push(
        `database ${redact(config.databaseUrl)}: ${tables.length} tables (${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''})`,
      );
    }
  }
  return found;
}

async function withPostgres<T>(url: string, fn: (db: Awaited<ReturnType<typeof openPostgres>>['db']) => Promise<T>) {
  let database;
  try {
    database = await openPostgres(url, 1);
  } catch (e) {
    throw new BackupError(`Cannot connect to ${redact(url)}: ${(e as Error).message}. Create the empty database first.`, 2);
  }
  try {
    return await fn(database.db);
  } finally {
    await database.close();
  }
}

export function redact(url: string) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

function firstFile(dir: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isFile()) return p;
    if (e.isDirectory()) {
      const inner = firstFile(p);
      if (inner) return inner;
    }
  }
  return undefined;
}
