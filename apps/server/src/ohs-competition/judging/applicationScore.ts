import type { ApplicationRow } from '../applications/applications.repository.ts';
import { scoreApplication } from '../regulation/scoreApplication.ts';
import { rulesOfYear } from '../years/years.usecases.ts';
import type { YearRow } from '../years/years.repository.ts';
import { acceptedCounts } from './acceptedCounts.ts';
import type { ReviewRow } from './judging.repository.ts';

type Review = ReviewRow & { memberName: string };

/** An application's score by the counts the commission accepted, with what each member reduced and why (RC-19). */
export function applicationScore(year: YearRow, app: ApplicationRow, reviews: Review[]) {
  const table = rulesOfYear(year).pointsTable;
  const mine = reviews.filter((r) => r.applicationId === app.id);
  const accepted = acceptedCounts(app.counts, mine);
  return {
    claimed: scoreApplication(table, app.counts),
    accepted: scoreApplication(table, accepted),
    reviews: mine.map((r) => ({
      id: r.id,
      commissionId: r.commissionId,
      indicatorId: r.indicatorId,
      memberId: r.memberId,
      memberName: r.memberName,
      claimedCount: r.claimedCount,
      acceptedCount: r.acceptedCount,
      acceptedPositive: r.acceptedPositive,
      reason: r.reason,
      createdAt: r.createdAt,
    })),
  };
}
