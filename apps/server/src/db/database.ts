import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { serverPath } from '../platform/server-root.ts';

/**
 * One type for both engines: repositories never know which one they run on. No relational schema is
 * attached (queries name their tables), so the database layer knows no rule set's tables.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;
export type Engine = 'pglite' | 'postgresql';

export interface Database {
  db: Db;
  engine: Engine;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The underlying PGlite, for tests that clone or dump it. */
  pglite?: PGlite;
}

export const MIGRATIONS_DIR = serverPath('migrations');

const MIGRATION_LOCK_KEY = 4_440_315_335;

export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection the server dropped (restart, failover, pg_terminate_backend) is discarded by the
  // pool and the next query opens a new one; without a listener the 'error' event would end the process.
  pool.on('error', () => undefined);
  // Fail fast with a readable message instead of on the first request.
  const client = await pool.connect();
  client.release();
  const db = drizzlePg(pool) as unknown as Db;
  return {
    db,
    engine: 'postgresql',
    // Several instances may start at once: an advisory lock lets one migrate while the others wait.
    migrate: async () => {
      const lock = await pool.connect();
      try {
        await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        lock.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * PGlite in `dir` (or in memory), guarded by a lock file. Loaded on demand: a
 * server on PostgreSQL never pays PGlite's ~45 MB of WebAssembly.
 */
export async function openPglite(dir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  return (await import('./pglite.ts')).openPglite(dir, loadDataDir);
}

export async function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl);
  return openPglite(path.join(opts.dataDir, 'pgdata'));
}
