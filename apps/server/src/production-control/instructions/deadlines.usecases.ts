import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyHeads, notifyPeople } from '../pc-notify.ts';
import {
  findInstruction,
  itemsOfInstruction,
  rolesIn,
  updateItem,
  updateViolation,
  type InstructionRow,
} from './instructions.repository.ts';

type Who = Actor & { id: string };

/** The instruction in force (issued, not closed or cancelled) and one of its items, locked for the change. */
export async function lockItem(tx: DbOrTx, organisationId: string, instructionId: string, itemId: string) {
  const instruction = await findInstruction(tx, organisationId, instructionId, true);
  if (!instruction) throw new AppError('pc.instruction_not_found');
  const item = (await itemsOfInstruction(tx, instruction.id)).find((i) => i.id === itemId);
  if (!item) throw new AppError('pc.instruction_item_not_found');
  return { instruction, item };
}

export const refuseUnlessIssued = (i: InstructionRow) => {
  if (i.status !== 'issued') throw new AppError('pc.instruction_state_invalid', { number: i.number, status: i.status });
};

export type DeadlineAnswer = { agree: true } | { agree: false; proposedDeadline: string; reason: string };

/**
 * R315-16, R315-17: the unit head (the addressee, holding the unit-head role) agrees an item's
 * deadline, or disputes it with the date they propose and why; a dispute goes to the first head.
 */
export async function answerDeadline(
  deps: AppDeps,
  actor: Who,
  organisationId: string,
  instructionId: string,
  itemId: string,
  a: DeadlineAnswer,
) {
  return deps.db.transaction(async (tx) => {
    const { instruction, item } = await lockItem(tx, organisationId, instructionId, itemId);
    refuseUnlessIssued(instruction);
    if (instruction.unitHeadId !== actor.id || !(await rolesIn(tx, organisationId, actor.id)).has('unit_head'))
      throw new AppError('pc.deadline_not_unit_head', { number: instruction.number });
    if (item.agreement !== 'pending')
      throw new AppError('pc.deadline_agreement_state_invalid', { position: item.position, agreement: item.agreement });
    let set: Parameters<typeof updateItem>[2];
    if (a.agree) set = { agreement: 'agreed' };
    else {
      const reason = a.reason.trim();
      if (reason.length < 3) throw new AppError('pc.deadline_proposal_invalid', { field: 'reason', rule: 'required' });
      if (a.proposedDeadline < instruction.issuedOn || a.proposedDeadline === item.deadline)
        throw new AppError('pc.deadline_proposal_invalid', { field: 'proposedDeadline', rule: 'date', value: a.proposedDeadline });
      set = { agreement: 'disputed', proposedDeadline: a.proposedDeadline, disagreementReason: reason };
    }
    await updateItem(tx, item.id, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: a.agree ? 'pc.deadline_agreed' : 'pc.deadline_disputed',
      subjectType: 'pc_instruction',
      subjectId: instruction.id,
      payload: { itemId: item.id, position: item.position, deadline: item.deadline, ...set },
    });
    if (!a.agree)
      await notifyHeads(
        tx,
        organisationId,
        'pc.deadline_disputed',
        {
          instruction: instruction.number,
          position: item.position,
          deadline: item.deadline,
          proposed: a.proposedDeadline,
          reason: a.reason.trim(),
        },
        deps.now(),
      );
    return instruction;
  });
}

/** R315-17: the first head settles a disputed deadline; the decision (the deadline and a note) is recorded and becomes the violation's due date. */
export async function settleDeadline(
  deps: AppDeps,
  actor: Who,
  organisationId: string,
  instructionId: string,
  itemId: string,
  s: { deadline: string; note: string },
) {
  return deps.db.transaction(async (tx) => {
    if (!(await rolesIn(tx, organisationId, actor.id)).has('head')) throw new AppError('pc.first_head_only');
    const { instruction, item } = await lockItem(tx, organisationId, instructionId, itemId);
    refuseUnlessIssued(instruction);
    if (item.agreement !== 'disputed')
      throw new AppError('pc.deadline_agreement_state_invalid', { position: item.position, agreement: item.agreement });
    const note = s.note.trim();
    if (note.length < 3) throw new AppError('pc.deadline_proposal_invalid', { field: 'note', rule: 'required' });
    if (s.deadline < instruction.issuedOn)
      throw new AppError('pc.instruction_deadline_invalid', { field: 'deadline', deadline: s.deadline, issuedOn: instruction.issuedOn });
    const set = { agreement: 'settled' as const, deadline: s.deadline, settledBy: actor.id, settledAt: deps.now(), settlementNote: note };
    await updateItem(tx, item.id, set);
    await updateViolation(tx, item.violationId, { dueOn: s.deadline });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.deadline_settled',
      subjectType: 'pc_instruction',
      subjectId: instruction.id,
      payload: { itemId: item.id, position: item.position, was: item.deadline, proposed: item.proposedDeadline, ...set },
    });
    await notifyPeople(
      tx,
      organisationId,
      [instruction.unitHeadId, item.performerId, instruction.issuedBy],
      'pc.deadline_settled',
      { instruction: instruction.number, position: item.position, deadline: s.deadline, note },
      deps.now(),
    );
    return instruction;
  });
}
