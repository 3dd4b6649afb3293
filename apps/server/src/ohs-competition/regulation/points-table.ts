import type { IndicatorId, TableReadings } from '@baqylau/contracts';

/** How an indicator turns what was done into points (Appendix 1, column 3). */
export type IndicatorRule =
  /** "1 тексеру үшін 3 балл": points for every item. */
  | { kind: 'per_item'; points: number }
  /** "10 бұзушылық үшін 1 балл": points for every whole group of `size` items; a remainder earns nothing. */
  | { kind: 'per_group'; size: number; points: number }
  /** "1 қатысу үшін 2 балл / оң шешім үшін +3 балл": points per participation, a bonus per positive decision. */
  | { kind: 'per_participation'; points: number; positiveBonus: number }
  /** "Сертификат үшін 5 балл": points once, for a certificate or document held. */
  | { kind: 'one_off'; points: number };

export interface Indicator {
  id: IndicatorId;
  /** Main indicators (1–14) and additional preferential ones (1–5) are two tables of Appendix 1. */
  section: 'main' | 'additional';
  /** As Appendix 1 numbers it: '1.1', '14'; the additional table numbers its own rows 1–5. */
  number: string;
  rule: IndicatorRule;
  /** Rows 1.1 and 1.2 are rows of item 1 (how they relate to it is the `jointInspections` reading). */
  rowOf?: IndicatorId;
  /** Where a reading of the table decides the rule: the rule for each value of that reading. */
  byReading?: { reading: 'ppeProtocols'; rules: Record<TableReadings['ppeProtocols'], IndicatorRule> };
}

export interface PointsTable {
  indicators: readonly Indicator[];
  /** The reading chosen wherever the appendix can be read two ways (README here, and every score sheet). */
  readings: TableReadings;
}

const perItem = (points: number): IndicatorRule => ({ kind: 'per_item', points });
const perGroup = (size: number, points: number): IndicatorRule => ({ kind: 'per_group', size, points });
const perParticipation = (points: number, positiveBonus: number): IndicatorRule => ({ kind: 'per_participation', points, positiveBonus });
const oneOff = (points: number): IndicatorRule => ({ kind: 'one_off', points });

/**
 * Appendix 1 of the regulation as amended by protocol № 8 (item 8) of 25.12.2025, row by row.
 * An amendment is a new table in a new regulation version (competition-rules.ts), never an edit of this one.
 */
export const APPENDIX_1_2025: PointsTable = {
  indicators: [
    { id: 'm1', section: 'main', number: '1', rule: perItem(3) },
    { id: 'm1_1', section: 'main', number: '1.1', rule: perItem(1), rowOf: 'm1' },
    { id: 'm1_2', section: 'main', number: '1.2', rule: perItem(1), rowOf: 'm1' },
    { id: 'm2', section: 'main', number: '2', rule: perGroup(10, 1) },
    { id: 'm3', section: 'main', number: '3', rule: perGroup(10, 3) },
    { id: 'm4', section: 'main', number: '4', rule: perItem(1) },
    { id: 'm5', section: 'main', number: '5', rule: perItem(2) },
    { id: 'm6', section: 'main', number: '6', rule: perItem(1) },
    { id: 'm7', section: 'main', number: '7', rule: perItem(2) },
    { id: 'm8', section: 'main', number: '8', rule: perParticipation(2, 3) },
    { id: 'm9', section: 'main', number: '9', rule: perParticipation(2, 3) },
    { id: 'm10', section: 'main', number: '10', rule: perItem(1) },
    { id: 'm11', section: 'main', number: '11', rule: oneOff(5) },
    { id: 'm12', section: 'main', number: '12', rule: perItem(5) },
    {
      id: 'm13',
      section: 'main',
      number: '13',
      rule: perItem(2),
      byReading: { reading: 'ppeProtocols', rules: { per_protocol: perItem(2), once: oneOff(2) } },
    },
    { id: 'm14', section: 'main', number: '14', rule: oneOff(5) },
    { id: 'a1', section: 'additional', number: '1', rule: perItem(2) },
    { id: 'a2', section: 'additional', number: '2', rule: perItem(2) },
    { id: 'a3', section: 'additional', number: '3', rule: perItem(2) },
    { id: 'a4', section: 'additional', number: '4', rule: perGroup(5, 1) },
    { id: 'a5', section: 'additional', number: '5', rule: oneOff(5) },
  ],
  readings: {
    // Rows 1.1 and 1.2 open with a dash under item 1 ("тексерулер жүргізілді: – бірлесіп"): a breakdown of
    // the inspections of item 1, each joint one adding its 1 point to the 3 of item 1.
    jointInspections: 'in_addition',
    // Column 3 says "1 хаттама үшін 2 балл": it counts protocols, although the row's title speaks of "having" one.
    ppeProtocols: 'per_protocol',
    // The additional table closes with "Қорытынды" (final result): its points join the total.
    additionalIndicators: 'added_to_total',
  },
};
