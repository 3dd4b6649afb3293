import { randomUUID } from 'node:crypto';
import type { PlanProposalKind } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { findFacility, findUnit } from '../facilities/facilities.repository.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { checkItem } from '../schedule/checkItem.ts';
import { listSchedules } from '../schedule/schedule.repository.ts';
import { addItem, createSchedule, removeItem } from '../schedule/schedule.usecases.ts';
import { needText, thisYear } from './capa-rules.ts';
import { findCapa } from './capa.repository.ts';
import { findPlanProposal, insertPlanProposal, updatePlanProposal, type PlanProposalRow } from './plan-proposals.repository.ts';
import type { DbOrTx } from '../../db/database.ts';

const event = (tx: DbOrTx, deps: AppDeps, actor: Actor, p: PlanProposalRow, action: string, payload: Record<string, unknown>) =>
  recordPcEvent(tx, deps, {
    organisationId: p.organisationId,
    actor,
    action,
    subjectType: 'pc_plan_proposal',
    subjectId: p.id,
    payload: { year: p.year, capaId: p.capaId, ...payload },
  });

/**
 * Point 21: the year's CAPAs feed the next year's plan. A proposal names its source CAPA, the plan year
 * (after the CAPA's year, at most next year) and, when it concerns one, the facility and unit.
 */
export async function proposeForPlan(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  input: { capaId: string; year: number; kind: PlanProposalKind; description: string; facilityId?: string | null; unitId?: string | null },
) {
  const text = needText('description', input.description);
  const capa = await findCapa(deps.db, organisationId, input.capaId);
  if (!capa) throw new AppError('pc.capa_not_found');
  const next = thisYear(deps) + 1;
  if (input.year <= capa.year || input.year > next)
    throw new AppError('pc.capa_plan_year_invalid', { field: 'year', from: capa.year + 1, to: next });
  const facilityId = input.facilityId ?? (input.unitId ? null : capa.facilityId);
  const unitId = input.facilityId || input.unitId ? (input.unitId ?? null) : capa.unitId;
  if (facilityId && !(await findFacility(deps.db, organisationId, facilityId)))
    throw new AppError('pc.capa_place_invalid', { field: 'facilityId' });
  if (unitId) {
    const unit = await findUnit(deps.db, organisationId, unitId);
    if (!unit || unit.facilityId !== facilityId) throw new AppError('pc.capa_place_invalid', { field: 'unitId' });
  }
  if (input.kind === 'inspection' && !facilityId) throw new AppError('pc.capa_proposal_facility_required', { field: 'facilityId' });
  const row: PlanProposalRow = {
    id: randomUUID(),
    organisationId,
    year: input.year,
    kind: input.kind,
    text,
    facilityId,
    unitId,
    capaId: capa.id,
    status: 'pending',
    proposedBy: actor.id,
    proposedAt: deps.now(),
    decidedBy: null,
    decidedAt: null,
    rejectionReason: null,
    scheduleItemId: null,
  };
  await deps.db.transaction(async (tx) => {
    await insertPlanProposal(tx, row);
    await event(tx, deps, actor, row, 'pc.plan_proposal_made', { kind: row.kind, text, facilityId, unitId, capa: capa.number });
  });
  return row;
}

export interface ScheduleLineInput {
  kind: 'scheduled' | 'comprehensive';
  plannedOn: string;
  checklistId: string;
  responsibleOfficialId: string;
}

async function pending(tx: DbOrTx, organisationId: string, id: string) {
  const p = await findPlanProposal(tx, organisationId, id, true);
  if (!p) throw new AppError('pc.capa_proposal_not_found');
  if (p.status !== 'pending') throw new AppError('pc.capa_proposal_decided', { status: p.status });
  return p;
}

/**
 * The first head accepts a proposal. An inspection with its schedule line (date, checklist, responsible
 * official) becomes a line of that year's draft schedule through the schedule's own use cases (R315-7
 * rules apply: a draft is created if the year has none; an approved schedule is changed only by a
 * revision, which the organisers start). Without a line, it stays an accepted item of the plan.
 */
export async function acceptPlanProposal(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  id: string,
  input: { schedule?: ScheduleLineInput | null },
) {
  const p = await pending(deps.db, organisationId, id);
  let scheduleItemId: string | null = null;
  let scheduleId: string | null = null;
  if (input.schedule) {
    if (p.kind !== 'inspection') throw new AppError('pc.capa_proposal_not_inspection', { field: 'schedule', kind: p.kind });
    const revisions = await listSchedules(deps.db, organisationId, p.year);
    const draft = revisions.find((s) => s.status === 'draft');
    if (!draft && revisions.length) throw new AppError('pc.capa_proposal_schedule_approved', { year: p.year });
    // The line is checked before a draft is created for it: a refused line leaves no empty schedule behind.
    await checkItem(deps, organisationId, p.year, { ...input.schedule, facilityId: p.facilityId!, unitId: p.unitId });
    scheduleId = (draft ?? (await createSchedule(deps, actor, organisationId, p.year))).id;
    const item = await addItem(deps, actor, organisationId, scheduleId, { ...input.schedule, facilityId: p.facilityId!, unitId: p.unitId });
    scheduleItemId = item.id;
  }
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await pending(tx, organisationId, id);
      const set = { status: 'accepted' as const, decidedBy: actor.id, decidedAt: deps.now(), scheduleItemId };
      await updatePlanProposal(tx, id, set);
      await event(tx, deps, actor, row, 'pc.plan_proposal_accepted', { scheduleId, scheduleItemId });
      return { ...row, ...set };
    });
  } catch (e) {
    // Decided by someone else meanwhile: the line added for it goes again (the schedule's ledger says both).
    if (scheduleId && scheduleItemId) await removeItem(deps, actor, organisationId, scheduleId, scheduleItemId);
    throw e;
  }
}

/** The first head rejects a proposal, saying why. */
export async function rejectPlanProposal(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  id: string,
  input: { reason: string },
) {
  const reason = (input.reason ?? '').trim();
  if (!reason) throw new AppError('pc.capa_proposal_reason_required', { field: 'reason' });
  return deps.db.transaction(async (tx) => {
    const row = await pending(tx, organisationId, id);
    const set = { status: 'rejected' as const, decidedBy: actor.id, decidedAt: deps.now(), rejectionReason: reason };
    await updatePlanProposal(tx, id, set);
    await event(tx, deps, actor, row, 'pc.plan_proposal_rejected', { reason });
    return { ...row, ...set };
  });
}
