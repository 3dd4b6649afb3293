import type { IndicatorId } from '@baqylau/contracts';
import type { IndicatorCounts } from '../regulation/scoreApplication.ts';

/** One member's review of one indicator: the count (and positive decisions) they accept. */
export interface IndicatorReview {
  indicatorId: IndicatorId;
  memberId: string;
  acceptedCount: number;
  acceptedPositive: number;
}

/**
 * RC-19: the counts the score is computed from. A count stands as claimed until a member reduces it;
 * with several members, each member's latest review counts and the lowest stands (a reduction holds
 * until the member who made it revises it). Nobody can raise a count above the claim.
 */
export function acceptedCounts(claimed: IndicatorCounts, reviews: readonly IndicatorReview[]): IndicatorCounts {
  // Reviews come in the order they were made: a member's later review replaces their earlier one.
  const latest = new Map<string, IndicatorReview>();
  for (const r of reviews) latest.set(`${r.indicatorId} ${r.memberId}`, r);
  const out: IndicatorCounts = {};
  for (const [id, c] of Object.entries(claimed) as [IndicatorId, { count: number; positive?: number }][]) {
    let count = c.count;
    let positive = c.positive ?? 0;
    for (const r of latest.values())
      if (r.indicatorId === id) {
        count = Math.min(count, r.acceptedCount);
        positive = Math.min(positive, r.acceptedPositive);
      }
    out[id] = c.positive === undefined ? { count } : { count, positive: Math.min(positive, count) };
  }
  return out;
}
