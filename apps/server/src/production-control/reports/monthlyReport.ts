import { createHash, randomUUID } from 'node:crypto';
import {
  INSTRUCTION_REPORT_STATES,
  type InstructionReportState,
  type MonthlyReportFigures,
  type MonthlyReportLine,
} from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/format.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone, startOfDayInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyHeads } from '../pc-notify.ts';
import { activityOfMonth, instructionsOfMonth, placeNames, type MonthWindow } from './monthly-figures.repository.ts';
import { findMonthlyReport, insertApproval, insertMonthlyReport, latestMonthlyReport } from './reports.repository.ts';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The month's bounds in the organisation's zone; states are taken at its end, or now while it runs. */
export function monthWindow(deps: AppDeps, organisationId: string, month: string): MonthWindow {
  const m = MONTH.exec(month);
  if (!m || Number(m[1]) < 2000) throw new AppError('pc.report_month_invalid', { field: 'month', value: month });
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const next = mo === 12 ? `${y + 1}-01-01` : `${y}-${String(mo + 1).padStart(2, '0')}-01`;
  const from = startOfDayInZone(`${month}-01`);
  const to = startOfDayInZone(next);
  const now = deps.now();
  const asOf = now < to ? now : to;
  const lastDay = new Date(Date.UTC(y, mo, 0)).toISOString().slice(0, 10);
  return { organisationId, firstDay: `${month}-01`, lastDay, from, to, asOf, today: dateInZone(asOf) };
}

const emptyStates = () => Object.fromEntries(INSTRUCTION_REPORT_STATES.map((s) => [s, 0])) as Record<InstructionReportState, number>;
const emptyLine = () => ({
  planned: 0,
  inspected: { scheduled: 0, extraordinary: 0, comprehensive: 0 },
  violationsFound: 0,
  dangerousFound: 0,
  instructionsIssued: 0,
  instructions: emptyStates(),
  overdueMeasures: 0,
});
const key = (facilityId: string, unitId: string | null) => `${facilityId}/${unitId ?? ''}`;
const dayOf = (v: Date | string | null) => (v ? dateInZone(new Date(v)) : null);

/**
 * R315-18: the results of production control in the month and the state of every instruction,
 * per facility and unit. The same figures feed the head's dashboard, the presented report and its PDF.
 */
export async function monthlyFigures(deps: AppDeps, db: DbOrTx, organisationId: string, month: string): Promise<MonthlyReportFigures> {
  const w = monthWindow(deps, organisationId, month);
  const [activity, instructions, places] = await Promise.all([
    activityOfMonth(db, w),
    instructionsOfMonth(db, w),
    placeNames(db, organisationId),
  ]);
  // Overdue measures by age, from the same pass over the measures (instructions still in force only).
  const ages = { under_30: 0, from_30_to_60: 0, over_60: 0 };
  const facilityName = new Map(places.map((p) => [p.facilityId, p.facility]));
  const unitName = new Map(places.filter((p) => p.unitId).map((p) => [p.unitId!, p.unit!]));
  const lines = new Map<string, MonthlyReportLine>();
  const line = (facilityId: string, unitId: string | null) => {
    const k = key(facilityId, unitId);
    let l = lines.get(k);
    if (!l) {
      l = {
        facilityId,
        facility: facilityName.get(facilityId) ?? '',
        unitId,
        unit: unitId ? (unitName.get(unitId) ?? '') : null,
        ...emptyLine(),
      };
      lines.set(k, l);
    }
    return l;
  };
  for (const a of activity) {
    const l = line(a.facilityId, a.unitId);
    l.planned += a.planned;
    l.inspected.scheduled += a.scheduled;
    l.inspected.extraordinary += a.extraordinary;
    l.inspected.comprehensive += a.comprehensive;
    l.violationsFound += a.violationsFound;
    l.dangerousFound += a.dangerousFound;
    l.instructionsIssued += a.instructionsIssued;
  }
  for (const i of instructions) {
    const l = line(i.facilityId, i.unitId);
    l.instructions[i.state] += 1;
    if (i.state !== 'on_time' && i.state !== 'overdue') continue;
    l.overdueMeasures += i.overdue;
    ages.under_30 += i.under_30;
    ages.from_30_to_60 += i.from_30_to_60;
    ages.over_60 += i.over_60;
  }
  const sorted = [...lines.values()].sort((a, b) => a.facility.localeCompare(b.facility) || (a.unit ?? '').localeCompare(b.unit ?? ''));
  const totals = emptyLine();
  for (const l of sorted) {
    totals.planned += l.planned;
    for (const k of ['scheduled', 'extraordinary', 'comprehensive'] as const) totals.inspected[k] += l.inspected[k];
    totals.violationsFound += l.violationsFound;
    totals.dangerousFound += l.dangerousFound;
    totals.instructionsIssued += l.instructionsIssued;
    for (const s of INSTRUCTION_REPORT_STATES) totals.instructions[s] += l.instructions[s];
    totals.overdueMeasures += l.overdueMeasures;
  }
  return {
    month,
    asOf: w.asOf.toISOString(),
    lines: sorted,
    totals,
    instructions: instructions.map((i) => ({
      id: i.id,
      number: i.number,
      issuedOn: String(i.issuedOn).slice(0, 10),
      facility: facilityName.get(i.facilityId) ?? '',
      unit: i.unitId ? (unitName.get(i.unitId) ?? '') : null,
      state: i.state,
      measures: i.measures,
      overdueMeasures: i.state === 'closed' || i.state === 'cancelled' ? 0 : i.overdue,
      closedOn: i.state === 'closed' ? dayOf(i.closedAt) : null,
      cancelOrder: i.cancelOrderNumber ? `${i.cancelOrderNumber} (${formatDate(String(i.cancelOrderDate).slice(0, 10))})` : null,
    })),
    overdueByAge: ages,
  };
}

