import { describe, expect, it } from 'vitest';
import { APPENDIX_1_2025 } from '../regulation/points-table.ts';
import { scoreApplication } from '../regulation/scoreApplication.ts';
import { acceptedCounts, type IndicatorReview } from './acceptedCounts.ts';

// The last argument only documents the order the reviews were made in (the array's order is what counts).
const review = (
  memberId: string,
  indicatorId: IndicatorReview['indicatorId'],
  acceptedCount: number,
  _order: number,
  acceptedPositive = 0,
) => ({
  memberId,
  indicatorId,
  acceptedCount,
  acceptedPositive,
});

describe('RC-19 the score is computed from the counts the commission accepted', () => {
  const claimed = { m1: { count: 10 }, m2: { count: 25 }, m8: { count: 2, positive: 2 } };

  it('RC-19 without reviews every count stands as claimed', () => {
    expect(acceptedCounts(claimed, [])).toEqual(claimed);
  });

  it('RC-19 a member’s reduction lowers the count, and the score follows (25 → 18 violations: 2 points → 1)', () => {
    const accepted = acceptedCounts(claimed, [review('a', 'm2', 18, 1)]);
    expect(accepted.m2).toEqual({ count: 18 });
    expect(scoreApplication(APPENDIX_1_2025, claimed).total).toBe(30 + 2 + 10);
    expect(scoreApplication(APPENDIX_1_2025, accepted).total).toBe(30 + 1 + 10);
  });

  it('RC-19 the lowest of the members’ latest reviews stands; a member revising their own review lifts only their reduction', () => {
    const reviews = [review('a', 'm1', 8, 1), review('b', 'm1', 9, 2)];
    expect(acceptedCounts(claimed, reviews).m1).toEqual({ count: 8 });
    expect(acceptedCounts(claimed, [...reviews, review('a', 'm1', 10, 3)]).m1).toEqual({ count: 9 });
  });

  it('RC-19 positive decisions of items 8 and 9 are reviewed too, never more than the participations accepted', () => {
    expect(acceptedCounts(claimed, [review('a', 'm8', 2, 1, 1)]).m8).toEqual({ count: 2, positive: 1 });
    expect(acceptedCounts(claimed, [review('a', 'm8', 1, 1, 2)]).m8).toEqual({ count: 1, positive: 1 });
  });

  it('RC-19 a review can never raise a count above the claim', () => {
    expect(acceptedCounts(claimed, [review('a', 'm1', 50, 1)]).m1).toEqual({ count: 10 });
  });
});
