import path from 'node:path';
import type { AppDeps } from '../../platform/deps.ts';
import { createFsBlobStore } from '../../platform/storage/fs-store.ts';
import { hashStoredObject } from '../../platform/storage/read-object.ts';
import type { ObjectKind } from '../../platform/storage/storage.ts';
import { mergeObjects } from '../backup/mergeObjects.ts';

export interface MigrationResult {
  objects: number;
  copied: number;
  /** Already in the bucket (an earlier, interrupted run): re-hashed from the bucket instead of copied. */
  present: number;
  bytes: number;
  failed: { sha256: string; problem: string }[];
}

/**
 * `baqylau storage migrate --to s3`: copies every object a live row needs from the embedded store
 * (DATA_DIR/blobs) into the configured bucket (`deps.store`), then has the rule sets set each original's lock.
 * Every hash is verified: a copy is hashed while its parts go out, an object found already in the bucket is
 * re-read and hashed. Idempotent and resumable — run it again after an interruption and it skips what is there.
 * Whatever names an object decides its kind: derived only when every row naming it is a derivative (thumbnails,
 * proxies) or nothing names it but a package listing (manifest, letters, excerpts).
 */
export async function migrateStoreToBucket(
  deps: AppDeps,
  o: { protect: (sha256: string) => Promise<void>; log: (line: string) => void },
): Promise<MigrationResult> {
  const root = path.join(deps.config.dataDir, 'blobs');
  const source = createFsBlobStore(root);
  const target = deps.store;
  if (target.driver !== 's3') throw new Error('The target store is not S3: set STORAGE=s3 and the S3_* settings.');
  const live = await deps.records.liveObjects(deps.db);
  const objects = mergeObjects(live, await deps.records.objectsListedIn(source, await deps.records.listingObjects(deps.db)));
  const result: MigrationResult = { objects: objects.length, copied: 0, present: 0, bytes: 0, failed: [] };
  for (const [i, ref] of objects.entries()) {
    try {
      const rows = await deps.records.rowsNamingObject(deps.db, ref.sha256);
      const kind: ObjectKind = rows.some((r) => !r.startsWith('derivative ')) ? 'original' : 'derived';
      if (await target.stat(ref.sha256)) {
        const found = await hashStoredObject(target, ref.sha256);
        if (found.sha256 !== ref.sha256 || found.size !== ref.size)
          throw new Error(`in the bucket as ${found.sha256} (${found.size} bytes)`);
        result.present++;
      } else {
        await target.commitStaged(path.join(root, 'objects', source.relativePath!(ref.sha256)), ref, { kind });
        result.copied++;
      }
      if (kind === 'original') await o.protect(ref.sha256);
      result.bytes += ref.size;
    } catch (e) {
      result.failed.push({ sha256: ref.sha256, problem: (e as Error).message });
    }
    if ((i + 1) % 100 === 0 || i + 1 === objects.length)
      o.log(`${i + 1}/${objects.length} objects (${(result.bytes / 2 ** 20).toFixed(1)} MiB)`);
  }
  return result;
}
