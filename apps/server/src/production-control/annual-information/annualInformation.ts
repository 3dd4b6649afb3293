import {
  ANNUAL_REQUIRED_TEXTS,
  ANNUAL_SECTIONS,
  type AnnualInformationFigures,
  type DevicesLine,
  type OfficialLine,
  type PlanState,
} from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/format.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import type { DocumentSpec } from '../documents/documents.ts';
import { placeNames } from '../reports/monthly-figures.repository.ts';
import { management, planMeasures, plansOfYear, type YearWindow } from './annual-figures.repository.ts';
import { accidentsOfYear, responsePlans, technicalObjects, trainingOfYear, violationsOfYear } from './annual-registers.repository.ts';

/** A date column as yyyy-mm-dd, a timestamp as its day in the organisation's zone. */
export const dayOf = (v: Date | string) => (v instanceof Date ? dateInZone(v) : String(v).slice(0, 10));
export const dayOrNull = (v: Date | string | null) => (v === null ? null : dayOf(v));
const arr = (v: unknown): string[] =>
  Array.isArray(v) ? v : typeof v === 'string' ? v.replace(/[{}]/g, '').split(',').filter(Boolean) : [];

/** The year's bounds in the organisation's zone; states are taken at its end, or now while it runs. */
export function yearWindow(deps: AppDeps, organisationId: string, raw: string | undefined): YearWindow {
  const year = Number(raw);
  const now = deps.now();
  const current = Number(dateInZone(now).slice(0, 4));
  if (!/^\d{4}$/.test(raw ?? '') || year < 2000 || year > current)
    throw new AppError('pc.document_year_invalid', { field: 'year', value: raw ?? '', max: current });
  const from = startOfDayInZone(`${year}-01-01`);
  const to = startOfDayInZone(`${year + 1}-01-01`);
  const asOf = now < to ? now : to;
  const lastDay = `${year}-12-31`;
  const today = dateInZone(now);
  return { organisationId, year, firstDay: `${year}-01-01`, lastDay, from, to, asOf, endDay: today < lastDay ? today : lastDay, now };
}

export const officialLines = (
  rows: Awaited<ReturnType<typeof management>>['officials'],
  facility: Map<string, string>,
  unit: Map<string, string>,
): OfficialLine[] =>
  rows.map((o) => ({
    fullName: o.fullName,
    position: o.position,
    order: `№ ${o.orderNumber}, ${formatDate(dayOf(o.orderDate))}`,
    facilities: arr(o.facilityIds).map((id) => facility.get(id) ?? ''),
    units: arr(o.unitIds).map((id) => unit.get(id) ?? ''),
  }));

const planState = (p: Awaited<ReturnType<typeof plansOfYear>>[number] | undefined): PlanState | null =>
  p
    ? {
        year: p.year,
        title: p.title,
        version: p.version,
        approvedOn: dayOrNull(p.approvedAt),
        measures: p.measures,
        done: p.done,
        doneOnTime: p.doneOnTime,
      }
    : null;

