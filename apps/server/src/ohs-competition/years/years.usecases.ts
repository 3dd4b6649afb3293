import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { findOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import { recordCompetitionEvent } from '../competition-ledger.ts';
import { rulesById, rulesInForce, type CompetitionRules } from '../regulation/competition-rules.ts';
import { deadlineOf, isLate } from '../regulation/deadlines.ts';
import { findYear, findYearByNumber, insertYear, type YearRow } from './years.repository.ts';

/**
 * RC-4: the competition for a reporting year opens. It pins the regulation version in force today
 * and fixes its deadlines (points 16 and 21) in the union's zone. One per reporting year; a year
 * not yet begun has nothing to report.
 */
export async function openYear(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, input: { reportingYear: number }) {
  const org = await findOrganisation(deps.db, organisationId);
  if (!org) throw new AppError('organisation.not_found');
  const today = dateInZone(deps.now(), org.timeZone);
  const current = Number(today.slice(0, 4));
  if (input.reportingYear > current || input.reportingYear < current - 5)
    throw new AppError('competition.year_invalid', { year: input.reportingYear, from: current - 5, to: current });
  const rules = rulesInForce(today);
  const submission = deadlineOf(input.reportingYear, rules.deadlines.submission, org.timeZone);
  const results = deadlineOf(input.reportingYear, rules.deadlines.results, org.timeZone);
  return deps.db.transaction(async (tx) => {
    if (await findYearByNumber(tx, organisationId, input.reportingYear))
      throw new AppError('competition.year_exists', { year: input.reportingYear });
    const row: YearRow = {
      id: randomUUID(),
      organisationId,
      reportingYear: input.reportingYear,
      rulesId: rules.id,
      timeZone: org.timeZone,
      submissionDueOn: submission.dueOn,
      submissionClosesAt: submission.closesAt,
      resultsDueOn: results.dueOn,
      resultsClosesAt: results.closesAt,
      openedBy: actor.id,
      openedAt: deps.now(),
      publishedAt: null,
    };
    await insertYear(tx, row);
    await recordCompetitionEvent(tx, deps, {
      organisationId,
      actor,
      action: 'competition.year_opened',
      subjectType: 'competition_year',
      subjectId: row.id,
      payload: { ...row, openedAt: undefined },
    });
    return row;
  });
}

/** The rules a year pinned (a version is never removed once a year has used it). */
export function rulesOfYear(year: Pick<YearRow, 'rulesId'>): CompetitionRules {
  const rules = rulesById(year.rulesId);
  if (!rules) throw new Error(`competition year pins unknown rules ${year.rulesId}`);
  return rules;
}

/** A year of this organisation, or a coded "not found". */
export async function yearOrThrow(deps: AppDeps, organisationId: string, yearId: string, forUpdate = false, db = deps.db) {
  const year = await findYear(db, organisationId, yearId, forUpdate);
  if (!year) throw new AppError('competition.year_not_found');
  return year;
}

/** Nothing of a year changes once its results are published (RC-24). */
export function assertNotPublished(year: YearRow) {
  if (year.publishedAt) throw new AppError('competition.year_published', { year: year.reportingYear });
}

/** The year as the API and the pages show it: its rules, their readings and where each deadline stands now. */
export function yearView(year: YearRow, now: Date) {
  const rules = rulesOfYear(year);
  const deadline = (point: string, dueOn: string, closesAt: Date) => ({ point, dueOn, closesAt, passed: isLate(now, { closesAt }) });
  return {
    id: year.id,
    reportingYear: year.reportingYear,
    rules: { id: rules.id, wording: rules.wording, readings: rules.pointsTable.readings, places: rules.places },
    timeZone: year.timeZone,
    submission: deadline(rules.deadlines.submission.point, year.submissionDueOn, year.submissionClosesAt),
    results: deadline(rules.deadlines.results.point, year.resultsDueOn, year.resultsClosesAt),
    openedAt: year.openedAt,
    publishedAt: year.publishedAt,
  };
}
