/**
 * The exact SQL the server code sends, taken from Drizzle's query logger. Prototypes that send the
 * server's statements another way (raw `pg`, named prepared statements) use these texts, so they
 * never drift from what apps/server generates.
 */
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from '../../apps/server/src/db/database.ts';

export interface CapturedStatement {
  text: string;
  params: unknown[];
}

/** Runs `fn` on a Drizzle database over `url` (one connection) and returns every statement it sent. */
export async function captureStatements(url: string, fn: (db: Db) => Promise<unknown>): Promise<CapturedStatement[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const seen: CapturedStatement[] = [];
  const db = drizzle(pool, { logger: { logQuery: (text, params) => seen.push({ text, params }) } }) as unknown as Db;
  try {
    await fn(db);
  } finally {
    await pool.end();
  }
  // Transaction control (begin/commit) is not part of what is measured or prepared.
  return seen.filter((s) => !/^\s*(begin|commit|rollback)\b/i.test(s.text));
}
