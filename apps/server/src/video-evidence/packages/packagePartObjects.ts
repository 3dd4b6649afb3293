import type { BlobStore } from '../../platform/storage/storage.ts';
import type { StoredObjectRef } from '../../platform/records.ts';
import { packagePartObjects as partsNamedInManifests } from '../../kernel/evidence-packages/packagePartObjects.ts';

/**
 * The parts of court packages that only their signed manifests name: custody.json, the cover
 * letters and the excerpts (rendered by the build). Originals and materials come from their rows.
 */
export const packagePartObjects = (store: BlobStore, manifests: string[]): Promise<StoredObjectRef[]> =>
  partsNamedInManifests(store, manifests, ['excerpt']);
