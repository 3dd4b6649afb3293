import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { appendLedgerEntry } from '../../platform/ledger/appendLedgerEntry.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { lockOrganisation } from '../organisations/organisations.repository.ts';
import { rolesOfUser } from '../users/users.repository.ts';
import { dateInZone } from '../../platform/time.ts';
import { endAppointmentRow, findAppointment, insertAppointment, overlappingPrimary } from './appointments.repository.ts';
import type { APPOINTMENT_KINDS } from './appointments.table.ts';

export interface NewAppointment {
  personId: string;
  kind: (typeof APPOINTMENT_KINDS)[number];
  orderNumber: string;
  orderDate: string;
  validFrom: string;
  validTo?: string | null;
}

/**
 * R444-6: the head appoints the responsible person by an order. At most one
 * primary appointment may cover any day; a deputy must be appointed explicitly.
 */
export async function appointResponsible(deps: AppDeps, actor: Actor & { id: string }, organisationId: string, input: NewAppointment) {
  const validTo = input.validTo ?? null;
  if (validTo !== null && validTo < input.validFrom) throw new AppError('appointment.period_invalid');
  const row = { id: randomUUID(), organisationId, appointedBy: actor.id, ...input, validTo };
  await deps.db.transaction(async (tx) => {
    const org = await lockOrganisation(tx, organisationId);
    if (!org) throw new AppError('organisation.not_found');
    const roles = await rolesOfUser(tx, input.personId, dateInZone(deps.now(), org.timeZone));
    if (!roles.has(organisationId)) throw new AppError('appointment.person_not_member');
    // R444-6: the head appoints the responsible person; one person cannot hold both (separation of duties).
    if (roles.get(organisationId)!.has('head')) throw new AppError('appointment.head_cannot_be_responsible');
    if (input.kind === 'primary') {
      const clash = await overlappingPrimary(tx, organisationId, input.validFrom, validTo);
      if (clash) throw new AppError('appointment.responsible_already_active', { name: clash.name, orderNumber: clash.orderNumber });
    }
    await insertAppointment(tx, row);
    await appendLedgerEntry(
      tx,
      { organisationId, actor, action: 'appointment.made', subjectType: 'appointment', subjectId: row.id, payload: { ...input, validTo } },
      deps.now(),
    );
  });
  return row;
}

export async function endAppointment(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { validTo: string; reason: string },
) {
  await deps.db.transaction(async (tx) => {
    const org = await lockOrganisation(tx, organisationId);
    const a = await findAppointment(tx, organisationId, id);
    if (!org || !a) throw new AppError('appointment.not_found');
    const today = dateInZone(deps.now(), org.timeZone);
    if (a.validTo !== null && a.validTo < today) throw new AppError('appointment.already_ended');
    if (input.validTo < a.validFrom || (a.validTo !== null && input.validTo > a.validTo)) {
      throw new AppError('appointment.period_invalid');
    }
    await endAppointmentRow(tx, id, input.validTo, input.reason);
    await appendLedgerEntry(
      tx,
      { organisationId, actor, action: 'appointment.ended', subjectType: 'appointment', subjectId: id, payload: input },
      deps.now(),
    );
  });
}
