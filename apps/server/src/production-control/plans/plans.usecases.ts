import { randomUUID } from 'node:crypto';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { findFacility, listFacilities } from '../facilities/facilities.repository.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyHeads } from '../pc-notify.ts';
import { isDay } from '../technical-devices/checkObject.ts';
import { storedDocument } from './plan-document.ts';
import {
  findMeasure,
  findPlan,
  insertApproval,
  insertCompletion,
  insertMeasures,
  insertPlan,
  insertVersion,
  listPlans,
  versionsOf,
  type PlanMeasureRow,
  type PlanRow,
  type PlanVersionRow,
} from './plans.repository.ts';
import { PLAN_KINDS } from './plans.table.ts';

type User = Actor & { id: string };
const invalid = (field: string, rule: string, extra: Record<string, unknown> = {}): never => {
  throw new AppError('pc.plan_invalid', { field, rule, ...extra });
};

export interface PlanInput {
  kind: string;
  title: string;
  year?: number | null;
  facilityId?: string | null;
}

/**
 * R315-4: a plan of industrial-safety measures (one per year, the organisation's) or an accident-response
 * plan (one per facility) is opened; its content comes as versions.
 */
export async function createPlan(deps: AppDeps, actor: User, organisationId: string, input: PlanInput) {
  if (!PLAN_KINDS.includes(input.kind as never)) invalid('planKind', 'kind');
  const title = input.title.trim();
  if (!title) invalid('title', 'required');
  if (title.length > 300) invalid('title', 'too_long');
  const measures = input.kind === 'safety_measures';
  if (measures && (!Number.isInteger(input.year) || input.year! < 2000 || input.year! > 2100)) invalid('year', 'year');
  if (measures && input.facilityId) invalid('facilityId', 'not_for_kind');
  if (!measures && input.year) invalid('year', 'not_for_kind');
  if (!measures && !input.facilityId) invalid('facilityId', 'required');
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId); // one plan per year / facility, even when sent twice at once
    if (!measures) {
      const f = await findFacility(tx, organisationId, input.facilityId!);
      if (!f) invalid('facilityId', 'unknown');
      if (f!.decommissionedOn) invalid('facilityId', 'decommissioned');
    }
    const existing = (await listPlans(tx, organisationId)).find((p) =>
      measures
        ? p.kind === 'safety_measures' && p.year === input.year
        : p.kind === 'accident_response' && p.facilityId === input.facilityId,
    );
    if (existing) throw new AppError('pc.plan_exists', { title: existing.title });
    const row: PlanRow = {
      id: randomUUID(),
      organisationId,
      kind: input.kind as PlanRow['kind'],
      year: measures ? input.year! : null,
      facilityId: measures ? null : input.facilityId!,
      title,
      createdBy: actor.id,
      createdAt: deps.now(),
    };
    await insertPlan(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.plan_created',
      subjectType: 'pc_plan',
      subjectId: row.id,
      payload: { ...row, createdAt: undefined },
    });
    return row;
  });
}

export interface MeasureInput {
  measure: string;
  facilityId?: string | null;
  responsible: string;
  dueOn: string;
}
export interface VersionInput {
  summary?: string;
  validFrom?: string | null;
  validUntil?: string | null;
  document: { sha256: string; fileName: string };
  measures?: MeasureInput[];
}

/**
 * A new version of the plan (write-once): summary, validity, the signed document and, for a plan of
 * measures, its measures — each with a facility of the organisation, a responsible person and a deadline
 * within the plan's year. Versions are numbered one after another.
 */
