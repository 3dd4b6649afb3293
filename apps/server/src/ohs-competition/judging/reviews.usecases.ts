import { randomUUID } from 'node:crypto';
import type { IndicatorId } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { DbOrTx } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findApplication, type ApplicationRow } from '../applications/applications.repository.ts';
import { visibleApplication, type Viewer } from '../competition-access.ts';
import { recordCompetitionEvent } from '../competition-ledger.ts';
import { findMemberOrganisation } from '../member-organisations/member-organisations.repository.ts';
import { assertNotPublished, yearOrThrow } from '../years/years.usecases.ts';
import { findCommissionMember, insertReview, republicanCommission } from './judging.repository.ts';

/**
 * The viewer as a member of the year's republican commission, allowed to judge this application:
 * a member from the candidate's own member organisation is recused (points 12–15 give the
 * commission the review; a member does not review their own organisation's candidate).
 */
export async function judgeOf(db: DbOrTx, organisationId: string, viewer: Viewer, app: ApplicationRow) {
  const commission = await republicanCommission(db, app.yearId);
  if (!commission) throw new AppError('competition.commission_not_formed');
  const member = await findCommissionMember(db, commission.id, viewer.userId);
  if (!member) throw new AppError('competition.not_commission_member');
  if (member.memberOrganisationId === app.memberOrganisationId) {
    const mo = await findMemberOrganisation(db, organisationId, app.memberOrganisationId);
    throw new AppError('competition.recused', { memberOrganisationId: app.memberOrganisationId, memberOrganisation: mo?.nameKk ?? '' });
  }
  return { commission, member };
}

/**
 * RC-12, RC-19: a commission member reviews one indicator of a stage II application: accepts the
 * count or reduces it with a written reason; never raises it. Every review is in the ledger.
 */
export async function reviewIndicator(
  deps: AppDeps,
  actor: Actor & { id: string },
  viewer: Viewer,
  organisationId: string,
  applicationId: string,
  input: { indicatorId: IndicatorId; acceptedCount: number; acceptedPositive?: number; reason?: string },
) {
  return deps.db.transaction(async (tx) => {
    const app = await visibleApplication(tx, organisationId, viewer, await findApplication(tx, organisationId, applicationId, true));
    if (app.state !== 'submitted') throw new AppError('competition.application_not_submitted', { state: app.state });
    assertNotPublished(await yearOrThrow(deps, organisationId, app.yearId, false, tx));
    const { commission } = await judgeOf(tx, organisationId, viewer, app);
    const claimed = app.counts[input.indicatorId] ?? { count: 0 };
    const claimedPositive = claimed.positive ?? 0;
    const acceptedPositive = input.acceptedPositive ?? claimedPositive;
    if (input.acceptedCount > claimed.count || acceptedPositive > claimedPositive || acceptedPositive > input.acceptedCount)
      throw new AppError('competition.review_exceeds_claim', { indicator: input.indicatorId, claimed: claimed.count });
    const reduced = input.acceptedCount < claimed.count || acceptedPositive < claimedPositive;
    const reason = input.reason?.trim() ?? '';
    if (reduced && reason.length < 3) throw new AppError('competition.review_reason_required', { indicator: input.indicatorId });
    const row = {
      id: randomUUID(),
      organisationId,
      applicationId,
      commissionId: commission.id,
      memberId: viewer.userId,
      indicatorId: input.indicatorId,
      claimedCount: claimed.count,
      acceptedCount: input.acceptedCount,
      acceptedPositive,
      reason,
      createdAt: deps.now(),
    };
    await insertReview(tx, row);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: reduced ? 'competition.indicator_reduced' : 'competition.indicator_accepted',
      subjectType: 'competition_application',
      subjectId: applicationId,
      payload: { ...row, createdAt: undefined },
    });
    return row;
  });
}
