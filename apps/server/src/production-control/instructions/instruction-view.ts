import type { DbOrTx } from '../../db/database.ts';
import {
  actOfInspection,
  eventsOfViolations,
  findFacility,
  findUnit,
  itemsWithViolations,
  namesOf,
  ordersByIds,
  reportAttachmentsOf,
  type InstructionRow,
} from './instructions.repository.ts';

const person = (names: Map<string, string>, id: string | null | undefined) => (id ? { id, fullName: names.get(id) ?? '' } : null);

/** Overdue: the deadline has passed and the violation is still open (R315-13). */
export const isOverdue = (status: string, dueOn: string | null, today: string) => status === 'open' && !!dueOn && dueOn < today;

/** Everything an instruction page shows: items with their violations, people, orders, evidence and history. */
export async function instructionView(db: DbOrTx, i: InstructionRow, today: string) {
  const rows = await itemsWithViolations(db, [i.id]);
  const vIds = rows.map((r) => r.violation.id);
  const [facility, unit, act, events, evidence, orders] = await Promise.all([
    findFacility(db, i.organisationId, i.facilityId),
    i.unitId ? findUnit(db, i.organisationId, i.unitId) : undefined,
    actOfInspection(db, i.inspectionId),
    eventsOfViolations(db, vIds),
    reportAttachmentsOf(db, vIds),
    ordersByIds(
      db,
      [i.cancelOrderId, ...rows.map((r) => r.item.performerOrderId)].filter((x): x is string => !!x),
    ),
  ]);
  const names = await namesOf(db, [
    i.issuedBy,
    i.unitHeadId,
    ...rows.flatMap((r) => [r.item.performerId, r.item.settledBy, r.violation.verifiedBy]),
    ...events.map((e) => e.actorId),
    ...orders.map((o) => o.signedBy),
  ]);
  const order = (id: string | null) => {
    const o = id ? orders.find((x) => x.id === id) : undefined;
    return o
      ? { id: o.id, number: o.number, orderDate: o.orderDate, signedBy: person(names, o.signedBy)!, reason: String(o.content.reason ?? '') }
      : null;
  };
  const items = rows.map(({ item, violation: v }) => ({
    id: item.id,
    position: item.position,
    violationId: v.id,
    description: v.description,
    reference: v.reference,
    severity: v.severity,
    dangerous: v.dangerous,
    measure: item.measure,
    performer: person(names, item.performerId)!,
    performerOutsideUnit: item.performerOutsideUnit,
    performerOrder: order(item.performerOrderId),
    awaitingPerformersOrder: item.performerOutsideUnit && !item.performerOrderId,
    deadline: item.deadline,
    agreement: item.agreement,
    proposedDeadline: item.proposedDeadline ?? null,
    disagreementReason: item.disagreementReason ?? null,
    settledBy: person(names, item.settledBy),
    settledAt: item.settledAt ?? null,
    settlementNote: item.settlementNote ?? null,
    status: v.status,
    overdue: i.status === 'issued' && isOverdue(v.status, v.dueOn, today),
    verifiedAt: v.verifiedAt ?? null,
    verifiedBy: person(names, v.verifiedBy),
    evidence: evidence
      .filter((a) => a.violationId === v.id)
      .map((a) => ({ id: a.id, fileName: a.fileName, mime: a.mime, size: a.size, uploadedAt: a.uploadedAt })),
    history: events
      .filter((e) => e.violationId === v.id)
      .map((e) => ({ kind: e.kind, at: e.at, actor: person(names, e.actorId)!, note: e.note ?? null })),
  }));
  return {
    id: i.id,
    number: i.number,
    issuedOn: i.issuedOn,
    status: i.status,
    inspectionId: i.inspectionId,
    facility: { id: i.facilityId, name: facility?.name ?? '' },
    unit: unit ? { id: unit.id, name: unit.name } : null,
    issuedBy: person(names, i.issuedBy)!,
    unitHead: person(names, i.unitHeadId),
    act: act ? { id: act.id, number: act.number, issuedOn: act.issuedOn } : null,
    closedAt: i.closedAt ?? null,
    cancelledAt: i.cancelledAt ?? null,
    cancelOrder: order(i.cancelOrderId),
    overdue: items.some((x) => x.overdue),
    items,
  };
}
export type InstructionView = Awaited<ReturnType<typeof instructionView>>;
