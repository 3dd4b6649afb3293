import { createHash, randomUUID } from 'node:crypto';
import type {
  AnalysisDirection,
  AnnualAnalysisFigures,
  AnnualPlaceLine,
  IndicatorDefinition,
  IndicatorValue,
  Locale,
  NoticeAddressees,
} from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { publishNewNotice } from '../notices/notices.usecases.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyHeads } from '../pc-notify.ts';
import { activityOfMonth, placeNames, type MonthWindow } from '../reports/monthly-figures.repository.ts';
import { indicatorCounts, officialsOfYear, type IndicatorCounts } from './annual-figures.repository.ts';
import { analysesOf, findAnalysis, insertAnalysis, insertAnalysisApproval } from './analysis.repository.ts';
import { definitionsInForce } from './indicators.repository.ts';

type User = Actor & { id: string };
const SHARES = new Set(['measures_closed_on_time_share', 'reopened_share', 'inspections_done_share']);

/** The year's bounds in the organisation's zone; states are taken at its end, or now while it runs. */
export function yearWindow(deps: AppDeps, organisationId: string, year: number): MonthWindow {
  const now = deps.now();
  if (!Number.isInteger(year) || year < 2000 || year > Number(dateInZone(now).slice(0, 4)))
    throw new AppError('pc.analysis_year_invalid', { field: 'year', value: year });
  const from = startOfDayInZone(`${year}-01-01`);
  const to = startOfDayInZone(`${year + 1}-01-01`);
  const asOf = now < to ? now : to;
  return { organisationId, firstDay: `${year}-01-01`, lastDay: `${year}-12-31`, from, to, asOf, today: dateInZone(asOf) };
}

/** An indicator's value from its counts: a share in %, else a ratio; met against the target in its direction. */
export function indicatorValue(d: IndicatorDefinition, c: Pick<IndicatorCounts, 'numerator' | 'denominator'> | undefined): IndicatorValue {
  const numerator = c?.numerator ?? 0;
  const denominator = c?.denominator ?? 0;
  const raw = denominator ? (SHARES.has(d.formula) ? (100 * numerator) / denominator : numerator / denominator) : null;
  const value = raw === null ? null : Math.round(raw * 10) / 10;
  const met = value === null ? null : d.direction === 'at_least' ? value >= d.target : value <= d.target;
  return { code: d.code, numerator, denominator, value, met };
}

/**
 * R315-20: the year's analysis — every indicator in use per responsible official and for the
 * organisation, and the inspection results per facility and unit.
 */
export async function annualFigures(deps: AppDeps, db: DbOrTx, organisationId: string, year: number): Promise<AnnualAnalysisFigures> {
  const w = yearWindow(deps, organisationId, year);
  const [definitions, counts, officials, activity, places] = await Promise.all([
    definitionsInForce(db, organisationId),
    indicatorCounts(db, w),
    officialsOfYear(db, w),
    activityOfMonth(db, w),
    placeNames(db, organisationId),
  ]);
  const used = definitions.filter((d) => d.active);
  const countOf = (personId: string | null, d: IndicatorDefinition) =>
    counts.find((c) => c.personId === personId && c.formula === d.formula);
  const people = new Map(officials.map((o) => [o.personId, o.fullName]));
  // Someone counted without an appointment in the year (e.g. the service's head inspecting) still appears.
  const missing = counts.filter((c) => c.personId && !people.has(c.personId)).map((c) => c.personId!);
  if (missing.length) {
    const { namesOf } = await import('../instructions/instructions.repository.ts');
    for (const [id, name] of await namesOf(db, missing)) people.set(id, name);
  }
  const facilityName = new Map(places.map((p) => [p.facilityId, p.facility]));
  const unitName = new Map(places.filter((p) => p.unitId).map((p) => [p.unitId!, p.unit!]));
  const lines: AnnualPlaceLine[] = activity
    .map((a) => ({
      facilityId: a.facilityId,
      facility: facilityName.get(a.facilityId) ?? '',
      unitId: a.unitId,
      unit: a.unitId ? (unitName.get(a.unitId) ?? '') : null,
      planned: a.planned,
      inspected: { scheduled: a.scheduled, extraordinary: a.extraordinary, comprehensive: a.comprehensive },
      violationsFound: a.violationsFound,
      dangerousFound: a.dangerousFound,
      instructionsIssued: a.instructionsIssued,
    }))
    .sort((a, b) => a.facility.localeCompare(b.facility) || (a.unit ?? '').localeCompare(b.unit ?? ''));
  return {
    year,
    asOf: w.asOf.toISOString(),
    definitions: used,
    officials: [...people]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([personId, fullName]) => ({ personId, fullName, indicators: used.map((d) => indicatorValue(d, countOf(personId, d))) })),
    organisation: used.map((d) => indicatorValue(d, countOf(null, d))),
    places: lines,
  };
}

