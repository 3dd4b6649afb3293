import { randomUUID } from 'node:crypto';
import { lockOrganisation } from '../../kernel/organisations/organisations.repository.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { notifyHeads, notifyPeople } from '../pc-notify.ts';
import {
  actOfInspection,
  countNumbered,
  findInspection,
  findUnit,
  insertAct,
  insertInstruction,
  insertItems,
  itemsOfViolations,
  membersWithRoles,
  rolesIn,
  updateViolation,
  violationsOfInspection,
} from './instructions.repository.ts';

export interface NewInstructionItem {
  violationId: string;
  measure: string;
  performerId: string;
  deadline: string;
  /** The performer works outside the unit: the item waits for the first head's performers order (R315-17). */
  performerOutsideUnit?: boolean;
}

export interface NewAct {
  issuedOn: string;
  /** The addressee unit, when the inspection covered the whole facility. */
  unitId?: string;
  items: NewInstructionItem[];
}

/** «А-2026/014», «Н-2026/014»: numbered per organisation and year. */
const numbered = (letter: string, year: string, n: number) => `${letter}-${year}/${String(n).padStart(3, '0')}`;

/**
 * R315-15, R315-16: after a completed inspection the official hands the unit head an act and, where
 * violations were found that were not eliminated on the spot, an instruction listing each of them with
 * its measure, performer and deadline. Every open violation of the inspection must be listed; none of
 * another inspection, none already in an instruction. The deadlines await the unit head's agreement;
 * each is copied to its violation (the overdue lists read it there).
 */
export async function issueActAndInstruction(
  deps: AppDeps,
  actor: Actor & { id: string },
  organisationId: string,
  inspectionId: string,
  input: NewAct,
) {
  const today = dateInZone(deps.now());
  if (input.issuedOn > today) throw new AppError('pc.act_date_invalid', { field: 'issuedOn', value: input.issuedOn, rule: 'future' });
  return deps.db.transaction(async (tx) => {
    // Numbers are per organisation and year: issues of one organisation take turns.
    await lockOrganisation(tx, organisationId);
    const inspection = await findInspection(tx, organisationId, inspectionId);
    if (!inspection) throw new AppError('pc.inspection_not_found');
    if (inspection.status !== 'completed' || !inspection.completedAt)
      throw new AppError('pc.act_inspection_not_completed', { status: inspection.status });
    const roles = await rolesIn(tx, organisationId, actor.id);
    if (inspection.officialId !== actor.id && !roles.has('pc_service_head')) throw new AppError('pc.act_issuer_invalid');
    if (input.issuedOn < dateInZone(inspection.completedAt))
      throw new AppError('pc.act_date_invalid', { field: 'issuedOn', value: input.issuedOn, rule: 'before_inspection' });
    if (await actOfInspection(tx, inspection.id)) throw new AppError('pc.act_exists');

    const unitId = inspection.unitId ?? input.unitId;
    const unit = unitId ? await findUnit(tx, organisationId, unitId) : undefined;
    if (!unit || unit.facilityId !== inspection.facilityId || unit.closedOn) throw new AppError('pc.act_unit_invalid', { field: 'unitId' });
    if (!unit.headId) throw new AppError('pc.act_unit_head_vacant', { unit: unit.name });

    const open = (await violationsOfInspection(tx, inspection.id)).filter((v) => !v.eliminatedOnSpot && v.status === 'open');
    const openIds = new Set(open.map((v) => v.id));
    const listed = new Set<string>();
    for (const [i, it] of input.items.entries()) {
      if (!openIds.has(it.violationId) || listed.has(it.violationId))
        throw new AppError('pc.instruction_violation_invalid', { field: `items[${i}].violationId`, value: it.violationId });
      listed.add(it.violationId);
      if (it.deadline < input.issuedOn)
        throw new AppError('pc.instruction_deadline_invalid', {
          field: `items[${i}].deadline`,
          deadline: it.deadline,
          issuedOn: input.issuedOn,
        });
      if (!it.measure.trim()) throw new AppError('pc.instruction_violation_invalid', { field: `items[${i}].measure`, value: '' });
    }
    if ((await itemsOfViolations(tx, [...listed])).length)
      throw new AppError('pc.instruction_violation_invalid', { field: 'items', rule: 'taken' });
    const missing = open.filter((v) => !listed.has(v.id));
    if (missing.length)
      throw new AppError('pc.instruction_violations_missing', {
        missing: missing.length,
        violations: missing.map((v) => v.description).join('; '),
      });
    const performers = await membersWithRoles(
      tx,
      organisationId,
      input.items.map((i) => i.performerId),
      ['performer', 'unit_head'],
    );
    for (const [i, it] of input.items.entries())
      if (!performers.has(it.performerId)) throw new AppError('pc.instruction_performer_invalid', { field: `items[${i}].performerId` });

    const year = input.issuedOn.slice(0, 4);
    const now = deps.now();
    const act = {
      id: randomUUID(),
      organisationId,
      inspectionId: inspection.id,
      number: numbered('А', year, (await countNumbered(tx, 'acts', organisationId, `А-${year}/`)) + 1),
      issuedOn: input.issuedOn,
      unitHeadId: unit.headId,
      createdAt: now,
    };
    await insertAct(tx, act);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.act_issued',
      subjectType: 'pc_act',
      subjectId: act.id,
      payload: { ...act, createdAt: undefined },
    });
    if (!input.items.length) {
      await notifyPeople(tx, organisationId, [unit.headId], 'pc.act_issued', { act: act.number }, now);
      return { act, instruction: null };
    }
    const instruction = {
      id: randomUUID(),
      organisationId,
      inspectionId: inspection.id,
      facilityId: inspection.facilityId,
      unitId: unit.id,
      number: numbered('Н', year, (await countNumbered(tx, 'instructions', organisationId, `Н-${year}/`)) + 1),
      issuedOn: input.issuedOn,
      issuedBy: actor.id,
      unitHeadId: unit.headId,
      status: 'issued' as const,
      createdAt: now,
    };
    await insertInstruction(tx, instruction);
    const items = input.items.map((it, i) => ({
      id: randomUUID(),
      organisationId,
      instructionId: instruction.id,
      position: i + 1,
      violationId: it.violationId,
      measure: it.measure.trim(),
      performerId: it.performerId,
      performerOutsideUnit: it.performerOutsideUnit ?? false,
      deadline: it.deadline,
      agreement: 'pending' as const,
    }));
    await insertItems(tx, items);
    for (const it of items) await updateViolation(tx, it.violationId, { dueOn: it.deadline });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.instruction_issued',
      subjectType: 'pc_instruction',
      subjectId: instruction.id,
      payload: { ...instruction, createdAt: undefined, act: act.number, items },
    });
    await notifyPeople(
      tx,
      organisationId,
      [unit.headId],
      'pc.instruction_issued',
      { act: act.number, instruction: instruction.number, items: items.length },
      now,
    );
    const outside = items.filter((i) => i.performerOutsideUnit).length;
    if (outside)
      await notifyHeads(tx, organisationId, 'pc.performers_order_needed', { instruction: instruction.number, items: outside }, now);
    return { act, instruction };
  });
}
