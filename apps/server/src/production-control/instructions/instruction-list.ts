import type { DbOrTx } from '../../db/database.ts';
import { isOverdue } from './instruction-view.ts';
import {
  findFacility,
  findUnit,
  itemsOfPerson,
  itemsWithViolations,
  listInstructions,
  namesOf,
  reportAttachmentsOf,
  type InstructionRow,
} from './instructions.repository.ts';

const DONE = new Set(['verified', 'rechecked']);

/** The instructions list (filters: status, unit, overdue), each with its counts and nearest open deadline. */
export async function instructionList(
  db: DbOrTx,
  organisationId: string,
  f: { status?: InstructionRow['status']; unitId?: string; overdue?: boolean },
  today: string,
) {
  const list = await listInstructions(db, organisationId, f);
  const rows = await itemsWithViolations(
    db,
    list.map((i) => i.id),
  );
  const names = await namesOf(
    db,
    list.map((i) => i.unitHeadId),
  );
  const places = new Map<string, string>();
  for (const i of list) {
    if (!places.has(i.facilityId)) places.set(i.facilityId, (await findFacility(db, organisationId, i.facilityId))?.name ?? '');
    if (i.unitId && !places.has(i.unitId)) places.set(i.unitId, (await findUnit(db, organisationId, i.unitId))?.name ?? '');
  }
  const out = list.map((i) => {
    const mine = rows.filter((r) => r.item.instructionId === i.id);
    const open = mine.filter((r) => !DONE.has(r.violation.status));
    return {
      id: i.id,
      number: i.number,
      issuedOn: i.issuedOn,
      status: i.status,
      facility: { id: i.facilityId, name: places.get(i.facilityId) ?? '' },
      unit: i.unitId ? { id: i.unitId, name: places.get(i.unitId) ?? '' } : null,
      unitHead: i.unitHeadId ? { id: i.unitHeadId, fullName: names.get(i.unitHeadId) ?? '' } : null,
      items: mine.length,
      verified: mine.length - open.length,
      overdue: i.status === 'issued' ? open.filter((r) => isOverdue(r.violation.status, r.violation.dueOn, today)).length : 0,
      nextDeadline: open.map((r) => r.item.deadline).sort()[0] ?? null,
    };
  });
  return f.overdue === undefined ? out : out.filter((i) => i.overdue > 0 === f.overdue);
}

/** "My measures": items the user performs, or answers for as the unit head, that are not yet verified. */
export async function measuresOf(db: DbOrTx, organisationId: string, userId: string, today: string) {
  const rows = (await itemsOfPerson(db, organisationId, userId)).filter((r) => !DONE.has(r.violation.status));
  const files = await reportAttachmentsOf(
    db,
    rows.map((r) => r.violation.id),
  );
  return rows.map(({ item, violation: v, instruction }) => ({
    instructionId: instruction.id,
    instructionNumber: instruction.number,
    itemId: item.id,
    position: item.position,
    description: v.description,
    reference: v.reference,
    measure: item.measure,
    deadline: item.deadline,
    status: v.status,
    overdue: isOverdue(v.status, v.dueOn, today),
    awaitingPerformersOrder: item.performerOutsideUnit && !item.performerOrderId,
    mine: item.performerId === userId,
    evidence: files.filter((f) => f.violationId === v.id).length,
  }));
}
