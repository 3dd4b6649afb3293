import { randomUUID } from 'node:crypto';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { rolesInOrganisation } from '../officials/people.repository.ts';
import { findFacility, findUnit, findUnitByName, insertUnit, updateUnit, type UnitRow } from './facilities.repository.ts';

/** A unit's head receives its acts and instructions (R315-15): only a person holding unit_head here. */
async function assertUnitHead(deps: AppDeps, organisationId: string, headId: string | null | undefined) {
  if (!headId) return;
  if (!(await rolesInOrganisation(deps.db, organisationId, headId)).has('unit_head'))
    throw new AppError('pc.unit_head_invalid', { field: 'headId' });
}

export async function addUnit(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  facilityId: string,
  input: { name: string; headId?: string | null },
) {
  const facility = await findFacility(deps.db, organisationId, facilityId);
  if (!facility) throw new AppError('pc.facility_not_found');
  if (facility.decommissionedOn) throw new AppError('pc.facility_decommissioned', { name: facility.name });
  const name = input.name.trim();
  if (await findUnitByName(deps.db, facilityId, name)) throw new AppError('pc.unit_name_taken', { name });
  await assertUnitHead(deps, organisationId, input.headId);
  const row: UnitRow = {
    id: randomUUID(),
    organisationId,
    facilityId,
    name,
    headId: input.headId ?? null,
    closedOn: null,
    createdAt: deps.now(),
  };
  await deps.db.transaction(async (tx) => {
    await insertUnit(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.unit_added',
      subjectType: 'pc_unit',
      subjectId: row.id,
      payload: { facilityId, name, headId: row.headId },
    });
  });
  return row;
}

/** Renames a unit or changes (or vacates, with null) its head. */
export async function changeUnit(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  unitId: string,
  input: { name?: string; headId?: string | null },
) {
  const unit = await findUnit(deps.db, organisationId, unitId);
  if (!unit) throw new AppError('pc.unit_not_found', { field: 'unitId' });
  const name = input.name?.trim();
  if (name && name !== unit.name && (await findUnitByName(deps.db, unit.facilityId, name)))
    throw new AppError('pc.unit_name_taken', { name });
  await assertUnitHead(deps, organisationId, input.headId);
  const set = { ...(name ? { name } : {}), ...(input.headId !== undefined ? { headId: input.headId } : {}) };
  await deps.db.transaction(async (tx) => {
    await updateUnit(tx, unitId, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.unit_changed',
      subjectType: 'pc_unit',
      subjectId: unitId,
      payload: { before: { name: unit.name, headId: unit.headId }, after: set },
    });
  });
  return { ...unit, ...set };
}
