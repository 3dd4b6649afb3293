import { randomUUID } from 'node:crypto';
import type { InspectionKind } from '@baqylau/contracts';
import type { Tx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { latestPublishedVersion } from '../checklists/checklists.repository.ts';
import { activeAppointmentCovering } from '../officials/activeAppointmentCovering.ts';
import {
  findChecklist,
  findFacility,
  findScheduleItem,
  findUnit,
  insertInspection,
  insertOrderOnce,
  insertItems,
  inspectionOfScheduleItem,
  recheckCandidates,
  type InspectionRow,
} from './inspections.repository.ts';

type User = Actor & { id: string };

/** R315-3: only an official whose appointment in force covers the facility (and unit) inspects it. */
async function assertAppointed(tx: Tx, deps: AppDeps, organisationId: string, personId: string, facilityId: string, unitId: string | null) {
  const day = dateInZone(deps.now());
  // An inspection of the whole facility needs an appointment over the whole facility.
  const a = await activeAppointmentCovering(tx, organisationId, personId, facilityId, unitId, day, { wholeFacility: true });
  if (!a) throw new AppError('pc.inspector_not_appointed', { day });
}

async function placeOf(tx: Tx, organisationId: string, facilityId: string, unitId: string | null) {
  const facility = await findFacility(tx, organisationId, facilityId);
  if (!facility) throw new AppError('pc.facility_not_found');
  if (unitId) {
    const unit = await findUnit(tx, organisationId, unitId);
    if (!unit || unit.facilityId !== facility.id) throw new AppError('pc.unit_not_of_facility');
  }
  return facility;
}

/** The checklist's latest published version (pinned), refused when none is published; a comprehensive inspection needs a programme (R315-11). */
async function pinVersion(tx: Tx, organisationId: string, checklistId: string, kind: InspectionKind) {
  const checklist = await findChecklist(tx, organisationId, checklistId);
  if (!checklist) throw new AppError('pc.checklist_not_published', { checklist: '—' });
  if (kind === 'comprehensive' && checklist.purpose !== 'comprehensive_programme')
    throw new AppError('pc.programme_required', { checklist: checklist.title });
  const version = await latestPublishedVersion(tx, organisationId, checklist.id);
  if (!version) throw new AppError('pc.checklist_not_published', { checklist: checklist.title });
  return version;
}

/**
 * Opens the inspection with its own checklist: a snapshot of the pinned version's questions, then
 * (R315-14) a re-check item for every open violation of the facility (unit) and every one verified
 * eliminated since — nothing here follows later template edits.
 */
async function begin(
  tx: Tx,
  deps: AppDeps,
  actor: User,
  row: Omit<InspectionRow, 'id' | 'status' | 'briefSeenAt' | 'startedAt' | 'completedAt' | 'conclusion' | 'checklistVersionId'>,
  checklistId: string,
) {
  const version = await pinVersion(tx, row.organisationId, checklistId, row.kind);
  const inspection: InspectionRow = {
    ...row,
    id: randomUUID(),
    checklistVersionId: version.id,
    status: 'in_progress',
    briefSeenAt: null,
    startedAt: deps.now(),
    completedAt: null,
    conclusion: null,
  };
  await insertInspection(tx, inspection);
  const base = { organisationId: row.organisationId, inspectionId: inspection.id };
  const rechecks = await recheckCandidates(tx, row.organisationId, row.facilityId, row.unitId);
  // Re-check items come first: the official sees what was found before, then the checklist.
  const items = [
    ...rechecks.map((v) => ({
      ...base,
      source: 'recheck' as const,
      text: v.description,
      reference: v.reference,
      severity: v.severity,
      recheckViolationId: v.id,
    })),
    ...version.questions.map((q) => ({
      ...base,
      source: 'checklist' as const,
      questionId: q.id,
      text: q.text,
      reference: q.reference,
      severity: q.severity,
    })),
  ].map((it, i) => ({ ...it, id: randomUUID(), position: i + 1 }));
  await insertItems(tx, items);
  await recordPcEvent(tx, deps, {
    organisationId: row.organisationId,
    actor,
    action: 'pc.inspection_started',
    subjectType: 'pc_inspection',
    subjectId: inspection.id,
    payload: {
      kind: row.kind,
      facilityId: row.facilityId,
      unitId: row.unitId,
      officialId: row.officialId,
      scheduleItemId: row.scheduleItemId,
      checklistVersionId: version.id,
      questions: version.questions.length,
      rechecks: rechecks.map((v) => v.id),
      order: row.orderNumber ? { number: row.orderNumber, date: row.orderDate, basis: row.basis } : undefined,
    },
  });
  return inspection;
}

/** R315-7, R315-11: a scheduled or comprehensive inspection, from an item of the approved schedule, by an appointed official. */
export async function startScheduledInspection(deps: AppDeps, actor: User, organisationId: string, input: { scheduleItemId: string }) {
  if (actor.kind !== 'user') throw new AppError('pc.inspector_not_appointed', { day: dateInZone(deps.now()) });
  return deps.db.transaction(async (tx) => {
    const found = await findScheduleItem(tx, organisationId, input.scheduleItemId);
    if (!found) throw new AppError('pc.schedule_item_not_found');
    if (found.scheduleStatus !== 'approved') throw new AppError('pc.schedule_item_not_approved');
    const item = found.item;
    if (await inspectionOfScheduleItem(tx, item.id)) throw new AppError('pc.schedule_item_already_started');
    await placeOf(tx, organisationId, item.facilityId, item.unitId);
    await assertAppointed(tx, deps, organisationId, actor.id, item.facilityId, item.unitId);
    return begin(
      tx,
      deps,
      actor,
      {
        organisationId,
        facilityId: item.facilityId,
        unitId: item.unitId,
        kind: item.kind,
        scheduleItemId: item.id,
        officialId: actor.id,
        orderNumber: null,
        orderDate: null,
        basis: null,
        basisDescription: null,
      },
      item.checklistId,
    );
  });
}

export interface ExtraordinaryOrder {
  facilityId: string;
  unitId?: string;
  checklistId: string;
  officialId: string;
  orderNumber: string;
  orderDate: string;
  basis: 'accident' | 'injury';
  basisDescription: string;
}

/**
 * R315-8: an extraordinary inspection is opened only by the first head's order after an accident or
 * an accident-caused injury; the order is recorded (pc_orders) and names the official, who must be
 * appointed for the facility (R315-3).
 */
export async function openExtraordinaryInspection(deps: AppDeps, actor: User, organisationId: string, input: ExtraordinaryOrder) {
  const orderNumber = input.orderNumber.trim();
  const basisDescription = input.basisDescription.trim();
  if (!orderNumber || basisDescription.length < 3) throw new AppError('pc.extraordinary_order_required');
  const unitId = input.unitId ?? null;
  return deps.db.transaction(async (tx) => {
    await placeOf(tx, organisationId, input.facilityId, unitId);
    await assertAppointed(tx, deps, organisationId, input.officialId, input.facilityId, unitId);
    const inspection = await begin(
      tx,
      deps,
      actor,
      {
        organisationId,
        facilityId: input.facilityId,
        unitId,
        kind: 'extraordinary',
        scheduleItemId: null,
        officialId: input.officialId,
        orderNumber,
        orderDate: input.orderDate,
        basis: input.basis,
        basisDescription,
      },
      input.checklistId,
    );
    const order = {
      id: randomUUID(),
      organisationId,
      kind: 'extraordinary_inspection' as const,
      number: orderNumber,
      orderDate: input.orderDate,
      signedBy: actor.id,
      inspectionId: inspection.id,
      unitId,
      content: { facilityId: input.facilityId, officialId: input.officialId, basis: input.basis, basisDescription },
      createdAt: deps.now(),
    };
    if (!(await insertOrderOnce(tx, order))) throw new AppError('pc.order_number_taken', { number: orderNumber });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.extraordinary_inspection_ordered',
      subjectType: 'pc_order',
      subjectId: order.id,
      payload: { ...order, createdAt: undefined },
    });
    return inspection;
  });
}
