import type { BlobStore } from '../../platform/storage/storage.ts';
import type { StoredObjectRef } from '../../platform/records.ts';
import { readStoredManifest } from './package-manifest.ts';

/**
 * The parts of packages that only their signed manifests name: custody.json and the cover
 * letters (the kernel writes them), and the files of `builtKinds` that the rule set made while
 * building (Order 444's excerpts). The files a rule set's rows name (originals, clips) are not
 * listed here. A manifest that cannot be read is skipped; the object check names it as missing.
 */
export async function packagePartObjects(store: BlobStore, manifests: string[], builtKinds: string[] = []): Promise<StoredObjectRef[]> {
  const kinds = new Set(['cover_letter', ...builtKinds]);
  const out: StoredObjectRef[] = [];
  for (const sha of manifests) {
    const manifest = await readStoredManifest(store, sha).catch(() => undefined);
    if (!manifest) continue;
    if (manifest.custody) out.push({ sha256: manifest.custody.sha256, size: manifest.custody.size });
    for (const f of manifest.files ?? []) if (kinds.has(f.kind)) out.push({ sha256: f.sha256, size: f.size });
  }
  return out;
}
