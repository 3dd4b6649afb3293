import type { AppDeps } from '../../platform/deps.ts';
import type { ObjectOwner, StoredObjectRef } from '../../platform/records.ts';
import { hashStoredObject } from '../../platform/storage/read-object.ts';
import { mergeObjects } from '../backup/mergeObjects.ts';
import { recordDamage, type Damage } from './recordDamage.ts';

export interface DamagedObject extends Damage {
  expectedSize: number;
  owners: ObjectOwner[];
  /** False when an earlier check had already recorded it (no second notice). */
  fresh: boolean;
}

export interface ObjectScrub {
  objects: number;
  bytes: number;
  damaged: DamagedObject[];
}

/**
 * R444-13: re-hashes every stored object the live rows need — originals, derivatives, materials, package
 * manifests and verify.html, and the parts only a manifest names (custody, cover letters, excerpts) —
 * and records each one whose bytes differ from its address or are gone (recordDamage: once, with notices).
 * Nothing is repaired or removed.
 */
export async function scrubObjects(deps: AppDeps, onProgress?: (done: number, total: number) => void): Promise<ObjectScrub> {
  const live = await deps.records.liveObjects(deps.db);
  // A package part is owned by the packages whose manifest lists it.
  const listedBy = new Map<string, string[]>();
  const parts: StoredObjectRef[] = [];
  for (const manifest of await deps.records.listingObjects(deps.db)) {
    for (const part of await deps.records.objectsListedIn(deps.store, [manifest])) {
      parts.push(part);
      listedBy.set(part.sha256, [...(listedBy.get(part.sha256) ?? []), manifest]);
    }
  }
  const all = mergeObjects(live, parts);
  const result: ObjectScrub = { objects: 0, bytes: 0, damaged: [] };
  for (const ref of all) {
    const found = await hashStoredObject(deps.store, ref.sha256).catch(() => null);
    result.objects++;
    result.bytes += found?.size ?? 0;
    onProgress?.(result.objects, all.length);
    if (found && found.sha256 === ref.sha256 && found.size === ref.size) continue;
    const owners = await deps.records.objectOwners(deps.db, ref.sha256);
    for (const m of listedBy.get(ref.sha256) ?? []) {
      for (const o of await deps.records.objectOwners(deps.db, m))
        owners.push({ ...o, label: `${o.label} (part ${ref.sha256.slice(0, 12)}…)` });
    }
    const damage: Damage = { sha256: ref.sha256, found, detectedBy: 'scrub' };
    const fresh = await recordDamage(deps, damage, owners);
    result.damaged.push({ ...damage, expectedSize: ref.size, owners, fresh });
  }
  return result;
}
