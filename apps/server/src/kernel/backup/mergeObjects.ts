import type { StoredObjectRef } from './backup.manifest.ts';

/** The union of two object lists, each object once, in hash order (as liveObjects gives it). */
export function mergeObjects(a: StoredObjectRef[], b: StoredObjectRef[]): StoredObjectRef[] {
  const all = new Map<string, StoredObjectRef>();
  for (const o of [...a, ...b]) all.set(o.sha256, o);
  return [...all.values()].sort((x, y) => x.sha256.localeCompare(y.sha256));
}