const sha256 = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');

/**
 * R315-20: the service presents the year's analysis with its directions for improvement to the head
 * once the year is over; figures and directions are frozen as a new version only when they changed.
 */
export async function presentAnnualAnalysis(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  year: number,
  directions: AnalysisDirection[],
) {
  const w = yearWindow(deps, organisationId, year);
  if (deps.now() < w.to) throw new AppError('pc.analysis_year_not_over', { year });
  const cleaned = directions.map((d) => ({ title: d.title.trim(), text: d.text.trim() }));
  if (!cleaned.length || cleaned.some((d) => !d.title || !d.text))
    throw new AppError('pc.analysis_directions_required', { field: 'directions' });
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const figures = await annualFigures(deps, tx, organisationId, year);
    const hash = sha256({ figures: { ...figures, asOf: undefined }, directions: cleaned });
    const [latest] = await analysesOf(tx, organisationId, year);
    if (latest?.sha256 === hash) throw new AppError('pc.analysis_unchanged', { year, version: latest.version });
    const now = deps.now();
    const row = {
      id: randomUUID(),
      organisationId,
      year,
      version: (latest?.version ?? 0) + 1,
      figures,
      directions: cleaned,
      sha256: hash,
      presentedBy: actor.id,
      presentedAt: now,
    };
    await insertAnalysis(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.annual_analysis_presented',
      subjectType: 'pc_annual_analysis',
      subjectId: row.id,
      payload: { year, version: row.version, sha256: hash, organisation: figures.organisation },
    });
    await notifyHeads(tx, organisationId, 'pc.annual_analysis_presented', { analysisId: row.id, year, version: row.version }, now);
    return { ...row, approval: null };
  });
}

/** R315-20: the head approves the latest presented version of the year's analysis, once. */
export async function approveAnnualAnalysis(deps: AppDeps, actor: User, organisationId: string, analysisId: string) {
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const a = await findAnalysis(tx, organisationId, analysisId);
    if (!a) throw new AppError('pc.analysis_not_found');
    if (a.approval) throw new AppError('pc.analysis_already_approved', { year: a.year, version: a.version });
    const [latest] = await analysesOf(tx, organisationId, a.year);
    if (latest && latest.version !== a.version)
      throw new AppError('pc.analysis_superseded', { year: a.year, version: a.version, latest: latest.version });
    const now = deps.now();
    await insertAnalysisApproval(tx, { analysisId, organisationId, approvedBy: actor.id, approvedAt: now });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.annual_analysis_approved',
      subjectType: 'pc_annual_analysis',
      subjectId: analysisId,
      payload: { year: a.year, version: a.version, sha256: a.sha256 },
    });
    return { ...a, approval: { approvedBy: actor.id, approvedAt: now } };
  });
}

/**
 * R315-20: from an approved analysis the service tells staff of the violations found and their
 * causes in one step — a point-20 notice whose text lists the year's violations per place (from
 * the approved figures) followed by the causes the service wrote.
 */
export async function publishViolationsNotice(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  analysisId: string,
  input: { causes: string; addressees: NoticeAddressees; language: Locale; acknowledgeWithinDays: number },
) {
  return deps.db.transaction(async (tx) => {
    const a = await findAnalysis(tx, organisationId, analysisId);
    if (!a) throw new AppError('pc.analysis_not_found');
    if (!a.approval) throw new AppError('pc.analysis_not_approved', { year: a.year, version: a.version });
    const t = deps.translator.forLocale(input.language);
    const places = a.figures.places
      .filter((p) => p.violationsFound > 0)
      .map((p) =>
        t('common:pc.analysis.notice.line', {
          place: p.unit ? `${p.facility} — ${p.unit}` : p.facility,
          found: p.violationsFound,
          dangerous: p.dangerousFound,
        }),
      );
    const body = [
      t('common:pc.analysis.notice.intro', { year: a.year }),
      ...places.map((l) => `• ${l}`),
      '',
      t('common:pc.analysis.notice.causes'),
      input.causes.trim(),
    ].join('\n');
    return publishNewNotice(tx, deps, actor, organisationId, {
      kind: 'violations',
      subject: t('common:pc.analysis.notice.subject', { year: a.year }),
      body,
      language: input.language,
      addressees: input.addressees,
      acknowledgeWithinDays: input.acknowledgeWithinDays,
      analysisId,
    });
  });
}
