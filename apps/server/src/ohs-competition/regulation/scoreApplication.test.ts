import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, type IndicatorId } from '@baqylau/contracts';
import { checkCounts } from './checkCounts.ts';
import { RULE_VERSIONS, rulesById, rulesInForce, type CompetitionRules } from './competition-rules.ts';
import { APPENDIX_1_2025 } from './points-table.ts';
import { scoreApplication, type IndicatorCounts } from './scoreApplication.ts';

const table = APPENDIX_1_2025;
const pointsOf = (id: IndicatorId, count: number, positive?: number) =>
  scoreApplication(table, { [id]: { count, positive } }).indicators.find((i) => i.id === id)!.points;

// Appendix 1 read row by row; every number below is written out by hand from the text, not taken from the data.
describe('RC-A1 every row of Appendix 1 and its rule', () => {
  it('RC-A1 the table has the 14 main indicators (with rows 1.1 and 1.2) and the 5 additional ones, in order', () => {
    expect(table.indicators.map((i) => `${i.section === 'main' ? '' : '+'}${i.number}`)).toEqual([
      ...['1', '1.1', '1.2', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14'],
      ...['+1', '+2', '+3', '+4', '+5'],
    ]);
    expect(table.indicators.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
  });

  it.each([
    // [indicator, count, points] — "per item" rows: points × count.
    ['m1', 1, 3],
    ['m1', 7, 21],
    ['m1_1', 2, 2],
    ['m1_2', 3, 3],
    ['m4', 4, 4],
    ['m5', 3, 6],
    ['m6', 2, 2],
    ['m7', 5, 10],
    ['m10', 6, 6],
    ['m12', 2, 10],
    ['m13', 2, 4],
    ['a1', 3, 6],
    ['a2', 4, 8],
    ['a3', 1, 2],
  ] as const)('RC-A1 per item: %s × %i → %i points', (id, count, points) => {
    expect(pointsOf(id, count)).toBe(points);
    expect(pointsOf(id, 0)).toBe(0);
  });

  it.each([
    // Item 2: 1 point per 10 violations identified — whole tens only.
    ['m2', 9, 0],
    ['m2', 10, 1],
    ['m2', 19, 1],
    ['m2', 20, 2],
    // Item 3: 3 points per 10 violations eliminated.
    ['m3', 9, 0],
    ['m3', 10, 3],
    ['m3', 19, 3],
    ['m3', 20, 6],
    // Additional 4: 1 point per 5 consultations.
    ['a4', 4, 0],
    ['a4', 5, 1],
    ['a4', 14, 2],
    ['a4', 15, 3],
  ] as const)('RC-A1 per N items, whole groups only: %s × %i → %i points', (id, count, points) => {
    expect(pointsOf(id, count)).toBe(points);
  });

  it('RC-A1 items 8 and 9: 2 points per participation, +3 for each positive decision', () => {
    expect(pointsOf('m8', 1, 0)).toBe(2);
    expect(pointsOf('m8', 1, 1)).toBe(5);
    expect(pointsOf('m8', 3, 2)).toBe(12);
    expect(pointsOf('m9', 1, 0)).toBe(2);
    expect(pointsOf('m9', 1, 1)).toBe(5);
    expect(pointsOf('m9', 0, 0)).toBe(0);
  });

  it('RC-A1 one-off rows: 5 points for the certificate (11), the labour inspectorate certificate (14), the best-practice sheet (+5); nothing when not held', () => {
    for (const id of ['m11', 'm14', 'a5'] as const) {
      expect(pointsOf(id, 1)).toBe(5);
      expect(pointsOf(id, 0)).toBe(0);
    }
  });

  it('RC-A1 RC-19 a full application scored by hand', () => {
    const counts: IndicatorCounts = {
      m1: { count: 12 }, // 12 × 3 = 36
      m1_1: { count: 4 }, // 4
      m1_2: { count: 5 }, // 5
      m2: { count: 47 }, // 4 tens → 4
      m3: { count: 35 }, // 3 tens × 3 → 9
      m4: { count: 2 }, // 2
      m5: { count: 1 }, // 2
      m6: { count: 1 }, // 1
      m7: { count: 3 }, // 6
      m8: { count: 2, positive: 1 }, // 4 + 3 = 7
      m9: { count: 1, positive: 0 }, // 2
      m10: { count: 4 }, // 4
      m11: { count: 1 }, // 5
      m12: { count: 2 }, // 10
      m13: { count: 1 }, // 2
      m14: { count: 1 }, // 5
      a1: { count: 6 }, // 12
      a2: { count: 3 }, // 6
      a3: { count: 4 }, // 8
      a4: { count: 23 }, // 4 fives → 4
      a5: { count: 1 }, // 5
    };
    const sheet = scoreApplication(table, counts);
    expect(sheet.indicators.map((i) => i.points)).toEqual([36, 4, 5, 4, 9, 2, 2, 1, 6, 7, 2, 4, 5, 10, 2, 5, 12, 6, 8, 4, 5]);
    expect(sheet.mainTotal).toBe(104);
    expect(sheet.additionalTotal).toBe(35);
    expect(sheet.total).toBe(139);
    expect(checkCounts(table, counts)).toBeUndefined();
  });

  it('RC-A1 an empty table scores 0', () => {
    expect(scoreApplication(table, {})).toMatchObject({ mainTotal: 0, additionalTotal: 0, total: 0 });
  });
});

describe('RC-A1 readings of the table are settings of its version, and they change what they say they change', () => {
  it('RC-A1 the 2025 table reads joint inspections as rows of item 1, item 13 per protocol, additional points added to the total', () => {
    expect(table.readings).toEqual({
      jointInspections: 'in_addition',
      ppeProtocols: 'per_protocol',
      additionalIndicators: 'added_to_total',
    });
  });

  it('RC-A1 joint inspections read as rows of item 1: no more of them than inspections; read as "instead", any number', () => {
    expect(checkCounts(table, { m1: { count: 2 }, m1_1: { count: 3 } })).toEqual({ indicator: 'm1_1', problem: 'exceeds_item' });
    expect(checkCounts(table, { m1: { count: 3 }, m1_1: { count: 3 }, m1_2: { count: 3 } })).toBeUndefined();
    const instead = { ...table, readings: { ...table.readings, jointInspections: 'instead' as const } };
    expect(checkCounts(instead, { m1: { count: 2 }, m1_1: { count: 3 } })).toBeUndefined();
  });

  it('RC-A1 item 13 read as "once": 2 points for having a protocol, however many', () => {
    const once = { ...table, readings: { ...table.readings, ppeProtocols: 'once' as const } };
    expect(scoreApplication(once, { m13: { count: 1 } }).indicators.find((i) => i.id === 'm13')!.points).toBe(2);
    expect(checkCounts(once, { m13: { count: 2 } })).toEqual({ indicator: 'm13', problem: 'held_once' });
    expect(pointsOf('m13', 3)).toBe(6);
  });

  it('RC-A1 additional indicators read as "separate": shown, not added', () => {
    const separate = { ...table, readings: { ...table.readings, additionalIndicators: 'separate' as const } };
    const s = scoreApplication(separate, { m1: { count: 1 }, a1: { count: 1 } });
    expect(s).toMatchObject({ mainTotal: 3, additionalTotal: 2, total: 3 });
  });
});

describe('RC-A1 counts the table cannot score are refused, naming the indicator', () => {
  it.each([
    [{ m2: { count: -1 } }, 'm2', 'not_whole'],
    [{ m2: { count: 1.5 } }, 'm2', 'not_whole'],
    [{ m11: { count: 2 } }, 'm11', 'held_once'],
    [{ m8: { count: 1, positive: 2 } }, 'm8', 'positive_exceeds_count'],
    [{ m7: { count: 2, positive: 1 } }, 'm7', 'positive_not_applicable'],
    [{ zz: { count: 1 } }, 'zz', 'unknown_indicator'],
  ])('RC-A1 %j → %s %s', (counts, indicator, problem) => {
    expect(checkCounts(table, counts as IndicatorCounts)).toEqual({ indicator, problem });
  });
});

describe('RC-A1 RC-4 versions: a year pins the table it opened with', () => {
  it('RC-A1 the 2025 version is in force from 25.12.2025 and has a stable id', () => {
    expect(rulesInForce('2026-01-10').id).toBe('union-ohs-2025-12-25');
    expect(rulesInForce('2024-01-01')).toBe(RULE_VERSIONS[0]);
    expect(new Set(RULE_VERSIONS.map((v) => v.id)).size).toBe(RULE_VERSIONS.length);
  });

  it('RC-A1 a later amendment of the table changes new years and leaves a closed year’s scores unchanged', () => {
    const closedYear = { rulesId: rulesInForce('2026-01-10').id };
    const counts: IndicatorCounts = { m1: { count: 10 }, m2: { count: 25 }, a4: { count: 7 } };
    const before = scoreApplication(rulesById(closedYear.rulesId)!.pointsTable, counts).total;
    // A hypothetical amendment: item 1 worth 4 points, consultations 1 point per 3.
    const amended: CompetitionRules = {
      ...RULE_VERSIONS[0]!,
      id: 'union-ohs-2027-01-01',
      effectiveFrom: '2027-01-01',
      pointsTable: {
        ...table,
        indicators: table.indicators.map((i) =>
          i.id === 'm1'
            ? { ...i, rule: { kind: 'per_item', points: 4 } }
            : i.id === 'a4'
              ? { ...i, rule: { kind: 'per_group', size: 3, points: 1 } }
              : i,
        ),
      },
    };
    const versions = [...RULE_VERSIONS, amended];
    expect(before).toBe(30 + 2 + 1);
    expect(scoreApplication(rulesById(closedYear.rulesId, versions)!.pointsTable, counts).total).toBe(before);
    expect(scoreApplication(rulesInForce('2027-02-01', versions).pointsTable, counts).total).toBe(40 + 2 + 2);
  });
});
