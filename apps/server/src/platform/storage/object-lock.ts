import { sql } from 'drizzle-orm';
import type { Db, DbOrTx, Engine } from '../../db/database.ts';
import { inProcessQueue } from './in-process-queue.ts';

/**
 * Advisory-lock namespace of object locks. PostgreSQL keeps two-key locks apart from single-key ones, so this
 * never meets the store maintenance lock.
 */
const OBJECT_LOCK_NAMESPACE = 444_013;

/**
 * Runs `fn` while nobody else holds the lock of one object address. A content address can be shared: an upload
 * of bytes already stored finds its object in place and only adds a row. So whatever makes a row refer to an
 * object holds the lock from the moment it relies on the object being there until that row has committed
 * (the ingest from linking the staged file, a derived file from checking it is still stored); and the
 * retention purge holds it from its last "nothing refers to it" check until the file is gone. Without it a
 * purge could remove the object an upload of the same bytes had just found.
 *
 * `fn` gets the database handle to write with. On PostgreSQL it is the transaction that holds a
 * transaction-scoped advisory lock (across processes and instances): what `fn` writes through it, including
 * its own nested transactions (savepoints), commits together with the lock's release, and each holder uses
 * one pooled connection, so many uploads finishing at once cannot exhaust the pool. On PGlite one process
 * owns the data folder, so an in-process queue per address is enough and `fn` gets the database itself.
 */
export async function withObjectLock<T>(deps: { db: Db; engine: Engine }, sha256: string, fn: (db: DbOrTx) => Promise<T>): Promise<T> {
  if (deps.engine === 'postgresql') {
    const key = Number.parseInt(sha256.slice(0, 8), 16) | 0; // the first 32 bits, as PostgreSQL's signed int4
    return deps.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${OBJECT_LOCK_NAMESPACE}::int4, ${key}::int4)`);
      return fn(tx);
    });
  }
  return inProcessQueue(`object:${sha256}`, () => fn(deps.db));
}
