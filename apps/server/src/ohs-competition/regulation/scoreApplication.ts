import type { IndicatorId } from '@baqylau/contracts';
import type { Indicator, IndicatorRule, PointsTable } from './points-table.ts';

/** What was done for one indicator: how many, and (items 8, 9) how many ended in a positive decision. */
export interface IndicatorCount {
  count: number;
  positive?: number;
}
export type IndicatorCounts = Partial<Record<IndicatorId, IndicatorCount>>;

export interface IndicatorScore {
  id: IndicatorId;
  section: Indicator['section'];
  number: string;
  /** The rule applied (after the table's readings). */
  rule: IndicatorRule;
  count: number;
  positive: number;
  points: number;
}

export interface ScoreSheet {
  indicators: IndicatorScore[];
  mainTotal: number;
  additionalTotal: number;
  /** The points the ranking uses: main, plus additional when the table's reading adds them. */
  total: number;
  readings: PointsTable['readings'];
}

/** The rule an indicator follows under the table's readings. */
export function ruleOf(table: PointsTable, indicator: Indicator): IndicatorRule {
  return indicator.byReading ? indicator.byReading.rules[table.readings[indicator.byReading.reading]] : indicator.rule;
}

function pointsFor(rule: IndicatorRule, count: number, positive: number): number {
  switch (rule.kind) {
    case 'per_item':
      return count * rule.points;
    case 'per_group':
      return Math.floor(count / rule.size) * rule.points;
    case 'per_participation':
      return count * rule.points + positive * rule.positiveBonus;
    case 'one_off':
      return count > 0 ? rule.points : 0;
  }
}

/**
 * RC-A1, RC-19: the score of an application by the points table — per indicator and in total. Pure:
 * the counts it is given are the ones the commission accepted; they are checked by checkCounts.
 */
export function scoreApplication(table: PointsTable, counts: IndicatorCounts): ScoreSheet {
  const indicators = table.indicators.map((ind) => {
    const rule = ruleOf(table, ind);
    const count = counts[ind.id]?.count ?? 0;
    const positive = rule.kind === 'per_participation' ? (counts[ind.id]?.positive ?? 0) : 0;
    return { id: ind.id, section: ind.section, number: ind.number, rule, count, positive, points: pointsFor(rule, count, positive) };
  });
  const sum = (section: Indicator['section']) => indicators.filter((i) => i.section === section).reduce((s, i) => s + i.points, 0);
  const mainTotal = sum('main');
  const additionalTotal = sum('additional');
  const total = mainTotal + (table.readings.additionalIndicators === 'added_to_total' ? additionalTotal : 0);
  return { indicators, mainTotal, additionalTotal, total, readings: table.readings };
}
