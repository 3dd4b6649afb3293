import { randomUUID } from 'node:crypto';
import type { CommissionStage, IndicatorId } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import type { DbOrTx } from '../../db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findApplication, type ApplicationRow } from '../applications/applications.repository.ts';
import { visibleApplication, type Viewer } from '../competition-access.ts';
import { recordCompetitionEvent } from '../competition-ledger.ts';
import { findMemberOrganisation } from '../member-organisations/member-organisations.repository.ts';
import { assertNotPublished, yearOrThrow } from '../years/years.usecases.ts';
import { findCommissionMember, insertReview } from './judging.repository.ts';
import { recusalOf } from './recusal.ts';
import { commissionOfStage } from './stages.ts';

/**
 * The viewer as a member of the commission judging the application at its stage — its member
 * organisation's at stage I, the republican one at stage II — allowed to judge it (recusal, RC-12).
 */
export async function judgeOf(db: DbOrTx, organisationId: string, viewer: Viewer, app: ApplicationRow, stage: CommissionStage) {
  const commission = await commissionOfStage(db, app, stage);
  const mo = async () => (await findMemberOrganisation(db, organisationId, app.memberOrganisationId))?.nameKk ?? '';
  if (!commission)
    throw stage === 'I'
      ? new AppError('competition.stage_i_commission_not_formed', { memberOrganisation: await mo(), point: '13' })
      : new AppError('competition.commission_not_formed');
  const member = await findCommissionMember(db, commission.id, viewer.userId);
  if (!member)
    throw stage === 'I'
      ? new AppError('competition.not_stage_i_member', { memberOrganisation: await mo() })
      : new AppError('competition.not_commission_member');
  const recusal = recusalOf(commission, member, app);
  if (recusal === 'own_member_organisation')
    throw new AppError('competition.recused', { memberOrganisationId: app.memberOrganisationId, memberOrganisation: await mo() });
  if (recusal === 'prepared_application') throw new AppError('competition.recused_preparer');
  return { commission, member };
}

/**
 * RC-12, RC-19: a commission member reviews one indicator of an application at its stage — stage I
 * (the member organisation's commission) or stage II (the republican one), by the same rule:
 * accepts the count or reduces it with a written reason; never raises it. Every review is in the ledger.
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
    // Under review: in stage I until its result is recorded, in stage II once sent there.
    const stage = app.state === 'stage_i' ? 'I' : app.state === 'submitted' ? 'II' : null;
    if (!stage) throw new AppError('competition.application_not_submitted', { state: app.state });
    assertNotPublished(await yearOrThrow(deps, organisationId, app.yearId, false, tx));
    const { commission } = await judgeOf(tx, organisationId, viewer, app, stage);
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
