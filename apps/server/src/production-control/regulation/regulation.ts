import { REGULATION_REQUIRED_TEXTS, REGULATION_TEXTS, type RegulationFigures } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { officialsInForce, planMeasures, plansOfYear } from '../annual-information/annual-figures.repository.ts';
import { dayOf, dayOrNull, officialLines } from '../annual-information/annualInformation.ts';
import { technicalObjects } from '../annual-information/annual-registers.repository.ts';
import type { DocumentSpec } from '../documents/documents.ts';
import { placeNames } from '../reports/monthly-figures.repository.ts';
import { facilitiesInOperation, facilityRecords, scheduleOfYear } from './regulation.repository.ts';

const arr = (v: unknown): string[] =>
  Array.isArray(v) ? v : typeof v === 'string' ? v.replace(/[{}]/g, '').split(',').filter(Boolean) : [];

/**
 * R315-6: the regulation's figures as at today — officials and their scope, the facilities and units,
 * each facility's short description (buildings and structures and their examinations, devices and
 * their certification, accidents, training), this year's plan of measures and schedule, the service's structure.
 */
export async function regulationFigures(deps: AppDeps, db: DbOrTx, organisationId: string): Promise<RegulationFigures> {
  const today = dateInZone(deps.now());
  const year = Number(today.slice(0, 4));
  const w = {
    organisationId,
    year,
    firstDay: `${year}-01-01`,
    lastDay: today,
    from: startOfDayInZone(`${year}-01-01`),
    to: startOfDayInZone(`${year + 1}-01-01`),
    asOf: deps.now(),
    endDay: today,
    now: deps.now(),
  };
  const [officials, facilities, objects, records, plans, schedule, places] = await Promise.all([
    officialsInForce(db, organisationId, today),
    facilitiesInOperation(db, organisationId, today),
    technicalObjects(db, organisationId, `${year}-01-01`, today),
    facilityRecords(db, organisationId, today),
    plansOfYear(db, w),
    scheduleOfYear(db, organisationId, year),
    placeNames(db, organisationId),
  ]);
  const facilityName = new Map(places.map((p) => [p.facilityId, p.facility]));
  const unitName = new Map(places.filter((p) => p.unitId).map((p) => [p.unitId!, p.unit!]));
  const obj = new Map(objects.map((o) => [o.facilityId, o]));
  const rec = new Map(records.map((r) => [r.facilityId, r]));
  const plan = plans.find((p) => p.year === year);
  const measures = plan ? await planMeasures(db, plan.versionId, today) : [];
  const lines = officialLines(officials, facilityName, unitName);

  return {
    asOf: today,
    officials: lines,
    units: facilities.reduce((n, f) => n + f.units.length, 0),
    facilities: facilities.map((f) => {
      const o = obj.get(f.id);
      const r = rec.get(f.id);
      return {
        name: f.name,
        registrationNumber: f.registrationNumber,
        address: f.address,
        hazardFeatures: arr(f.hazardFeatures),
        units: f.units.map((u) => u.name),
        buildings: (o?.buildings ?? 0) + (o?.structures ?? 0),
        buildingsExamined: o?.buildingsExamined ?? 0,
        buildingsOverdue: (o?.overdue ?? 0) - (o?.devicesOverdue ?? 0),
        devices: o?.devices ?? 0,
        devicesCertified: o?.devicesCertified ?? 0,
        devicesOverdue: o?.devicesOverdue ?? 0,
        accidents: { accident: r?.accident ?? 0, incident: r?.incident ?? 0, injury: r?.injury ?? 0 },
        trainedValid: r?.trainedValid ?? 0,
        trainedExpired: r?.trainedExpired ?? 0,
      };
    }),
    plan: {
      state: plan
        ? {
            year: plan.year,
            title: plan.title,
            version: plan.version,
            approvedOn: dayOrNull(plan.approvedAt),
            measures: plan.measures,
            done: plan.done,
            doneOnTime: plan.doneOnTime,
          }
        : null,
      measures: measures.map((m) => ({ ...m, dueOn: dayOf(m.dueOn), doneOn: dayOrNull(m.doneOn) })),
    },
    schedule: {
      year,
      revision: schedule[0]?.revision ?? null,
      approvedOn: schedule[0] ? dayOrNull(schedule[0].approvedAt) : null,
      lines: schedule
        .filter((s) => s.facilityId)
        .map((s) => ({
          facility: facilityName.get(s.facilityId!) ?? '',
          unit: s.unitId ? (unitName.get(s.unitId) ?? '') : null,
          scheduled: s.scheduled,
          comprehensive: s.comprehensive,
        }))
        .sort((a, b) => a.facility.localeCompare(b.facility) || (a.unit ?? '').localeCompare(b.unit ?? '')),
    },
    structure: {
      serviceHeads: lines.filter((l) => l.position === 'service_head').map((l) => l.fullName),
      officials: lines.filter((l) => l.position === 'official').map((l) => l.fullName),
      unitHeads: facilities.flatMap((f) => f.units.filter((u) => u.head).map((u) => ({ unit: `${f.name} — ${u.name}`, head: u.head! }))),
    },
  };
}

/** R315-6: the regulation — one standing document of the organisation, re-presented when the data or texts change. */
export const regulationSpec: DocumentSpec = {
  kind: 'regulation',
  textKeys: REGULATION_TEXTS,
  requiredTexts: REGULATION_REQUIRED_TEXTS,
  period: (_deps, raw) => {
    if (raw !== undefined) throw new AppError('pc.document_not_found', { kind: 'regulation' });
    return '';
  },
  figures: (deps, db, organisationId) => regulationFigures(deps, db, organisationId),
};
