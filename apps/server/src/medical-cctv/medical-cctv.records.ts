import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import type { RuleSetRecordsPart, StoredObjectRef } from '../platform/records.ts';
import { packagePartObjects } from '../kernel/evidence-packages/packagePartObjects.ts';

const rows = <T>(res: unknown) => (res as { rows: T[] }).rows;

/**
 * Objects DSM-335's rows name: floor plans, sign photos, consent scans, proof documents, the
 * clips handed over, and the manifests and verify.html of disclosure packages (the custody and
 * cover letters a manifest lists are added by packagePartObjects, which reads the manifests).
 */
async function liveObjects(db: DbOrTx): Promise<StoredObjectRef[]> {
  const res = await db.execute(sql`
    SELECT sha256, max(size)::bigint AS size FROM (
      SELECT plan_sha256 AS sha256, plan_size AS size FROM cctv_places WHERE plan_sha256 IS NOT NULL
      UNION ALL SELECT sign_photo_sha256, sign_photo_size FROM cctv_cameras WHERE sign_photo_sha256 IS NOT NULL
      UNION ALL SELECT document_sha256, document_size FROM cctv_consents WHERE document_sha256 IS NOT NULL
      UNION ALL SELECT sha256, size FROM cctv_request_files
      UNION ALL SELECT manifest_sha256, manifest_size FROM cctv_disclosure_packages
      UNION ALL SELECT verify_html_sha256, verify_html_size FROM cctv_disclosure_packages
    ) o GROUP BY sha256 ORDER BY sha256`);
  return rows<{ sha256: string; size: string | number }>(res).map((r) => ({ sha256: r.sha256, size: Number(r.size) }));
}

async function rowsNamingObject(db: DbOrTx, sha256: string): Promise<string[]> {
  const res = await db.execute(sql`
    SELECT 'floor plan of ' || name AS what FROM cctv_places WHERE plan_sha256 = ${sha256}
    UNION ALL SELECT 'sign photo of camera ' || number FROM cctv_cameras WHERE sign_photo_sha256 = ${sha256}
    UNION ALL SELECT 'consent ' || id || ' (' || coalesce(document_name, '') || ')' FROM cctv_consents WHERE document_sha256 = ${sha256}
    UNION ALL SELECT kind || ' ' || file_name || ' of access request ' || request_id FROM cctv_request_files WHERE sha256 = ${sha256}
    UNION ALL SELECT 'manifest of disclosure package ' || number FROM cctv_disclosure_packages WHERE manifest_sha256 = ${sha256}`);
  return rows<{ what: string }>(res).map((r) => r.what);
}

/** The signed manifests of disclosure packages: they list the custody and the cover letters. */
async function packageManifests(db: DbOrTx): Promise<string[]> {
  const res = await db.execute(sql`SELECT manifest_sha256 AS sha256 FROM cctv_disclosure_packages`);
  return rows<{ sha256: string }>(res).map((r) => r.sha256);
}

async function countRows(db: DbOrTx) {
  const res = await db.execute(sql`SELECT
    (SELECT count(*) FROM cctv_cameras)::int AS "cctvCameras",
    (SELECT count(*) FROM cctv_access_requests)::int AS "cctvAccessRequests"`);
  return rows<{ cctvCameras: number; cctvAccessRequests: number }>(res)[0]!;
}

/** What DSM-335 keeps, for backup and restore. */
export const medicalCctvRecords: RuleSetRecordsPart = {
  liveObjects,
  listingObjects: packageManifests,
  objectsListedIn: packagePartObjects,
  rowsNamingObject,
  countRows,
};
