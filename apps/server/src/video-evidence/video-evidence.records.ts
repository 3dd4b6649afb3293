import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import type { ObjectOwner, RuleSetRecordsPart, StoredObjectRef } from '../platform/records.ts';
import { verifyJournalAgainstLedger } from './journal/journal.integrity.ts';
import { packagePartObjects } from './packages/packagePartObjects.ts';
import { verifyRecordingsAgainstLedger } from './recordings/recordings.integrity.ts';
import { verifyBuiltPackagesAgainstLedger, verifyPackagesAgainstLedger } from './packages/packages.integrity.ts';
import {
  verifyDeletionActsAgainstLedger,
  verifyHoldsAgainstLedger,
  verifyRecordingDeletionsAgainstLedger,
} from './retention/retention.integrity.ts';

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

/**
 * Every object Order 444's rows need: originals of recordings not deleted by the
 * retention process, their derivatives, activity materials, and the manifests
 * and verify.html of court packages (the parts a manifest lists are added by
 * packagePartObjects, which reads the manifests from the store). A tombstone's
 * object is gone on purpose and is not expected.
 */
async function liveObjects(db: DbOrTx): Promise<StoredObjectRef[]> {
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

/** The live rows that name an object (the same rows liveObjects reads): messages, and the purge's last check. */
async function rowsNamingObject(db: DbOrTx, sha256: string): Promise<string[]> {
  const res = await db.execute(sql`
    SELECT 'recording ' || id || ' (' || original_name || ')' AS what FROM recordings WHERE sha256 = ${sha256} AND deleted_at IS NULL
    UNION ALL SELECT 'derivative ' || d.kind || ' of recording ' || d.recording_id FROM recording_derivatives d
                JOIN recordings r ON r.id = d.recording_id WHERE d.sha256 = ${sha256} AND r.deleted_at IS NULL
    UNION ALL SELECT 'material ' || id || ' (' || file_name || ')' FROM activity_materials WHERE sha256 = ${sha256}`);
  return rows<{ what: string }>(res).map((r) => r.what);
}

/**
 * Whom a damaged object concerns: the recordings whose original or derivative it is, the activities
 * whose material it is, and the packages whose manifest or verify.html it is (a package's other parts
 * are traced to it through its manifest by the scrub).
 */
async function objectOwners(db: DbOrTx, sha256: string): Promise<ObjectOwner[]> {
  const res = await db.execute(sql`
    SELECT organisation_id AS "organisationId", 'recording' AS "subjectType", id::text AS "subjectId", 'recording ' || original_name AS label
      FROM recordings WHERE sha256 = ${sha256} AND deleted_at IS NULL
    UNION ALL SELECT r.organisation_id, 'recording', r.id::text, d.kind || ' of recording ' || r.original_name FROM recording_derivatives d
                JOIN recordings r ON r.id = d.recording_id WHERE d.sha256 = ${sha256} AND r.deleted_at IS NULL
    UNION ALL SELECT organisation_id, 'activity', activity_id::text, 'material ' || file_name FROM activity_materials WHERE sha256 = ${sha256}
    UNION ALL SELECT organisation_id, 'package', id::text, 'package ' || number FROM evidence_packages
                WHERE manifest_sha256 = ${sha256} OR verify_html_sha256 = ${sha256}`);
  return rows<ObjectOwner>(res);
}

/** The signed manifests of built packages: they list the package's other parts (custody, letters, excerpts). */
async function packageManifests(db: DbOrTx): Promise<string[]> {
  const res = await db.execute(sql`SELECT manifest_sha256 AS sha256 FROM evidence_packages WHERE manifest_sha256 IS NOT NULL`);
  return rows<{ sha256: string }>(res).map((r) => r.sha256);
}

async function countRows(db: DbOrTx) {
  const res = await db.execute(sql`SELECT
    (SELECT count(*) FROM recordings WHERE deleted_at IS NULL)::int AS recordings,
    (SELECT count(*) FROM recordings WHERE deleted_at IS NOT NULL)::int AS "deletedRecordings"`);
  return rows<{ recordings: number; deletedRecordings: number }>(res)[0]!;
}

/** What Order 444 keeps, for ledger verification, backup and restore (R444-9, R444-13). */
export const videoEvidenceRecords: RuleSetRecordsPart = {
  ledgerChecks: [
    verifyJournalAgainstLedger,
    verifyRecordingsAgainstLedger,
    verifyRecordingDeletionsAgainstLedger,
    verifyDeletionActsAgainstLedger,
    verifyHoldsAgainstLedger,
    verifyPackagesAgainstLedger,
    verifyBuiltPackagesAgainstLedger,
  ],
  liveObjects,
  listingObjects: packageManifests,
  objectsListedIn: packagePartObjects,
  rowsNamingObject,
  objectOwners,
  countRows,
};
