import { randomUUID } from 'node:crypto';
import type { ItemOutcome } from '@baqylau/contracts';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { proposeSuspension } from '../violations/proposals.usecases.ts';
import {
  findViolation,
  insertViolation,
  insertViolationEvent,
  updateViolation,
  type ViolationRow,
} from '../violations/violations.repository.ts';
import { findInspection, itemsOf, updateItem, type InspectionItemRow, type InspectionRow } from './inspections.repository.ts';

type User = Actor & { id: string };

export interface ItemAnswer {
  outcome: ItemOutcome;
  note?: string;
  /** For a violation: what was seen (defaults to the question). */
  description?: string;
  dangerous?: boolean;
  eliminatedOnSpot?: boolean;
}

const CHECKLIST_OUTCOMES: ItemOutcome[] = ['compliant', 'not_applicable', 'violation'];
const RECHECK_OUTCOMES: ItemOutcome[] = ['eliminated_confirmed', 'reopened'];

/** The inspection, locked, in progress, and conducted by this official (only they answer its items). */
export async function lockOwnInspection(tx: Tx, organisationId: string, id: string, actor: User) {
  const i = await findInspection(tx, organisationId, id, true);
  if (!i) throw new AppError('pc.inspection_not_found');
  if (i.status !== 'in_progress') throw new AppError('pc.inspection_completed');
  if (i.officialId !== actor.id) throw new AppError('pc.not_inspection_official');
  return i;
}

/** A finding: a violation with the item's reference and severity; eliminated on the spot it starts verified. */
async function recordFinding(tx: Tx, deps: AppDeps, actor: User, i: InspectionRow, item: InspectionItemRow, a: ItemAnswer) {
  const now = deps.now();
  const onSpot = a.eliminatedOnSpot === true;
  const v: ViolationRow = {
    id: randomUUID(),
    organisationId: i.organisationId,
    inspectionId: i.id,
    itemId: item.id,
    facilityId: i.facilityId,
    unitId: i.unitId,
    description: a.description?.trim() || item.text,
    reference: item.reference,
    severity: item.severity,
    dangerous: a.dangerous === true,
    eliminatedOnSpot: onSpot,
    status: onSpot ? 'verified' : 'open',
    foundAt: now,
    dueOn: null,
    verifiedAt: onSpot ? now : null,
    verifiedBy: onSpot ? actor.id : null,
    recheckedAt: null,
    recheckInspectionId: null,
  };
  await insertViolation(tx, v);
  await insertViolationEvent(tx, {
    id: randomUUID(),
    organisationId: i.organisationId,
    violationId: v.id,
    kind: onSpot ? 'eliminated_on_spot' : 'found',
    at: now,
    actorId: actor.id,
    note: a.note?.trim() || null,
    inspectionId: i.id,
  });
  if (v.dangerous) await proposeSuspension(tx, deps, actor, v);
  return v;
}

/** R315-14: the re-check of an earlier violation — confirmed eliminated (re-checked), or found again (reopened). */
async function recheck(tx: Tx, deps: AppDeps, actor: User, i: InspectionRow, item: InspectionItemRow, a: ItemAnswer) {
  const v = await findViolation(tx, i.organisationId, item.recheckViolationId!, true);
  if (!v) throw new AppError('pc.violation_not_found');
  const now = deps.now();
  const confirmed = a.outcome === 'eliminated_confirmed';
  const set = confirmed
    ? {
        status: 'rechecked' as const,
        recheckedAt: now,
        recheckInspectionId: i.id,
        verifiedAt: v.verifiedAt ?? now,
        verifiedBy: v.verifiedBy ?? actor.id,
      }
    : { status: 'open' as const, recheckInspectionId: i.id };
  await updateViolation(tx, v.id, set);
  await insertViolationEvent(tx, {
    id: randomUUID(),
    organisationId: i.organisationId,
    violationId: v.id,
    kind: confirmed ? 'recheck_confirmed' : 'reopened',
    at: now,
    actorId: actor.id,
    note: a.note?.trim() || null,
    inspectionId: i.id,
  });
  return { ...v, ...set };
}

/** The official answers one item of the inspection's own checklist (once: the answer is evidence). */
export async function answerItem(deps: AppDeps, actor: User, organisationId: string, inspectionId: string, itemId: string, a: ItemAnswer) {
  return deps.db.transaction(async (tx) => {
    const i = await lockOwnInspection(tx, organisationId, inspectionId, actor);
    const item = (await itemsOf(tx, i.id)).find((x) => x.id === itemId);
    if (!item) throw new AppError('pc.item_not_found');
    if (item.outcome) throw new AppError('pc.item_already_answered', { position: item.position });
    const allowed = item.source === 'recheck' ? RECHECK_OUTCOMES : CHECKLIST_OUTCOMES;
    if (!allowed.includes(a.outcome)) throw new AppError('pc.item_outcome_invalid', { outcome: a.outcome, allowed: allowed.join(', ') });
    const violation =
      a.outcome === 'violation'
        ? await recordFinding(tx, deps, actor, i, item, a)
        : item.source === 'recheck'
          ? await recheck(tx, deps, actor, i, item, a)
          : null;
    const set = {
      outcome: a.outcome,
      note: a.note?.trim() || null,
      answeredAt: deps.now(),
      answeredBy: actor.id,
      hasViolation: a.outcome === 'violation',
    };
    await updateItem(tx, item.id, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.item_answered',
      subjectType: 'pc_inspection',
      subjectId: i.id,
      payload: {
        itemId: item.id,
        position: item.position,
        outcome: a.outcome,
        note: set.note,
        violation: violation && {
          id: violation.id,
          status: violation.status,
          dangerous: violation.dangerous,
          eliminatedOnSpot: violation.eliminatedOnSpot,
        },
      },
    });
    return { item: { ...item, ...set }, violation };
  });
}
