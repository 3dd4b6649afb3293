import type { AppDeps } from '../../platform/deps.ts';
import { AppError, isUniqueViolation } from '../../platform/errors.ts';
import { formatDate } from '../../platform/format.ts';
import { hashPayload } from '../../platform/ledger/ledger.hash.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { assertMayPrepare, visibleApplication, type Viewer } from '../competition-access.ts';
import { recordCompetitionEvent } from '../competition-ledger.ts';
import { checkCounts } from '../regulation/checkCounts.ts';
import { isLate } from '../regulation/deadlines.ts';
import { assertNotPublished, rulesOfYear, yearOrThrow } from '../years/years.usecases.ts';
import { documentsOf, findApplication, nominatedInGroup, updateApplication, type ApplicationRow } from './applications.repository.ts';
import { regionalCommission, stageOneResultOf } from '../judging/judging.repository.ts';
import { findMemberOrganisation } from '../member-organisations/member-organisations.repository.ts';
import { missingForSubmission } from './evidence-flags.ts';

/**
 * RC-16, RC-10: the member organisation sends the application to stage II. Refused after the
 * deadline of point 16 (judged in the union's zone), when incomplete, or when the member
 * organisation already sent a candidate in this group (point 11). The receipt is the SHA-256 of
 * what was submitted — the fields and every document by its hash — and the application is frozen.
 * Where the member organisation holds stage I on the platform, only its stage I winner is sent.
 */
export async function submitApplication(deps: AppDeps, actor: Actor & { id: string }, viewer: Viewer, organisationId: string, id: string) {
  try {
    return await deps.db.transaction(async (tx) => {
      const app = await visibleApplication(tx, organisationId, viewer, await findApplication(tx, organisationId, id, true));
      await assertMayPrepare(tx, organisationId, viewer, app.memberOrganisationId);
      await assertMaySend(tx, organisationId, app);
      const year = await yearOrThrow(deps, organisationId, app.yearId, false, tx);
      assertNotPublished(year);
      const rules = rulesOfYear(year);
      const now = deps.now();
      if (isLate(now, { closesAt: year.submissionClosesAt }))
        throw new AppError('competition.submission_late', {
          due: formatDate(year.submissionDueOn),
          point: rules.deadlines.submission.point,
        });
      const documents = await documentsOf(tx, [app.id]);
      // A candidate selected at stage I on the platform has its nominating decision there: the stage I result.
      const missing = missingForSubmission(app, documents).filter((m) => m !== 'nominating_decision' || app.state !== 'nominated');
      if (missing.length) throw new AppError('competition.application_incomplete', { missing, first: missing[0], count: missing.length });
      const bad = checkCounts(rules.pointsTable, app.counts);
      if (bad) throw new AppError('competition.count_invalid', { indicator: bad.indicator, problem: bad.problem });
      const other = await nominatedInGroup(tx, app);
      if (other)
        throw new AppError('competition.group_already_nominated', {
          group: app.group,
          candidate: other.questionnaire.fullName ?? '',
          point: '11',
        });
      const stageOne = app.state === 'nominated' ? await stageOneResultOf(tx, app.id) : undefined;
      const receipt = {
        applicationId: app.id,
        reportingYear: year.reportingYear,
        rulesId: rules.id,
        memberOrganisationId: app.memberOrganisationId,
        group: app.group,
        educationOrganisationType: app.educationOrganisationType,
        questionnaire: app.questionnaire,
        characteristic: app.characteristic,
        explanatoryNote: app.explanatoryNote,
        counts: app.counts,
        documents: documents.map((d) => ({
          id: d.id,
          kind: d.kind,
          indicatorId: d.indicatorId,
          eventDate: d.eventDate,
          title: d.title,
          fileName: d.fileName,
          sha256: d.sha256,
          size: d.size,
        })),
        ...(stageOne ? { stageOneResultId: stageOne.id, stageOneCommissionId: stageOne.commissionId } : {}),
        submittedAt: now.toISOString(),
        submittedBy: actor.id,
      };
      const receiptSha256 = hashPayload(receipt);
      const set = { state: 'submitted' as const, submittedAt: now, submittedBy: actor.id, receipt, receiptSha256, updatedAt: now };
      await updateApplication(tx, app.id, set);
      await recordCompetitionEvent(tx, deps, {
        organisationId,
        actor,
        action: 'competition.application_submitted',
        subjectType: 'competition_application',
        subjectId: app.id,
        payload: { receiptSha256, group: app.group, memberOrganisationId: app.memberOrganisationId },
      });
      return { ...app, ...set };
    });
  } catch (e) {
    // Two submissions in the same group at once: the database's one-per-group index decides.
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

/**
 * RC-10 (points 10, 11): what may be sent to stage II — a draft, when the member organisation holds
 * its stage I off the platform (its nominating decision attached), or the candidate its commission
 * selected at stage I on the platform; never another stage I candidate.
 */
async function assertMaySend(tx: Parameters<typeof regionalCommission>[0], organisationId: string, app: ApplicationRow) {
  if (app.state === 'nominated') return;
  if (app.state === 'stage_i') throw new AppError('competition.not_selected_at_stage_i', { group: app.group, point: '11' });
  if (app.state !== 'draft') throw new AppError('competition.application_not_draft', { state: app.state });
  if (await regionalCommission(tx, app.yearId, app.memberOrganisationId)) {
    const mo = await findMemberOrganisation(tx, organisationId, app.memberOrganisationId);
    throw new AppError('competition.stage_i_required', { memberOrganisation: mo?.nameKk ?? '', point: '10' });
  }
}
