import type { PlaceKind } from '@baqylau/contracts';

/** Which kind of place may stand under which (a top-level place has no parent). */
const PARENTS: Record<PlaceKind, readonly (PlaceKind | null)[]> = {
  building: [null],
  vehicle: [null],
  perimeter: [null, 'building'],
  floor: ['building', 'vehicle'],
  room: ['floor', 'vehicle'],
};

export const mayStandUnder = (kind: PlaceKind, parent: PlaceKind | null) => PARENTS[kind].includes(parent);

/** "Main building › 2nd floor › Room 214": a place's full name for reports and messages. */
export function placePath(places: Map<string, { name: string; parentId: string | null }>, id: string): string {
  const names: string[] = [];
  for (let p = places.get(id), guard = 0; p && guard < 10; p = p.parentId ? places.get(p.parentId) : undefined, guard++)
    names.unshift(p.name);
  return names.join(' › ');
}
