import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyPeople } from '../pc-notify.ts';
import { lockItem, refuseUnlessIssued } from './deadlines.usecases.ts';
import {
  eventsOfViolations,
  findInstruction,
  insertAttachment,
  insertViolationEvent,
  itemsWithViolations,
  reportAttachmentsOf,
  rolesIn,
  updateInstruction,
  updateViolation,
  violationsByIds,
  type InstructionRow,
  type ItemRow,
} from './instructions.repository.ts';
import { scopeOfOfficial } from './scope.repository.ts';

type Who = Actor & { id: string };
const DONE = new Set(['verified', 'rechecked']);

/** The performer named in the item, or the unit head of the instruction's unit, may report the measure (R315-27). */
async function lockOwnMeasure(tx: DbOrTx, actor: Who, organisationId: string, instructionId: string, itemId: string) {
  const { instruction, item } = await lockItem(tx, organisationId, instructionId, itemId);
  refuseUnlessIssued(instruction);
  if (item.performerId !== actor.id && instruction.unitHeadId !== actor.id)
    throw new AppError('pc.measure_not_performer', { position: item.position });
  // R315-17: a performer outside the unit acts on the first head's order, not before.
  if (item.performerOutsideUnit && !item.performerOrderId)
    throw new AppError('pc.measure_performer_order_missing', { position: item.position });
  const [violation] = await violationsByIds(tx, organisationId, [item.violationId]);
  if (!violation || violation.status !== 'open')
    throw new AppError('pc.measure_state_invalid', { position: item.position, status: violation?.status ?? 'open' });
  return { instruction, item, violation };
}

/** A photo or document proving the measure (stored write-once by the route before this records it). */
export async function addMeasureEvidence(
  deps: AppDeps,
  actor: Who,
  organisationId: string,
  instructionId: string,
  itemId: string,
  stored: { sha256: string; size: number; mime: string; fileName: string },
) {
  return deps.db.transaction(async (tx) => {
    const { instruction, item, violation } = await lockOwnMeasure(tx, actor, organisationId, instructionId, itemId);
    const row = {
      id: randomUUID(),
      organisationId,
      violationId: violation.id,
      purpose: 'measure_report' as const,
      ...stored,
      uploadedBy: actor.id,
      uploadedAt: deps.now(),
    };
    await insertAttachment(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.measure_evidence_added',
      subjectType: 'pc_violation',
      subjectId: violation.id,
      payload: { instruction: instruction.number, position: item.position, attachment: { ...row, uploadedAt: undefined } },
    });
    return row;
  });
}

/** When the violation was last turned back (evidence must be newer than that). */
const lastRejection = async (tx: DbOrTx, violationId: string) =>
  (await eventsOfViolations(tx, [violationId])).filter((e) => e.kind === 'report_rejected').at(-1)?.at;

/** R315-27: the measure is reported done with evidence — at least one photo or document uploaded since the last rejection. */
export async function reportMeasureDone(
  deps: AppDeps,
  actor: Who,
  organisationId: string,
  instructionId: string,
  itemId: string,
  input: { note?: string },
) {
  return deps.db.transaction(async (tx) => {
    const { instruction, item, violation } = await lockOwnMeasure(tx, actor, organisationId, instructionId, itemId);
    const since = await lastRejection(tx, violation.id);
    const evidence = (await reportAttachmentsOf(tx, [violation.id])).filter((a) => !since || a.uploadedAt > since);
    if (!evidence.length) throw new AppError('pc.measure_evidence_required', { position: item.position });
    const note = input.note?.trim() || null;
    await updateViolation(tx, violation.id, { status: 'measure_reported' });
    await insertViolationEvent(tx, {
      id: randomUUID(),
      organisationId,
      violationId: violation.id,
      kind: 'measure_reported',
      at: deps.now(),
      actorId: actor.id,
      note,
    });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.measure_reported',
      subjectType: 'pc_violation',
      subjectId: violation.id,
      payload: { instruction: instruction.number, position: item.position, note, evidence: evidence.map((a) => a.sha256) },
    });
    await notifyPeople(
      tx,
      organisationId,
      [instruction.issuedBy],
      'pc.measure_reported',
      { instruction: instruction.number, position: item.position },
      deps.now(),
    );
    return instruction;
  });
}

export type Verification = { accept: true; note?: string } | { accept: false; reason: string };

/**
 * R315-27: a production-control official (or the service's head) appointed over the facility
 * verifies the reported measure — the violation is eliminated — or turns the report back with a
 * reason (the violation is open again). The instruction closes by itself once every item is verified.
 */
