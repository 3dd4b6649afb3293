import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, type DbOrTx } from '../../db/database.ts';
import type { BackupManifest } from './backup.manifest.ts';

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** The kernel's row counts; each rule set adds its own (RuleSetRecords.countRows). */
export async function countKernelRows(db: DbOrTx): Promise<{ organisations: number; ledgerEntries: number }> {
  const res = await db.execute(sql`SELECT
    (SELECT count(*) FROM organisations)::int AS organisations,
    (SELECT count(*) FROM ledger_entries)::int AS "ledgerEntries"`);
  return rows<{ organisations: number; ledgerEntries: number }>(res)[0]!;
}

interface JournalEntry {
  tag: string;
  when: number;
}
export const knownMigrations = (): JournalEntry[] =>
  (JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] }).entries;

/** How many migrations the database has applied, and the last one's tag (drizzle records each by its timestamp). */
export async function migrationLevel(db: DbOrTx): Promise<BackupManifest['migrations']> {
  const res = await db.execute(sql`SELECT count(*)::int AS n, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`);
  const { n, last } = rows<{ n: number; last: string | null }>(res)[0]!;
  const tag = last === null ? null : (knownMigrations().find((e) => String(e.when) === last)?.tag ?? `unknown (${last})`);
  return { applied: n, last: tag };
}

/** Tables in the database outside PostgreSQL's own schemas: a restore target must have none. */
export async function userTables(db: DbOrTx): Promise<string[]> {
  const res = await db.execute(sql`
    SELECT table_schema || '.' || table_name AS name FROM information_schema.tables
     WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`);
  return rows<{ name: string }>(res).map((r) => r.name);
}
