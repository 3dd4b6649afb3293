import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { MIGRATIONS_DIR, type DbOrTx } from '../../db/database.ts';
import type { BackupManifest, StoredObjectRef } from './backup.manifest.ts';

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

/**
 * Every object the database needs: originals of recordings not deleted by the
 * retention process, their derivatives, activity materials, and the manifests
 * and verify.html of court packages (the parts a manifest lists are added by
 * packagePartObjects, which reads the manifests from the store). A tombstone's
 * object is gone on purpose and is not expected.
 */
export async function liveObjects(db: DbOrTx): Promise<StoredObjectRef[]> {
  const res = await db.execute(sql`
    SELECT sha256, max(size)::bigint AS size FROM (
      SELECT sha256, size FROM recordings WHERE deleted_at IS NULL
      UNION ALL
      SELECT d.sha256, d.size FROM recording_derivatives d JOIN recordings r ON r.id = d.recording_id WHERE r.deleted_at IS NULL
      UNION ALL
      SELECT sha256, size FROM activity_materials
      UNION ALL
      SELECT manifest_sha256, manifest_size FROM evidence_packages WHERE manifest_sha256 IS NOT NULL
      UNION ALL
      SELECT verify_html_sha256, verify_html_size FROM evidence_packages WHERE verify_html_sha256 IS NOT NULL
    ) o GROUP BY sha256 ORDER BY sha256`);
  return rows<{ sha256: string; size: string | number }>(res).map((r) => ({ sha256: r.sha256, size: Number(r.size) }));
}

/** What rows name an object: for messages that say which evidence is affected. */
export async function rowsNamingObject(db: DbOrTx, sha256: string): Promise<string[]> {
  const res = await db.execute(sql`
    SELECT 'recording ' || id || ' (' || original_name || ')' AS what FROM recordings WHERE sha256 = ${sha256} AND deleted_at IS NULL
    UNION ALL SELECT 'derivative ' || kind || ' of recording ' || recording_id FROM recording_derivatives WHERE sha256 = ${sha256}
    UNION ALL SELECT 'material ' || id || ' (' || file_name || ')' FROM activity_materials WHERE sha256 = ${sha256}`);
  return rows<{ what: string }>(res).map((r) => r.what);
}

export async function countRows(db: DbOrTx): Promise<Omit<BackupManifest['counts'], 'objects'>> {
  const res = await db.execute(sql`SELECT
    (SELECT count(*) FROM organisations)::int AS organisations,
    (SELECT count(*) FROM recordings WHERE deleted_at IS NULL)::int AS recordings,
    (SELECT count(*) FROM recordings WHERE deleted_at IS NOT NULL)::int AS "deletedRecordings",
    (SELECT count(*) FROM ledger_entries)::int AS "ledgerEntries"`);
  return rows<Omit<BackupManifest['counts'], 'objects'>>(res)[0]!;
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

/** The signed manifests of built packages: they list the package's other parts (custody, letters, excerpts). */
export async function packageManifests(db: DbOrTx): Promise<string[]> {
  const res = await db.execute(sql`SELECT manifest_sha256 AS sha256 FROM evidence_packages WHERE manifest_sha256 IS NOT NULL`);
  return rows<{ sha256: string }>(res).map((r) => r.sha256);
}
