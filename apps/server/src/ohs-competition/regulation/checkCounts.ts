import type { IndicatorId } from '@baqylau/contracts';
import type { PointsTable } from './points-table.ts';
import type { IndicatorCounts } from './scoreApplication.ts';
import { ruleOf } from './scoreApplication.ts';

/** Why a count cannot be scored. */
export type CountProblem =
  'not_whole' | 'held_once' | 'positive_exceeds_count' | 'positive_not_applicable' | 'exceeds_item' | 'unknown_indicator';

/**
 * The first count the table cannot score, if any: a negative or fractional count, a certificate
 * counted twice, more positive decisions than participations, or (when joint inspections are read
 * as rows of item 1) more joint inspections than inspections.
 */
export function checkCounts(table: PointsTable, counts: IndicatorCounts): { indicator: IndicatorId; problem: CountProblem } | undefined {
  const known = new Map(table.indicators.map((i) => [i.id, i]));
  for (const [id, c] of Object.entries(counts) as [IndicatorId, NonNullable<IndicatorCounts[IndicatorId]>][]) {
    const ind = known.get(id);
    if (!ind) return { indicator: id, problem: 'unknown_indicator' };
    const rule = ruleOf(table, ind);
    const positive = c.positive ?? 0;
    if (!Number.isInteger(c.count) || c.count < 0 || !Number.isInteger(positive) || positive < 0)
      return { indicator: id, problem: 'not_whole' };
    if (rule.kind === 'one_off' && c.count > 1) return { indicator: id, problem: 'held_once' };
    if (positive && rule.kind !== 'per_participation') return { indicator: id, problem: 'positive_not_applicable' };
    if (positive > c.count) return { indicator: id, problem: 'positive_exceeds_count' };
    if (ind.rowOf && table.readings.jointInspections === 'in_addition' && c.count > (counts[ind.rowOf]?.count ?? 0))
      return { indicator: id, problem: 'exceeds_item' };
  }
  return undefined;
}
