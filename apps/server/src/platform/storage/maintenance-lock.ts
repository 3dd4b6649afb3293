import { sql } from 'drizzle-orm';
import type { Db, Engine } from '../../db/database.ts';
import { inProcessQueue } from './in-process-queue.ts';

/** PostgreSQL advisory lock key shared by everything that removes objects or needs them not to go away. */
export const STORE_MAINTENANCE_LOCK_KEY = 4_440_012_013;

/**
 * Runs `fn` while no other store maintenance runs: the backup holds it while it
 * copies the objects its database snapshot refers to, and the retention purge
 * must hold it while it deletes objects (after the transaction marking their
 * rows deleted has committed). So a backup never records a live row whose
 * object vanished under it.
 *
 * On PostgreSQL: a transaction-scoped advisory lock on its own connection,
 * held across processes and instances. On PGlite only one process opens the
 * data folder (its lock file), so an in-process queue is enough.
 * `onWait` is called once if the lock is taken by someone else.
 */
export async function withStoreMaintenanceLock<T>(deps: { db: Db; engine: Engine }, fn: () => Promise<T>, onWait?: () => void): Promise<T> {
  if (deps.engine === 'postgresql') {
    return deps.db.transaction(async (tx) => {
      const got = await tx.execute(sql`SELECT pg_try_advisory_xact_lock(${STORE_MAINTENANCE_LOCK_KEY}) AS ok`);
      if (!(got as unknown as { rows: { ok: boolean }[] }).rows[0]!.ok) {
        onWait?.();
        await tx.execute(sql`SELECT pg_advisory_xact_lock(${STORE_MAINTENANCE_LOCK_KEY})`);
      }
      return fn();
    });
  }
  return inProcessQueue('store-maintenance', fn);
}
