import { ROOM_TYPES } from '@baqylau/contracts';
import { describe, expect, it } from 'vitest';
import { GROUPED_ROOM_TYPES } from './roomTypes.ts';

describe('DSM-335 room taxonomy in the forms', () => {
  it('R335-2 offers every room type of the contract exactly once, grouped by the point that names it', () => {
    expect([...GROUPED_ROOM_TYPES].sort()).toEqual([...ROOM_TYPES].sort());
    expect(new Set(GROUPED_ROOM_TYPES).size).toBe(GROUPED_ROOM_TYPES.length);
  });
});