const sha256 = (figures: MonthlyReportFigures) => createHash('sha256').update(JSON.stringify(figures)).digest('hex');

/**
 * R315-18: the official presents the month's report to the head once the month is over. The
 * figures are frozen as presented; presenting again makes a new version only when they changed.
 */
export async function presentMonthlyReport(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, month: string) {
  const w = monthWindow(deps, organisationId, month);
  if (deps.now() < w.to) throw new AppError('pc.report_month_not_over', { month });
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId); // versions are numbered one after another, even when sent twice at once
    const figures = await monthlyFigures(deps, tx, organisationId, month);
    const figuresSha256 = sha256(figures);
    const latest = await latestMonthlyReport(tx, organisationId, month);
    if (latest?.figuresSha256 === figuresSha256) throw new AppError('pc.report_unchanged', { month, version: latest.version });
    const now = deps.now();
    const row = {
      id: randomUUID(),
      organisationId,
      month,
      version: (latest?.version ?? 0) + 1,
      figures,
      figuresSha256,
      presentedBy: actor.id,
      presentedAt: now,
    };
    await insertMonthlyReport(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.monthly_report_presented',
      subjectType: 'pc_monthly_report',
      subjectId: row.id,
      payload: { month, version: row.version, figuresSha256, totals: figures.totals },
    });
    await notifyHeads(tx, organisationId, 'pc.monthly_report_presented', { reportId: row.id, month, version: row.version }, now);
    return row;
  });
}

/** R315-18: the head approves the latest presented version of a month's report, once. */
export async function approveMonthlyReport(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, reportId: string) {
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const report = await findMonthlyReport(tx, organisationId, reportId);
    if (!report) throw new AppError('pc.report_not_found');
    if (report.approval) throw new AppError('pc.report_already_approved', { month: report.month, version: report.version });
    const latest = await latestMonthlyReport(tx, organisationId, report.month);
    if (latest && latest.version !== report.version)
      throw new AppError('pc.report_superseded', { month: report.month, version: report.version, latest: latest.version });
    const now = deps.now();
    await insertApproval(tx, { reportId, organisationId, approvedBy: actor.id, approvedAt: now });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.monthly_report_approved',
      subjectType: 'pc_monthly_report',
      subjectId: reportId,
      payload: { month: report.month, version: report.version, figuresSha256: report.figuresSha256 },
    });
    return { ...report, approval: { approvedBy: actor.id, approvedAt: now } };
  });
}
