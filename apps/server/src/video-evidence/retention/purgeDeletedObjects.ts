import { sql } from 'drizzle-orm';
import type { AppDeps } from '../../platform/deps.ts';
import { excerptObjectsOf } from './excerptObjects.ts';
import { withStoreMaintenanceLock } from '../../platform/storage/maintenance-lock.ts';
import { withObjectLock } from '../../platform/storage/object-lock.ts';

/**
 * Removes from the store the originals and derived files (thumbnails,
 * proxies, package excerpts) of an act's recordings — the only caller of BlobStore.delete. Content-addressed objects
 * can be shared (the same bytes uploaded twice, a material identical to
 * another, a clip another rule set keeps), so an object goes only when no live row of any rule set
 * still points to it (AppDeps.records): checked
 * again for each object under its lock right before the file is removed, so an
 * upload of the same bytes that found the object in place meanwhile keeps it.
 * Idempotent: the act's job runs it again after a crash. Runs under the store
 * maintenance lock, so a backup copying objects never loses one mid-copy.
 */
export async function purgeDeletedObjects(deps: AppDeps, actId: string) {
  const res = await deps.db.execute(sql`
    SELECT r.sha256 FROM recording_deletions d JOIN recordings r ON r.id = d.recording_id WHERE d.act_id = ${actId}
    UNION
    SELECT v.sha256 FROM recording_deletions d JOIN recording_derivatives v ON v.recording_id = d.recording_id WHERE d.act_id = ${actId}`);
  const candidates = [
    ...new Set([...(res as unknown as { rows: { sha256: string }[] }).rows.map((r) => r.sha256), ...(await excerptObjectsOf(deps, actId))]),
  ];
  let removed = 0;
  await withStoreMaintenanceLock(deps, async () => {
    for (const sha of candidates) {
      await withObjectLock(deps, sha, async (db) => {
        if ((await deps.records.rowsNamingObject(db, sha)).length) return;
        await deps.store.delete(sha);
        removed++;
      });
    }
  });
  return removed;
}
