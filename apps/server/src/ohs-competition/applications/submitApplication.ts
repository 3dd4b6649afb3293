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
import { documentsOf, findApplication, nominatedInGroup, updateApplication } from './applications.repository.ts';
import { missingForSubmission } from './evidence-flags.ts';

/**
 * RC-16, RC-10: the member organisation sends the application to stage II. Refused after the
 * deadline of point 16 (judged in the union's zone), when incomplete, or when the member
 * organisation already sent a candidate in this group (point 11). The receipt is the SHA-256 of
 * what was submitted — the fields and every document by its hash — and the application is frozen.
 */
export async function submitApplication(deps: AppDeps, actor: Actor & { id: string }, viewer: Viewer, organisationId: string, id: string) {
  try {
    return await deps.db.transaction(async (tx) => {
      const app = await visibleApplication(tx, organisationId, viewer, await findApplication(tx, organisationId, id, true));
      await assertMayPrepare(tx, organisationId, viewer, app.memberOrganisationId);
      if (app.state !== 'draft') throw new AppError('competition.application_not_draft', { state: app.state });
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
      const missing = missingForSubmission(app, documents);
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
