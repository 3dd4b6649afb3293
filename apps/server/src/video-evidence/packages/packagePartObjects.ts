import type { BlobStore } from '../../platform/storage/storage.ts';
import { readStoredManifest } from './package-manifest.ts';
import type { StoredObjectRef } from '../../platform/records.ts';

/**
 * The parts of court packages that only their signed manifests name: custody.json,
 * the cover letters and the excerpts. A manifest that cannot be read is skipped
 * here; the object check names it as missing.
 */
export async function packagePartObjects(store: BlobStore, manifests: string[]): Promise<StoredObjectRef[]> {
  const out: StoredObjectRef[] = [];
  for (const sha of manifests) {
    const manifest = await readStoredManifest(store, sha).catch(() => undefined);
    if (!manifest) continue;
    if (manifest.custody) out.push({ sha256: manifest.custody.sha256, size: manifest.custody.size });
    for (const f of manifest.files ?? [])
      if (f.kind === 'excerpt' || f.kind === 'cover_letter') out.push({ sha256: f.sha256, size: f.size });
  }
  return out;
}
