import { describe, expect, it } from 'vitest';
import { monthGrid } from './monthGrid.ts';

describe('the schedule’s month calendar', () => {
  it('R315-7 weeks start on Monday; days outside the month are empty', () => {
    const march = monthGrid(2026, 3); // 1 March 2026 is a Sunday
    expect(march[0]).toEqual([null, null, null, null, null, null, '2026-03-01']);
    expect(march.flat().filter(Boolean)).toHaveLength(31);
    expect(march.every((w) => w.length === 7)).toBe(true);
    expect(monthGrid(2028, 2).flat().filter(Boolean)).toHaveLength(29);
  });
});
