import type { PlaceKind } from '@baqylau/contracts';
import type { Place } from './cctv.types.ts';

/** Which kind of place may stand under which (null: the top of the register), as the server checks it. */
export const PARENT_KINDS: Record<PlaceKind, readonly (PlaceKind | null)[]> = {
  building: [null],
  vehicle: [null],
  perimeter: [null, 'building'],
  floor: ['building', 'vehicle'],
  room: ['floor', 'vehicle'],
};

export interface PlaceNode {
  place: Place;
  depth: number;
  children: PlaceNode[];
}

const byName = (a: Place, b: Place) => a.name.localeCompare(b.name, 'kk', { numeric: true });

/** The register as a tree (buildings and complexes first, each level by name); closed places only when asked. */
export function placeTree(places: readonly Place[], withClosed = false): PlaceNode[] {
  const shown = places.filter((p) => withClosed || !p.removedAt);
  const ids = new Set(shown.map((p) => p.id));
  const build = (parentId: string | null, depth: number): PlaceNode[] =>
    shown
      .filter((p) => (parentId === null ? p.parentId === null || !ids.has(p.parentId) : p.parentId === parentId))
      .sort(byName)
      .map((place) => ({ place, depth, children: build(place.id, depth + 1) }));
  return build(null, 0);
}

/** The tree in reading order, each place with its depth. */
export function flatten(nodes: readonly PlaceNode[]): PlaceNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

export const placeIndex = (places: readonly Place[]) => new Map(places.map((p) => [p.id, p]));

/** "Бас корпус › 1-қабат › Холл": a place's full name. */
export function placePath(index: ReadonlyMap<string, Place>, id: string): string {
  const names: string[] = [];
  for (let p = index.get(id), guard = 0; p && guard < 10; p = p.parentId ? index.get(p.parentId) : undefined, guard++)
    names.unshift(p.name);
  return names.join(' › ');
}

/** The floor a room (or corridor section) is on, if any: its plan shows the room's cameras. */
export function floorOf(index: ReadonlyMap<string, Place>, id: string): Place | undefined {
  for (let p = index.get(id), guard = 0; p && guard < 10; p = p.parentId ? index.get(p.parentId) : undefined, guard++)
    if (p.kind === 'floor') return p;
  return undefined;
}

/** Open places a new place of this kind may stand under. */
export const parentChoices = (places: readonly Place[], kind: PlaceKind) =>
  places.filter((p) => !p.removedAt && PARENT_KINDS[kind].includes(p.kind));

/** Whether a place of this kind may stand at the top of the register. */
export const mayBeTopLevel = (kind: PlaceKind) => PARENT_KINDS[kind].includes(null);

/** Where a camera can go (point 4): open rooms (internal) and perimeter sections (external). */
export const cameraSpots = (places: readonly Place[]) =>
  places.filter((p) => !p.removedAt && (p.kind === 'room' || p.kind === 'perimeter'));

/**
 * Options for a select, grouped by what holds them ("Бас корпус › 1-қабат"), labelled with the place's
 * name and a detail (its room type, say).
 */
export function groupedOptions(places: readonly Place[], all: readonly Place[], detail: (p: Place) => string) {
  const index = placeIndex(all);
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const p of [...places].sort(byName)) {
    const group = p.parentId ? placePath(index, p.parentId) : '—';
    const extra = detail(p);
    groups.set(group, [...(groups.get(group) ?? []), { value: p.id, label: extra ? `${p.name} · ${extra}` : p.name }]);
  }
  return [...groups].sort(([a], [b]) => a.localeCompare(b, 'kk', { numeric: true })).map(([group, items]) => ({ group, items }));
}