export async function submitVersion(deps: AppDeps, actor: User, organisationId: string, planId: string, input: VersionInput) {
  const summary = (input.summary ?? '').trim();
  if (summary.length > 4000) invalid('summary', 'too_long');
  for (const f of ['validFrom', 'validUntil'] as const) if (input[f] && !isDay(input[f])) invalid(f, 'not_date');
  if (input.validFrom && input.validUntil && input.validUntil <= input.validFrom) invalid('validUntil', 'after_valid_from');
  const file = await storedDocument(deps, input.document);
  return deps.db.transaction(async (tx) => {
    await lockOrganisation(tx, organisationId);
    const plan = await findPlan(tx, organisationId, planId, true);
    if (!plan) throw new AppError('pc.plan_not_found');
    const measuresPlan = plan.kind === 'safety_measures';
    const list = input.measures ?? [];
    if (!measuresPlan && list.length) invalid('measures', 'not_for_kind');
    if (!measuresPlan && (!input.validFrom || !input.validUntil)) invalid(input.validFrom ? 'validUntil' : 'validFrom', 'required');
    if (measuresPlan && !list.length) invalid('measures', 'required');
    const facilities = new Map((await listFacilities(tx, organisationId)).map((f) => [f.id, f]));
    const versionId = randomUUID();
    const measures: PlanMeasureRow[] = list.map((m, i) => {
      const row = i + 1;
      const bad = (field: string, rule: string, extra: Record<string, unknown> = {}): never => {
        throw new AppError('pc.plan_measure_invalid', { row, field, rule, ...extra });
      };
      const measure = m.measure.trim();
      if (!measure) bad('measure', 'required');
      if (measure.length > 2000) bad('measure', 'too_long');
      const responsible = m.responsible.trim();
      if (!responsible) bad('responsible', 'required');
      if (responsible.length > 300) bad('responsible', 'too_long');
      if (m.facilityId && !facilities.has(m.facilityId)) bad('facilityId', 'unknown');
      if (!isDay(m.dueOn)) bad('dueOn', 'not_date');
      if (!m.dueOn.startsWith(`${plan.year}-`)) bad('dueOn', 'outside_year', { year: plan.year });
      return {
        id: randomUUID(),
        organisationId,
        versionId,
        ordinal: row,
        measure,
        facilityId: m.facilityId ?? null,
        responsible,
        dueOn: m.dueOn,
      };
    });
    const previous = (await versionsOf(tx, [planId]))[0]?.version;
    const row: PlanVersionRow = {
      id: versionId,
      organisationId,
      planId,
      version: (previous?.version ?? 0) + 1,
      summary,
      validFrom: input.validFrom ?? null,
      validUntil: input.validUntil ?? null,
      ...file,
      submittedBy: actor.id,
      submittedAt: deps.now(),
    };
    await insertVersion(tx, row);
    await insertMeasures(tx, measures);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.plan_version_submitted',
      subjectType: 'pc_plan',
      subjectId: planId,
      payload: { ...row, submittedAt: undefined, measures: measures.map((m) => ({ ...m, organisationId: undefined })) },
    });
    await notifyHeads(tx, organisationId, 'pc.plan_version_submitted', { planId, title: plan.title, version: row.version }, deps.now());
    return row;
  });
}

/** R315-4: the first head approves the plan's latest version, once; an older one can no longer be approved. */
export async function approveVersion(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  planId: string,
  versionId: string,
  orderNumber?: string | null,
) {
  const order = orderNumber?.trim() || null;
  if (order && order.length > 100) invalid('orderNumber', 'too_long');
  return deps.db.transaction(async (tx) => {
    const plan = await findPlan(tx, organisationId, planId, true);
    if (!plan) throw new AppError('pc.plan_not_found');
    const versions = await versionsOf(tx, [planId]);
    const v = versions.find((x) => x.version.id === versionId);
    if (!v) throw new AppError('pc.plan_version_not_found');
    if (v.approval) throw new AppError('pc.plan_version_approved', { version: v.version.version });
    if (versions[0]!.version.id !== versionId)
      throw new AppError('pc.plan_version_superseded', { version: v.version.version, latest: versions[0]!.version.version });
    const row = { versionId, organisationId, approvedBy: actor.id, approvedAt: deps.now(), orderNumber: order };
    await insertApproval(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.plan_version_approved',
      subjectType: 'pc_plan',
      subjectId: planId,
      payload: { versionId, version: v.version.version, orderNumber: order },
    });
    return row;
  });
}

/** R315-26 section 1: a measure of the plan in force is reported done (write-once), on a day not in the future. */
export async function completeMeasure(
  deps: AppDeps,
  actor: User,
  organisationId: string,
  planId: string,
  measureId: string,
  input: { doneOn: string; note?: string },
) {
  if (!isDay(input.doneOn)) invalid('doneOn', 'not_date');
  if (input.doneOn > dateInZone(deps.now())) invalid('doneOn', 'future');
  const note = (input.note ?? '').trim();
  if (note.length > 2000) invalid('note', 'too_long');
  return deps.db.transaction(async (tx) => {
    const plan = await findPlan(tx, organisationId, planId, true);
    if (!plan) throw new AppError('pc.plan_not_found');
    const m = await findMeasure(tx, organisationId, measureId);
    if (!m || m.version.planId !== planId) throw new AppError('pc.plan_measure_not_found');
    const inForce = (await versionsOf(tx, [planId])).find((v) => v.approval);
    if (inForce?.version.id !== m.version.id) throw new AppError('pc.plan_measure_not_in_force', { version: m.version.version });
    if (m.completion) throw new AppError('pc.plan_measure_done', { doneOn: m.completion.doneOn });
    const row = { measureId, organisationId, doneOn: input.doneOn, note, recordedBy: actor.id, recordedAt: deps.now() };
    await insertCompletion(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.plan_measure_done',
      subjectType: 'pc_plan',
      subjectId: planId,
      payload: { measureId, measure: m.measure.measure, doneOn: input.doneOn, note },
    });
    return row;
  });
}
