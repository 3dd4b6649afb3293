import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import type { RuleSetRecordsPart, StoredObjectRef } from '../platform/records.ts';

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

/**
 * The objects Order 315's rows name: photos and documents of findings and reported measures, the unit
 * heads' drawn signatures (offline acknowledgements), investigation acts, signed plans, documents attached to notices.
 */
async function liveObjects(db: DbOrTx): Promise<StoredObjectRef[]> {
  const res = await db.execute(sql`
    SELECT sha256, max(size)::bigint AS size FROM (
      SELECT sha256, size FROM pc_attachments
      UNION ALL SELECT signature_sha256, signature_size FROM pc_inspection_acknowledgements
      UNION ALL SELECT act_sha256, act_size FROM pc_accident_investigations WHERE act_sha256 IS NOT NULL
      UNION ALL SELECT file_sha256, file_size FROM pc_plan_versions WHERE file_sha256 IS NOT NULL
      UNION ALL SELECT document_sha256, document_size FROM pc_notices WHERE document_sha256 IS NOT NULL
    ) o GROUP BY sha256 ORDER BY sha256`);
  return rows<{ sha256: string; size: string | number }>(res).map((r) => ({ sha256: r.sha256, size: Number(r.size) }));
}

async function rowsNamingObject(db: DbOrTx, sha256: string): Promise<string[]> {
  const res = await db.execute(sql`
    SELECT a.purpose || ' ' || a.file_name || ' of violation ' || v.id || ' (' || f.name || ')' AS what
      FROM pc_attachments a JOIN pc_violations v ON v.id = a.violation_id JOIN pc_facilities f ON f.id = v.facility_id
     WHERE a.sha256 = ${sha256}
    UNION ALL
    SELECT 'unit head acknowledgement (' || k.signer_name || ') of inspection ' || k.inspection_id
      FROM pc_inspection_acknowledgements k WHERE k.signature_sha256 = ${sha256}
    UNION ALL
    SELECT 'investigation act of accident ' || a.number
      FROM pc_accident_investigations i JOIN pc_accidents a ON a.id = i.accident_id WHERE i.act_sha256 = ${sha256}
    UNION ALL
    SELECT 'plan ' || p.title || ' version ' || v.version
      FROM pc_plan_versions v JOIN pc_plans p ON p.id = v.plan_id WHERE v.file_sha256 = ${sha256}
    UNION ALL
    SELECT 'document ' || n.document_name || ' of notice ' || n.id || ' (' || n.subject || ')' FROM pc_notices n WHERE n.document_sha256 = ${sha256}`);
  return rows<{ what: string }>(res).map((r) => r.what);
}

async function countRows(db: DbOrTx) {
  const res = await db.execute(sql`SELECT
    (SELECT count(*) FROM pc_inspections)::int AS "pcInspections",
    (SELECT count(*) FROM pc_violations)::int AS "pcViolations",
    (SELECT count(*) FROM pc_journal_entries)::int AS "pcJournalEntries"`);
  return rows<{ pcInspections: number; pcViolations: number; pcJournalEntries: number }>(res)[0]!;
}

/** What Order 315 keeps, for backup, restore and the retention purge's "is this object still named" check (R315-24). */
export const productionControlRecords: RuleSetRecordsPart = { liveObjects, rowsNamingObject, countRows };