/** R315-26: the figures of the annual information, section by section, for one year. */
export async function annualFigures(deps: AppDeps, db: DbOrTx, organisationId: string, period: string): Promise<AnnualInformationFigures> {
  const w = yearWindow(deps, organisationId, period);
  const [plans, mgmt, viol, rplans, objects, accidents, training, places] = await Promise.all([
    plansOfYear(db, w),
    management(db, w),
    violationsOfYear(db, w),
    responsePlans(db, organisationId, w.endDay),
    technicalObjects(db, organisationId, w.firstDay, w.endDay),
    accidentsOfYear(db, w),
    trainingOfYear(db, organisationId, w.firstDay, w.endDay),
    placeNames(db, organisationId),
  ]);
  const facility = new Map(places.map((p) => [p.facilityId, p.facility]));
  const unit = new Map(places.filter((p) => p.unitId).map((p) => [p.unitId!, p.unit!]));
  const past = plans.find((p) => p.year === w.year);
  const measures = past ? await planMeasures(db, past.versionId, w.lastDay) : [];

  const sum = <K extends keyof (typeof viol)[number]>(k: K) => viol.reduce((n, r) => n + Number(r[k]), 0);
  const found = sum('found');
  const eliminated = sum('eliminated');
  const [issued, closed, cancelled] = [sum('issued'), sum('closed'), sum('cancelled')];

  const plansLines = rplans.map((p) => ({
    facility: p.facility,
    title: p.title,
    version: p.version,
    approvedOn: dayOrNull(p.approvedAt),
    validUntil: dayOrNull(p.validUntil),
    state: (!p.title ? 'none' : !p.approvedAt ? 'not_approved' : p.validUntil && dayOf(p.validUntil) < w.endDay ? 'expired' : 'valid') as
      'none' | 'not_approved' | 'expired' | 'valid',
  }));
  const deviceLines: DevicesLine[] = objects
    .map((o) => ({ facility: facility.get(o.facilityId) ?? '', ...pick(o) }))
    .sort((a, b) => a.facility.localeCompare(b.facility));
  const totals = { devices: 0, buildings: 0, structures: 0, examined: 0, unfit: 0, overdue: 0 };
  for (const l of deviceLines) for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += l[k];
  const count = (k: string) => accidents.filter((a) => a.kind === k).length;

  return {
    year: w.year,
    asOf: w.asOf.toISOString(),
    plan: {
      past: planState(past),
      current: planState(plans.find((p) => p.year === w.year + 1)),
      measures: measures.map((m) => ({ ...m, dueOn: dayOf(m.dueOn), doneOn: dayOrNull(m.doneOn) })),
    },
    management: {
      facilities: mgmt.counts.facilities,
      units: mgmt.counts.units,
      officials: officialLines(mgmt.officials, facility, unit),
      schedule: mgmt.schedule
        ? {
            revision: mgmt.schedule.revision,
            approvedOn: dayOrNull(mgmt.schedule.approvedAt),
            planned: mgmt.schedule.planned,
            done: mgmt.schedule.done,
          }
        : null,
    },
    violations: {
      inspections: { scheduled: sum('scheduled'), extraordinary: sum('extraordinary'), comprehensive: sum('comprehensive') },
      found,
      dangerous: sum('dangerous'),
      eliminatedOnSpot: sum('onSpot'),
      eliminated,
      open: found - eliminated,
      instructions: { issued, closed, cancelled, inForce: issued - closed - cancelled },
      proposals: { suspendWork: sum('suspendWork'), removeStaff: sum('removeStaff'), accepted: sum('accepted') },
      byFacility: viol
        .map((r) => ({
          facility: facility.get(r.facilityId) ?? '',
          inspections: r.scheduled + r.extraordinary + r.comprehensive,
          found: r.found,
          eliminated: r.eliminated,
          open: r.found - r.eliminated,
        }))
        .sort((a, b) => a.facility.localeCompare(b.facility)),
    },
    readiness: {
      plans: plansLines,
      withoutValidPlan: plansLines.filter((p) => p.state !== 'valid').length,
      extraordinaryInspections: sum('extraordinary'),
    },
    devices: { lines: deviceLines, totals },
    accidents: {
      counts: { accident: count('accident'), incident: count('incident'), injury: count('injury') },
      injured: accidents.reduce((n, a) => n + a.injured, 0),
      fatalities: accidents.reduce((n, a) => n + a.fatalities, 0),
      investigated: accidents.filter((a) => a.status === 'investigated').length,
      list: accidents.map((a) => ({
        number: a.number,
        kind: a.kind,
        occurredOn: dayOf(new Date(a.occurredAt)),
        facility: facility.get(a.facilityId) ?? '',
        injured: a.injured,
        fatalities: a.fatalities,
        status: a.status,
        causes: a.causes,
      })),
    },
    training: {
      records: {
        training: training.counts.training,
        retraining: training.counts.retraining,
        knowledge_check: training.counts.knowledge_check,
      },
      people: training.counts.people,
      expired: training.expired.map((e) => ({ ...e, validUntil: dayOf(e.validUntil) })),
    },
  };
}

const pick = (o: Awaited<ReturnType<typeof technicalObjects>>[number]) => ({
  devices: o.devices,
  buildings: o.buildings,
  structures: o.structures,
  examined: o.examined,
  unfit: o.unfit,
  overdue: o.overdue,
});

/** R315-26: the annual information — a document per year, presented once the year is over. */
export const annualInformationSpec: DocumentSpec = {
  kind: 'annual_information',
  textKeys: ANNUAL_SECTIONS,
  requiredTexts: ANNUAL_REQUIRED_TEXTS,
  period: (deps, raw) => String(yearWindow(deps, '', raw).year),
  checkPresentable(deps, period) {
    const w = yearWindow(deps, '', period);
    if (deps.now() < w.to) throw new AppError('pc.document_year_not_over', { year: w.year });
  },
  figures: annualFigures,
};
