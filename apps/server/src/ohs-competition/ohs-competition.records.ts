import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import type { RuleSetRecordsPart, StoredObjectRef } from '../platform/records.ts';
import {
  verifyReviewsAgainstLedger,
  verifyStageOneResultsAgainstLedger,
  verifyTieDecisionsAgainstLedger,
} from './competition-integrity.ts';

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

/** Objects the competition's rows name: every document of every application (detached ones too: they are write-once). */
async function liveObjects(db: DbOrTx): Promise<StoredObjectRef[]> {
  const res = await db.execute(sql`SELECT sha256, max(size)::bigint AS size FROM competition_documents GROUP BY sha256 ORDER BY sha256`);
  return rows<{ sha256: string; size: string | number }>(res).map((r) => ({ sha256: r.sha256, size: Number(r.size) }));
}

async function rowsNamingObject(db: DbOrTx, sha256: string): Promise<string[]> {
  const res = await db.execute(
    sql`SELECT kind || ' ' || file_name || ' of competition application ' || application_id AS what FROM competition_documents WHERE sha256 = ${sha256}`,
  );
  return rows<{ what: string }>(res).map((r) => r.what);
}

async function countRows(db: DbOrTx) {
  const res = await db.execute(sql`SELECT
    (SELECT count(*) FROM competition_applications)::int AS "competitionApplications",
    (SELECT count(*) FROM competition_documents)::int AS "competitionDocuments"`);
  return rows<{ competitionApplications: number; competitionDocuments: number }>(res)[0]!;
}

/** What the competition keeps, for ledger verification (how the winners were chosen), backup and restore. */
export const ohsCompetitionRecords: RuleSetRecordsPart = {
  ledgerChecks: [verifyReviewsAgainstLedger, verifyStageOneResultsAgainstLedger, verifyTieDecisionsAgainstLedger],
  liveObjects,
  rowsNamingObject,
  countRows,
};
