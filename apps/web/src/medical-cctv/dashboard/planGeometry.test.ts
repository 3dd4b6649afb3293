import { describe, expect, it } from 'vitest';
import { cardAnchor, fractionAt, moved } from './planGeometry.ts';

describe('DSM-335 floor plan pins', () => {
  const rect = { left: 100, top: 50, width: 800, height: 480 };

  it('R335-4 a click on the plan is a position in fractions of its width and height, kept inside it', () => {
    expect(fractionAt(rect, 500, 290)).toEqual({ x: 0.5, y: 0.5 });
    expect(fractionAt(rect, 100 + 800 / 3, 50)).toEqual({ x: 0.3333, y: 0 });
    expect(fractionAt(rect, 20, 900)).toEqual({ x: 0, y: 1 });
    expect(fractionAt({ ...rect, width: 0 }, 20, 900)).toEqual({ x: 0, y: 0 });
  });

  it('a tiny drag is a click; the pin card opens where it stays on the plan', () => {
    expect(moved({ x: 0.5, y: 0.5 }, { x: 0.502, y: 0.501 })).toBe(false);
    expect(moved({ x: 0.5, y: 0.5 }, { x: 0.52, y: 0.5 })).toBe(true);
    expect(cardAnchor(0.1, 0.1)).toEqual({ vertical: 'below', shift: '0%' });
    expect(cardAnchor(0.5, 0.9)).toEqual({ vertical: 'above', shift: '-50%' });
    expect(cardAnchor(0.95, 0.3)).toEqual({ vertical: 'below', shift: '-100%' });
  });
});