export async function verifyElimination(
  deps: AppDeps,
  actor: Who,
  organisationId: string,
  instructionId: string,
  itemId: string,
  v: Verification,
) {
  return deps.db.transaction(async (tx) => {
    const { instruction, item } = await lockItem(tx, organisationId, instructionId, itemId);
    refuseUnlessIssued(instruction);
    const roles = await rolesIn(tx, organisationId, actor.id);
    const scope = await scopeOfOfficial(tx, organisationId, actor.id, dateInZone(deps.now()));
    if (!(roles.has('pc_official') || roles.has('pc_service_head')) || !scope.covers(instruction.facilityId, instruction.unitId))
      throw new AppError('pc.verify_out_of_scope', { number: instruction.number });
    const [violation] = await violationsByIds(tx, organisationId, [item.violationId]);
    if (!violation || violation.status !== 'measure_reported')
      throw new AppError('pc.measure_state_invalid', { position: item.position, status: violation?.status ?? 'open' });
    const now = deps.now();
    if (v.accept) {
      await updateViolation(tx, violation.id, { status: 'verified', verifiedAt: now, verifiedBy: actor.id });
      await insertViolationEvent(tx, {
        id: randomUUID(),
        organisationId,
        violationId: violation.id,
        kind: 'verified',
        at: now,
        actorId: actor.id,
        note: v.note?.trim() || null,
      });
    } else {
      const reason = v.reason.trim();
      if (reason.length < 3) throw new AppError('pc.reject_reason_required');
      await updateViolation(tx, violation.id, { status: 'open' });
      await insertViolationEvent(tx, {
        id: randomUUID(),
        organisationId,
        violationId: violation.id,
        kind: 'report_rejected',
        at: now,
        actorId: actor.id,
        note: reason,
      });
    }
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: v.accept ? 'pc.elimination_verified' : 'pc.measure_report_rejected',
      subjectType: 'pc_violation',
      subjectId: violation.id,
      payload: { instruction: instruction.number, position: item.position, ...v },
    });
    await notifyPeople(
      tx,
      organisationId,
      [item.performerId, instruction.unitHeadId],
      v.accept ? 'pc.elimination_verified' : 'pc.measure_report_rejected',
      v.accept
        ? { instruction: instruction.number, position: item.position }
        : { instruction: instruction.number, position: item.position, reason: v.reason.trim() },
      now,
    );
    return v.accept ? closeWhenVerified(tx, deps, actor, instruction) : instruction;
  });
}

/** Positions of items whose violation is not yet verified eliminated (or re-checked). */
async function unverified(tx: DbOrTx, instruction: InstructionRow) {
  return (await itemsWithViolations(tx, [instruction.id])).filter((r) => !DONE.has(r.violation.status)).map((r) => r.item);
}

async function closeWhenVerified(tx: DbOrTx, deps: AppDeps, actor: Actor, instruction: InstructionRow) {
  if ((await unverified(tx, instruction)).length) return instruction;
  return close(tx, deps, actor, instruction);
}

async function close(tx: DbOrTx, deps: AppDeps, actor: Actor, instruction: InstructionRow) {
  const set = { status: 'closed' as const, closedAt: deps.now() };
  await updateInstruction(tx, instruction.id, set);
  await recordPcEvent(tx, deps, {
    organisationId: instruction.organisationId,
    actor,
    action: 'pc.instruction_closed',
    subjectType: 'pc_instruction',
    subjectId: instruction.id,
    payload: set,
  });
  await notifyPeople(
    tx,
    instruction.organisationId,
    [instruction.unitHeadId, instruction.issuedBy],
    'pc.instruction_closed',
    { instruction: instruction.number },
    deps.now(),
  );
  return { ...instruction, ...set };
}

/**
 * Asks for closure (e.g. after re-checks at the next inspection): granted only when every item is
 * verified; otherwise refused with the items still open. No status is ever typed in.
 */
export async function closeInstruction(deps: AppDeps, actor: Who, organisationId: string, instructionId: string) {
  return deps.db.transaction(async (tx) => {
    const instruction = await findInstruction(tx, organisationId, instructionId, true);
    if (!instruction) throw new AppError('pc.instruction_not_found');
    refuseUnlessIssued(instruction);
    const left: ItemRow[] = await unverified(tx, instruction);
    if (left.length)
      throw new AppError('pc.instruction_items_unverified', {
        number: instruction.number,
        positions: left.map((i) => i.position).join(', '),
      });
    return close(tx, deps, actor, instruction);
  });
}
