import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { readStoredManifest } from '../../kernel/evidence-packages/package-manifest.ts';

/**
 * Excerpts rendered for court packages are derived files of a recording too;
 * their hashes live only in the packages' signed manifests, so they are read
 * from there. Returns the excerpt objects of the act's deleted recordings.
 */
export async function excerptObjectsOf(deps: AppDeps, actId: string): Promise<string[]> {
  const res = await deps.db.execute(sql`
    SELECT p.manifest_sha256 AS "manifest", array_agg(DISTINCT d.recording_id::text) AS "deleted"
      FROM recording_deletions d
      JOIN evidence_package_items i ON i.recording_id = d.recording_id
      JOIN evidence_packages p ON p.id = i.package_id
     WHERE d.act_id = ${actId} AND p.manifest_sha256 IS NOT NULL AND i.excerpt_from_seconds IS NOT NULL
     GROUP BY p.manifest_sha256`);
  const out: string[] = [];
  for (const { manifest: sha, deleted } of (res as unknown as { rows: { manifest: string; deleted: string[] }[] }).rows) {
    const manifest = await readStoredManifest(deps.store, sha).catch(() => undefined);
    if (!manifest) continue; // a manifest missing from the store must not stop the purge of the originals
    for (const f of manifest.files) {
      const of = f.excerptOf as { recordingId: string } | undefined;
      if (f.kind === 'excerpt' && of && deleted.includes(of.recordingId)) out.push(f.sha256);
    }
  }
  return out;
}
