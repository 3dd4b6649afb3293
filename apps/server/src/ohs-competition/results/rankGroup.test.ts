import { describe, expect, it } from 'vitest';
import { rankGroup, tieKey } from './rankGroup.ts';

const entries = (totals: Record<string, number>) => Object.entries(totals).map(([id, total]) => ({ id, total }));
const places = (r: ReturnType<typeof rankGroup>) => Object.fromEntries(r.ranking.map((e) => [e.id, e.place]));

describe('RC-19 RC-22 ranking per group: places I–III, ties decided by the commission', () => {
  it('RC-19 RC-22 the highest totals take places I, II, III; the rest none', () => {
    const r = rankGroup(entries({ a: 50, b: 40, c: 30, d: 20 }), 3, []);
    expect(places(r)).toEqual({ a: 1, b: 2, c: 3, d: null });
    expect(r.ties).toEqual([]);
  });

  it('RC-22 a tie for third place is shown and leaves third place open until the commission decides', () => {
    const r = rankGroup(entries({ a: 50, b: 40, c: 30, d: 30, e: 20 }), 3, []);
    expect(places(r)).toEqual({ a: 1, b: 2, c: null, d: null, e: null });
    expect(r.ties).toEqual([{ key: tieKey(30, ['c', 'd']), total: 30, applicationIds: ['c', 'd'], from: 3, to: 4, decision: null }]);
    expect(r.ranking.filter((e) => e.tie).map((e) => e.position)).toEqual([3, 3]);
    expect(r.undecided).toBe(1);
  });

  it('RC-22 the commission’s recorded order settles the tie: its first takes the place', () => {
    const decision = { key: tieKey(30, ['c', 'd']), order: ['d', 'c'], reason: 'Қосымша көрсеткіштер бойынша' };
    const r = rankGroup(entries({ a: 50, b: 40, c: 30, d: 30, e: 20 }), 3, [decision]);
    expect(places(r)).toEqual({ a: 1, b: 2, d: 3, c: null, e: null });
    expect(r.undecided).toBe(0);
  });

  it('RC-22 a decision stops applying when the tie changes (a new total or another candidate joins it)', () => {
    const decision = { key: tieKey(30, ['c', 'd']), order: ['d', 'c'], reason: 'x' };
    const r = rankGroup(entries({ a: 50, b: 40, c: 30, d: 30, e: 30 }), 3, [decision]);
    expect(r.undecided).toBe(1);
    expect(places(r)).toMatchObject({ c: null, d: null, e: null });
  });

  it('RC-22 a tie for first place leaves places I and II open; third place is still third', () => {
    const r = rankGroup(entries({ a: 50, b: 50, c: 30 }), 3, []);
    expect(places(r)).toEqual({ a: null, b: null, c: 3 });
    expect(r.ties[0]).toMatchObject({ from: 1, to: 2 });
  });

  it('RC-22 a tie below the winners needs no decision', () => {
    const r = rankGroup(entries({ a: 50, b: 40, c: 30, d: 20, e: 20 }), 3, []);
    expect(r.ties).toEqual([]);
    expect(places(r)).toMatchObject({ d: null, e: null });
  });

  it('RC-22 fewer candidates than places: everyone placed', () => {
    expect(places(rankGroup(entries({ a: 12, b: 7 }), 3, []))).toEqual({ a: 1, b: 2 });
  });
});
