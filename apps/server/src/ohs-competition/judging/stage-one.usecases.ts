import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isUniqueViolation } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import {
  documentsOf,
  findApplication,
  listApplications,
  nominatedInGroup,
  updateApplication,
} from '../applications/applications.repository.ts';
import { missingForSubmission } from '../applications/evidence-flags.ts';
import { assertMayPrepare, visibleApplication, type Viewer } from '../competition-access.ts';
import { recordCompetitionEvent } from '../competition-ledger.ts';
import { findMemberOrganisation } from '../member-organisations/member-organisations.repository.ts';
import { checkCounts } from '../regulation/checkCounts.ts';
import { assertNotPublished, rulesOfYear, yearOrThrow } from '../years/years.usecases.ts';
import { applicationScore } from './applicationScore.ts';
import { findCommissionMember, insertStageOneResult, regionalCommission, reviewsOf } from './judging.repository.ts';

/**
 * RC-10, RC-12 (points 10, 13): a member organisation enters a candidate into its stage I, held by
 * its own commission. The application must be complete but for the nominating decision (which
 * stage I produces) and is frozen from then on: the commission reviews what was entered.
 */
export async function enterStageOne(deps: AppDeps, actor: Actor & { id: string }, viewer: Viewer, organisationId: string, id: string) {
  return deps.db.transaction(async (tx) => {
    const app = await visibleApplication(tx, organisationId, viewer, await findApplication(tx, organisationId, id, true));
    await assertMayPrepare(tx, organisationId, viewer, app.memberOrganisationId);
    if (app.state !== 'draft') throw new AppError('competition.application_not_draft', { state: app.state });
    const year = await yearOrThrow(deps, organisationId, app.yearId, false, tx);
    assertNotPublished(year);
    const commission = await regionalCommission(tx, app.yearId, app.memberOrganisationId);
    if (!commission) {
      const mo = await findMemberOrganisation(tx, organisationId, app.memberOrganisationId);
      throw new AppError('competition.stage_i_commission_not_formed', { memberOrganisation: mo?.nameKk ?? '', point: '13' });
    }
    const missing = missingForSubmission(app, await documentsOf(tx, [app.id])).filter((m) => m !== 'nominating_decision');
    if (missing.length) throw new AppError('competition.application_incomplete', { missing, first: missing[0], count: missing.length });
    const bad = checkCounts(rulesOfYear(year).pointsTable, app.counts);
    if (bad) throw new AppError('competition.count_invalid', { indicator: bad.indicator, problem: bad.problem });
    const now = deps.now();
    const set = { state: 'stage_i' as const, stageOneEnteredAt: now, stageOneEnteredBy: actor.id, updatedAt: now };
    await updateApplication(tx, app.id, set);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.application_entered_stage_i',
      subjectType: 'competition_application',
      subjectId: app.id,
      payload: { commissionId: commission.id, memberOrganisationId: app.memberOrganisationId, group: app.group, counts: app.counts },
    });
    return { ...app, ...set };
  });
}

/**
 * RC-10, RC-19 (points 11, 19, 20): the chair of the member organisation's commission records its
 * stage I result in a group — the candidate with the most points by the accepted counts goes to
 * stage II. Another candidate with the same total needs the commission's written reason (the
 * software never chooses); a candidate with fewer points is refused, and so is a second candidate
 * in a group that already has one (point 11).
 */
export async function selectForStageTwo(
  deps: AppDeps,
  actor: Actor & { id: string },
  viewer: Viewer,
  organisationId: string,
  id: string,
  input: { reason?: string },
) {
  try {
    return await deps.db.transaction(async (tx) => {
      const app = await visibleApplication(tx, organisationId, viewer, await findApplication(tx, organisationId, id, true));
      const year = await yearOrThrow(deps, organisationId, app.yearId, false, tx);
      assertNotPublished(year);
      const commission = await regionalCommission(tx, app.yearId, app.memberOrganisationId);
      if (!commission || !(await findCommissionMember(tx, commission.id, viewer.userId))?.chair)
        throw new AppError('competition.stage_i_not_chair');
      if (app.state !== 'stage_i') throw new AppError('competition.application_not_in_stage_i', { state: app.state });
      const other = await nominatedInGroup(tx, app);
      if (other)
        throw new AppError('competition.group_already_nominated', {
          group: app.group,
          candidate: other.questionnaire.fullName ?? '',
          point: '11',
        });
      const rivals = (
        await listApplications(tx, app.yearId, { memberOrganisationId: app.memberOrganisationId, states: ['stage_i'] })
      ).filter((a) => a.group === app.group);
      const reviews = await reviewsOf(
        tx,
        rivals.map((a) => a.id),
        commission.id,
      );
      const totals = new Map(rivals.map((a) => [a.id, applicationScore(year, a, reviews).accepted.total]));
      const own = totals.get(app.id)!;
      const best = rivals.reduce((b, a) => (totals.get(a.id)! > totals.get(b.id)! ? a : b), app);
      if (totals.get(best.id)! > own)
        throw new AppError('competition.stage_i_not_highest', {
          candidate: best.questionnaire.fullName ?? '',
          total: totals.get(best.id),
          own,
          point: '20',
        });
      const tied = rivals.filter((a) => a.id !== app.id && totals.get(a.id) === own);
      const reason = input.reason?.trim() ?? '';
      if (tied.length && reason.length < 3)
        throw new AppError('competition.stage_i_tie_reason_required', {
          candidates: tied.map((a) => a.questionnaire.fullName ?? '').join(', '),
          total: own,
        });
      const now = deps.now();
      const row = {
        id: randomUUID(),
        organisationId,
        yearId: app.yearId,
        commissionId: commission.id,
        memberOrganisationId: app.memberOrganisationId,
        group: app.group,
        applicationId: app.id,
        total: own,
        tiedWith: tied.map((a) => a.id),
        reason,
        decidedBy: viewer.userId,
        decidedAt: now,
      };
      await insertStageOneResult(tx, row);
      await updateApplication(tx, app.id, { state: 'nominated', updatedAt: now });
      await recordCompetitionEvent(tx, deps, {
        organisationId,
        actor,
        action: 'competition.stage_i_winner_selected',
        subjectType: 'competition_application',
        subjectId: app.id,
        payload: { ...row, decidedAt: now.toISOString() },
      });
      return row;
    });
  } catch (e) {
    // Two selections in one group at once: the database's one-per-group index decides (point 11).
    if (!isUniqueViolation(e)) throw e;
    const app = await findApplication(deps.db, organisationId, id);
    const other = app && (await nominatedInGroup(deps.db, app));
    throw new AppError('competition.group_already_nominated', {
      group: app?.group,
      candidate: other?.questionnaire.fullName ?? '',
      point: '11',
    });
  }
}
