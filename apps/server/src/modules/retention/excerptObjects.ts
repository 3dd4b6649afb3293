import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';

/**
 * Excerpts rendered for court packages are derived files of a recording too;
 * their hashes live only in the packages' signed manifests, so they are read
 * from there. Returns the excerpt objects of the given recordings.
 */
export async function excerptObjectsOf(deps: AppDeps, actId: string): Promise<string[]> {
  const res = await deps.db.execute(sql`
    SELECT DISTINCT p.manifest_sha256 AS "manifest"
      FROM recording_deletions d
      JOIN evidence_package_items i ON i.recording_id = d.recording_id
      JOIN evidence_packages p ON p.id = i.package_id
     WHERE d.act_id = ${actId} AND p.manifest_sha256 IS NOT NULL AND i.excerpt_from_seconds IS NOT NULL`);
  const manifests = (res as unknown as { rows: { manifest: string }[] }).rows.map((r) => r.manifest);
  if (manifests.length === 0) return [];
  const ids = await deps.db.execute(sql`SELECT recording_id AS "id" FROM recording_deletions WHERE act_id = ${actId}`);
  const deleted = new Set((ids as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
  const out: string[] = [];
  for (const sha of manifests) {
    let manifest: { files: { kind: string; sha256: string; excerptOf?: { recordingId: string } }[] };
    try {
      const chunks: Buffer[] = [];
      for await (const c of await deps.store.get(sha)) chunks.push(c as Buffer);
      manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof manifest;
    } catch {
      continue; // a manifest missing from the store must not stop the purge of the originals
    }
    for (const f of manifest.files) if (f.kind === 'excerpt' && f.excerptOf && deleted.has(f.excerptOf.recordingId)) out.push(f.sha256);
  }
  return out;
}
