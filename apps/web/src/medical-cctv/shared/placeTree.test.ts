import { describe, expect, it } from 'vitest';
import type { Place } from './cctv.types.ts';
import { cameraSpots, flatten, floorOf, groupedOptions, parentChoices, placeIndex, placePath, placeTree } from './placeTree.ts';

const place = (id: string, kind: Place['kind'], name: string, parentId: string | null = null, extra: Partial<Place> = {}): Place => ({
  id,
  kind,
  name,
  parentId,
  roomType: kind === 'room' ? 'hall' : null,
  unit: '',
  hasPlan: false,
  createdAt: '2026-01-01T00:00:00Z',
  removedAt: null,
  ...extra,
});

const PLACES = [
  place('r2', 'room', 'Палата 10', 'f1'),
  place('r1', 'room', 'Палата 9', 'f1'),
  place('f1', 'floor', '1-қабат', 'b'),
  place('b', 'building', 'Бас корпус'),
  place('p', 'perimeter', 'Кіреберіс', 'b'),
  place('v', 'vehicle', 'ЖМК-1'),
  place('vr', 'room', 'Кабинет', 'v'),
  place('old', 'room', 'Жабылған', 'f1', { removedAt: '2026-02-01T00:00:00Z' }),
];

describe('DSM-335 premises tree (R335-2)', () => {
  it('R335-2 builds the building → floor → room tree, numbers in natural order, closed places only when asked', () => {
    const rows = flatten(placeTree(PLACES)).map((n) => `${'  '.repeat(n.depth)}${n.place.name}`);
    expect(rows).toEqual(['Бас корпус', '  1-қабат', '    Палата 9', '    Палата 10', '  Кіреберіс', 'ЖМК-1', '  Кабинет']);
    expect(flatten(placeTree(PLACES, true)).map((n) => n.place.id)).toContain('old');
  });

  it('R335-2 names a place by its full path and finds the floor a room is on (none for a mobile complex)', () => {
    const index = placeIndex(PLACES);
    expect(placePath(index, 'r1')).toBe('Бас корпус › 1-қабат › Палата 9');
    expect(floorOf(index, 'r1')?.id).toBe('f1');
    expect(floorOf(index, 'vr')).toBeUndefined();
    expect(floorOf(index, 'p')).toBeUndefined();
  });

  it('R335-2 offers only the parents the server accepts: rooms under floors and complexes, floors under buildings and complexes', () => {
    expect(parentChoices(PLACES, 'room').map((p) => p.id)).toEqual(['f1', 'v']);
    expect(parentChoices(PLACES, 'floor').map((p) => p.id)).toEqual(['b', 'v']);
    expect(parentChoices(PLACES, 'perimeter').map((p) => p.id)).toEqual(['b']);
    expect(parentChoices(PLACES, 'building')).toEqual([]);
  });

  it('R335-4 a camera goes into an open room (internal) or on a perimeter section (external), grouped by what holds it', () => {
    const spots = cameraSpots(PLACES);
    expect(spots.map((p) => p.id).sort()).toEqual(['p', 'r1', 'r2', 'vr']);
    expect(groupedOptions(spots, PLACES, (p) => p.kind)).toEqual([
      { group: 'Бас корпус', items: [{ value: 'p', label: 'Кіреберіс · perimeter' }] },
      {
        group: 'Бас корпус › 1-қабат',
        items: [
          { value: 'r1', label: 'Палата 9 · room' },
          { value: 'r2', label: 'Палата 10 · room' },
        ],
      },
      { group: 'ЖМК-1', items: [{ value: 'vr', label: 'Кабинет · room' }] },
    ]);
  });
});
