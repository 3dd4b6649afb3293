import { randomUUID } from 'node:crypto';
import { QUESTIONNAIRE_FIELDS, type EducationOrganisationType, type Questionnaire } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { assertMayPrepare, visibleApplication, type Viewer } from '../competition-access.ts';
import { isCalendarDate, recordCompetitionEvent } from '../competition-ledger.ts';
import { findMemberOrganisation } from '../member-organisations/member-organisations.repository.ts';
import { checkCounts } from '../regulation/checkCounts.ts';
import type { IndicatorCounts } from '../regulation/scoreApplication.ts';
import { assertNotPublished, rulesOfYear, yearOrThrow } from '../years/years.usecases.ts';
import { findApplication, insertApplication, updateApplication, type ApplicationRow } from './applications.repository.ts';

export interface DraftFields {
  educationOrganisationType?: EducationOrganisationType;
  questionnaire?: Partial<Questionnaire>;
  characteristic?: string;
  explanatoryNote?: string;
  counts?: IndicatorCounts;
}

function checkFields(rules: ReturnType<typeof rulesOfYear>, f: DraftFields) {
  const birth = f.questionnaire?.birthDate?.trim();
  if (birth && !isCalendarDate(birth)) throw new AppError('competition.date_invalid', { field: 'birthDate', value: birth });
  if (f.counts) {
    const bad = checkCounts(rules.pointsTable, f.counts);
    if (bad) throw new AppError('competition.count_invalid', { indicator: bad.indicator, problem: bad.problem });
  }
}

const trimmed = (q: Partial<Questionnaire> = {}) =>
  Object.fromEntries(QUESTIONNAIRE_FIELDS.flatMap((k) => (q[k] === undefined ? [] : [[k, q[k]!.trim()]]))) as Partial<Questionnaire>;

/** RC-16: a member organisation starts a candidate's application; its group follows from the type of education organisation (RC-9). */
export async function createApplication(
  deps: AppDeps,
  actor: Actor & { id: string },
  viewer: Viewer,
  organisationId: string,
  yearId: string,
  input: DraftFields & { memberOrganisationId: string; educationOrganisationType: EducationOrganisationType },
) {
  return deps.db.transaction(async (tx) => {
    const year = await yearOrThrow(deps, organisationId, yearId, false, tx);
    assertNotPublished(year);
    if (!(await findMemberOrganisation(tx, organisationId, input.memberOrganisationId)))
      throw new AppError('competition.member_organisation_not_found');
    await assertMayPrepare(tx, organisationId, viewer, input.memberOrganisationId);
    const rules = rulesOfYear(year);
    checkFields(rules, input);
    const now = deps.now();
    const row: ApplicationRow = {
      id: randomUUID(),
      organisationId,
      yearId,
      memberOrganisationId: input.memberOrganisationId,
      educationOrganisationType: input.educationOrganisationType,
      group: rules.groups[input.educationOrganisationType],
      questionnaire: trimmed(input.questionnaire),
      characteristic: input.characteristic?.trim() ?? '',
      explanatoryNote: input.explanatoryNote?.trim() ?? '',
      counts: input.counts ?? {},
      state: 'draft',
      fatalAccidentOn: null,
      fatalAccidentNote: null,
      excludedPoint: null,
      excludedAt: null,
      stageOneEnteredAt: null,
      stageOneEnteredBy: null,
      submittedAt: null,
      submittedBy: null,
      receiptSha256: null,
      receipt: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    };
    await insertApplication(tx, row);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.application_created',
      subjectType: 'competition_application',
      subjectId: row.id,
      payload: { yearId, memberOrganisationId: row.memberOrganisationId, group: row.group, counts: row.counts },
    });
    return row;
  });
}

/** A draft is edited: questionnaire fields merge; counts replace the table and are checked against it (RC-A1). */
export async function updateDraft(deps: AppDeps, actor: Actor, viewer: Viewer, organisationId: string, id: string, input: DraftFields) {
  return deps.db.transaction(async (tx) => {
    const app = await visibleApplication(tx, organisationId, viewer, await findApplication(tx, organisationId, id, true));
    await assertMayPrepare(tx, organisationId, viewer, app.memberOrganisationId);
    if (app.state !== 'draft') throw new AppError('competition.application_not_draft', { state: app.state });
    const year = await yearOrThrow(deps, organisationId, app.yearId, false, tx);
    assertNotPublished(year);
    const rules = rulesOfYear(year);
    checkFields(rules, input);
    const set: Partial<ApplicationRow> = { updatedAt: deps.now() };
    if (input.educationOrganisationType) {
      set.educationOrganisationType = input.educationOrganisationType;
      set.group = rules.groups[input.educationOrganisationType];
    }
    if (input.questionnaire) set.questionnaire = { ...app.questionnaire, ...trimmed(input.questionnaire) };
    if (input.characteristic !== undefined) set.characteristic = input.characteristic.trim();
    if (input.explanatoryNote !== undefined) set.explanatoryNote = input.explanatoryNote.trim();
    if (input.counts) set.counts = input.counts;
    await updateApplication(tx, app.id, set);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.application_updated',
      subjectType: 'competition_application',
      subjectId: app.id,
      payload: { ...set, updatedAt: undefined },
    });
    return { ...app, ...set };
  });
}

/**
 * RC-8: a fatal work accident in the candidate's organisation in the reporting year excludes the
 * candidate (point 8), whatever stage the application is at; an accident in another year does not.
 */
export async function recordFatalAccident(
  deps: AppDeps,
  actor: Actor,
  viewer: Viewer,
  organisationId: string,
  id: string,
  input: { occurredOn: string; note: string },
) {
  if (!isCalendarDate(input.occurredOn)) throw new AppError('competition.date_invalid', { field: 'occurredOn', value: input.occurredOn });
  return deps.db.transaction(async (tx) => {
    const app = await visibleApplication(tx, organisationId, viewer, await findApplication(tx, organisationId, id, true));
    await assertMayPrepare(tx, organisationId, viewer, app.memberOrganisationId);
    const year = await yearOrThrow(deps, organisationId, app.yearId, false, tx);
    assertNotPublished(year);
    if (app.state === 'excluded') throw new AppError('competition.already_excluded', { point: app.excludedPoint });
    if (!input.occurredOn.startsWith(`${year.reportingYear}-`))
      throw new AppError('competition.fatal_accident_outside_year', { year: year.reportingYear, occurredOn: input.occurredOn });
    const point = rulesOfYear(year).fatalAccidentPoint;
    const set = {
      state: 'excluded' as const,
      fatalAccidentOn: input.occurredOn,
      fatalAccidentNote: input.note.trim(),
      excludedPoint: point,
      excludedAt: deps.now(),
      updatedAt: deps.now(),
    };
    await updateApplication(tx, app.id, set);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.application_excluded',
      subjectType: 'competition_application',
      subjectId: app.id,
      payload: { point, occurredOn: input.occurredOn, note: set.fatalAccidentNote, previousState: app.state },
    });
    return { ...app, ...set };
  });
}
