import type { AppDeps } from '../../platform/deps.ts';
import { rulesOfYear } from '../years/years.usecases.ts';
import type { YearRow } from '../years/years.repository.ts';
import { scoreApplication } from '../regulation/scoreApplication.ts';
import { documentsOf, sharedHashesOfYear, type ApplicationRow, type DocumentRow } from './applications.repository.ts';
import { evidenceFlags, missingAttachments, missingForSubmission } from './evidence-flags.ts';

/** An application as a list shows it. */
export const applicationSummary = (a: ApplicationRow) => ({
  id: a.id,
  yearId: a.yearId,
  memberOrganisationId: a.memberOrganisationId,
  group: a.group,
  educationOrganisationType: a.educationOrganisationType,
  candidate: a.questionnaire.fullName ?? '',
  state: a.state,
  submittedAt: a.submittedAt,
  receiptSha256: a.receiptSha256,
  excludedPoint: a.excludedPoint,
  fatalAccidentOn: a.fatalAccidentOn,
});

export const documentView = (d: DocumentRow) => ({
  id: d.id,
  kind: d.kind,
  indicatorId: d.indicatorId,
  eventDate: d.eventDate,
  title: d.title,
  fileName: d.fileName,
  mime: d.mime,
  sha256: d.sha256,
  size: d.size,
  uploadedAt: d.uploadedAt,
});

/**
 * Everything the member organisation and the commission see of one application: the fields, the
 * documents, the evidence flags (RC-18), what point 16 still misses, and the score the claimed
 * counts would earn by the year's table.
 */
export async function applicationDetail(deps: AppDeps, year: YearRow, app: ApplicationRow) {
  const [documents, shared] = await Promise.all([documentsOf(deps.db, [app.id]), sharedHashesOfYear(deps.db, year.id)]);
  const rules = rulesOfYear(year);
  return {
    ...applicationSummary(app),
    questionnaire: app.questionnaire,
    characteristic: app.characteristic,
    explanatoryNote: app.explanatoryNote,
    counts: app.counts,
    fatalAccidentNote: app.fatalAccidentNote,
    documents: documents.map(documentView),
    flags: evidenceFlags(app, year.reportingYear, documents, shared),
    missingAttachments: missingAttachments(documents),
    missingForSubmission: app.state === 'draft' ? missingForSubmission(app, documents) : [],
    claimed: scoreApplication(rules.pointsTable, app.counts),
  };
}
