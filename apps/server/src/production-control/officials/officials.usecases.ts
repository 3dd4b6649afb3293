import { randomUUID } from 'node:crypto';
import type { PcPosition } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { facilitiesByIds, unitsByIds } from '../facilities/facilities.repository.ts';
import { findAppointment, insertAppointment, updateAppointment, type AppointmentRow } from './officials.repository.ts';
import { rolesInOrganisation } from './people.repository.ts';

export interface AppointmentInput {
  personId: string;
  position: PcPosition;
  orderNumber: string;
  orderDate: string;
  facilityIds: string[];
  unitIds: string[];
  validFrom: string;
}

/** The scope must name this organisation's facilities in service, and units of those facilities. */
async function assertScope(deps: AppDeps, organisationId: string, facilityIds: string[], unitIds: string[]) {
  const facilities = await facilitiesByIds(deps.db, organisationId, facilityIds);
  for (const id of facilityIds) {
    const f = facilities.find((x) => x.id === id);
    if (!f) throw new AppError('pc.appointment_scope_invalid', { field: 'facilityIds', value: id, rule: 'unknown' });
    if (f.decommissionedOn) throw new AppError('pc.facility_decommissioned', { name: f.name });
  }
  const units = await unitsByIds(deps.db, organisationId, unitIds);
  for (const id of unitIds) {
    const u = units.find((x) => x.id === id);
    if (!u) throw new AppError('pc.appointment_scope_invalid', { field: 'unitIds', value: id, rule: 'unknown' });
    if (!facilityIds.includes(u.facilityId))
      throw new AppError('pc.appointment_scope_invalid', { field: 'unitIds', value: u.name, rule: 'outside_facilities' });
  }
}

/**
 * R315-3: the first head appoints an official (or the service's head) by an order: number, date,
 * person, scope, the day it takes effect. The person must hold the matching role here.
 */
export async function appointOfficial(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, input: AppointmentInput) {
  const roles = await rolesInOrganisation(deps.db, organisationId, input.personId);
  const needed = input.position === 'service_head' ? ['pc_service_head'] : ['pc_official', 'pc_service_head'];
  if (!needed.some((r) => roles.has(r as never)))
    throw new AppError('pc.appointee_role_missing', { field: 'personId', position: input.position });
  const facilityIds = [...new Set(input.facilityIds)];
  const unitIds = [...new Set(input.unitIds)];
  await assertScope(deps, organisationId, facilityIds, unitIds);
  if (input.validFrom < input.orderDate)
    throw new AppError('pc.date_invalid', { field: 'validFrom', rule: 'after_order_date', value: input.validFrom });
  const row: AppointmentRow = {
    id: randomUUID(),
    organisationId,
    personId: input.personId,
    position: input.position,
    orderNumber: input.orderNumber.trim(),
    orderDate: input.orderDate,
    facilityIds,
    unitIds,
    validFrom: input.validFrom,
    validTo: null,
    endReason: null,
    appointedBy: actor.id,
    createdAt: deps.now(),
  };
  await deps.db.transaction(async (tx) => {
    await insertAppointment(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.official_appointed',
      subjectType: 'pc_official_appointment',
      subjectId: row.id,
      payload: { ...row, createdAt: undefined },
    });
  });
  return row;
}

/** Ends an appointment on a day (not before it started), with the reason; the row stays as history. */
export async function endAppointment(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { validTo: string; reason: string },
) {
  return deps.db.transaction(async (tx) => {
    const a = await findAppointment(tx, organisationId, id, true);
    if (!a) throw new AppError('pc.appointment_not_found');
    if (a.validTo) throw new AppError('pc.appointment_ended', { validTo: a.validTo });
    if (input.validTo < a.validFrom)
      throw new AppError('pc.date_invalid', { field: 'validTo', rule: 'after_valid_from', value: input.validTo });
    const set = { validTo: input.validTo, endReason: input.reason.trim() };
    await updateAppointment(tx, id, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.appointment_ended',
      subjectType: 'pc_official_appointment',
      subjectId: id,
      payload: { personId: a.personId, orderNumber: a.orderNumber, ...set },
    });
    return { ...a, ...set };
  });
}
