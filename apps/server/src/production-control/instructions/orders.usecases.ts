import { randomUUID } from 'node:crypto';
import type { DbOrTx } from '../../db/database.ts';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyPeople } from '../pc-notify.ts';
import { refuseUnlessIssued } from './deadlines.usecases.ts';
import {
  findInstruction,
  findOrderByNumber,
  insertOrder,
  itemsOfInstruction,
  namesOf,
  rolesIn,
  updateInstruction,
  updateItem,
  type InstructionRow,
  type OrderRow,
} from './instructions.repository.ts';

type Who = Actor & { id: string };
export interface OrderHead {
  number: string;
  orderDate: string;
}

/** Only the first head signs orders (R315-4, R315-17); the route says so too, this keeps the rule where the change is made. */
async function firstHeadOrder(
  tx: DbOrTx,
  deps: AppDeps,
  actor: Who,
  organisationId: string,
  id: string,
  kind: OrderRow['kind'],
  o: OrderHead,
) {
  if (!(await rolesIn(tx, organisationId, actor.id)).has('head')) throw new AppError('pc.first_head_only');
  await lockOrganisation(tx, organisationId); // order numbers are unique per organisation and kind
  const instruction = await findInstruction(tx, organisationId, id, true);
  if (!instruction) throw new AppError('pc.instruction_not_found');
  refuseUnlessIssued(instruction);
  const number = o.number.trim();
  if (!number) throw new AppError('pc.order_date_invalid', { field: 'number' });
  if (o.orderDate > dateInZone(deps.now()) || o.orderDate < instruction.issuedOn)
    throw new AppError('pc.order_date_invalid', { field: 'orderDate', value: o.orderDate, issuedOn: instruction.issuedOn });
  if (await findOrderByNumber(tx, organisationId, kind, number)) throw new AppError('pc.order_number_taken', { number });
  return { instruction, number };
}

/**
 * R315-17: where performers work outside the unit, the first head names each performer by an
 * organisation-wide order; the items waiting for it link to it and can then be reported done.
 */
export async function signPerformersOrder(deps: AppDeps, actor: Who, organisationId: string, instructionId: string, o: OrderHead) {
  return deps.db.transaction(async (tx) => {
    const { instruction, number } = await firstHeadOrder(tx, deps, actor, organisationId, instructionId, 'performers', o);
    const waiting = (await itemsOfInstruction(tx, instruction.id)).filter((i) => i.performerOutsideUnit && !i.performerOrderId);
    if (!waiting.length) throw new AppError('pc.performers_order_nothing_pending', { number: instruction.number });
    const names = await namesOf(
      tx,
      waiting.map((i) => i.performerId),
    );
    const order = {
      id: randomUUID(),
      organisationId,
      kind: 'performers' as const,
      number,
      orderDate: o.orderDate,
      signedBy: actor.id,
      inspectionId: instruction.inspectionId,
      instructionId: instruction.id,
      unitId: instruction.unitId,
      content: {
        instruction: instruction.number,
        items: waiting.map((i) => ({
          itemId: i.id,
          position: i.position,
          measure: i.measure,
          performerId: i.performerId,
          performer: names.get(i.performerId) ?? '',
          deadline: i.deadline,
        })),
      },
      createdAt: deps.now(),
    };
    await insertOrder(tx, order);
    for (const i of waiting) await updateItem(tx, i.id, { performerOrderId: order.id });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.performers_order_signed',
      subjectType: 'pc_order',
      subjectId: order.id,
      payload: { ...order, createdAt: undefined },
    });
    await notifyPeople(
      tx,
      organisationId,
      [...waiting.map((i) => i.performerId), instruction.unitHeadId],
      'pc.performers_order_signed',
      { order: number, instruction: instruction.number },
      deps.now(),
    );
    return order;
  });
}

/**
 * R315-4: an instruction is cancelled only by the first head, only with a written order (number,
 * date, reason). The items and their violations stay as they are, in the instruction's history.
 */
export async function cancelInstruction(
  deps: AppDeps,
  actor: Who,
  organisationId: string,
  instructionId: string,
  o: OrderHead & { reason: string },
) {
  const reason = o.reason.trim();
  if (reason.length < 3) throw new AppError('pc.cancel_reason_required');
  return deps.db.transaction(async (tx) => {
    const { instruction, number } = await firstHeadOrder(tx, deps, actor, organisationId, instructionId, 'instruction_cancellation', o);
    const order = {
      id: randomUUID(),
      organisationId,
      kind: 'instruction_cancellation' as const,
      number,
      orderDate: o.orderDate,
      signedBy: actor.id,
      inspectionId: instruction.inspectionId,
      instructionId: instruction.id,
      unitId: instruction.unitId,
      content: { instruction: instruction.number, issuedOn: instruction.issuedOn, reason },
      createdAt: deps.now(),
    };
    await insertOrder(tx, order);
    const set = { status: 'cancelled' as const, cancelOrderId: order.id, cancelledAt: deps.now() };
    await updateInstruction(tx, instruction.id, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.instruction_cancelled',
      subjectType: 'pc_instruction',
      subjectId: instruction.id,
      payload: { order: { ...order, createdAt: undefined }, ...set },
    });
    const performers = (await itemsOfInstruction(tx, instruction.id)).map((i) => i.performerId);
    await notifyPeople(
      tx,
      organisationId,
      [instruction.unitHeadId, instruction.issuedBy, ...performers],
      'pc.instruction_cancelled',
      { instruction: instruction.number, order: number, reason },
      deps.now(),
    );
    return { ...instruction, ...set } satisfies InstructionRow;
  });
}
