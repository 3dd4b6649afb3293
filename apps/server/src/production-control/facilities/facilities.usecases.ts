import { randomUUID } from 'node:crypto';
import type { HazardFeature } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { findFacility, findFacilityByRegistration, insertFacility, updateFacility, type FacilityRow } from './facilities.repository.ts';

export interface FacilityInput {
  name: string;
  registrationNumber: string;
  address: string;
  hazardFeatures: HazardFeature[];
  safeOperationConditions?: string;
  commissionedOn?: string | null;
}

const clean = (input: Partial<FacilityInput>) => ({
  ...(input.name !== undefined ? { name: input.name.trim() } : {}),
  ...(input.registrationNumber !== undefined ? { registrationNumber: input.registrationNumber.trim() } : {}),
  ...(input.address !== undefined ? { address: input.address.trim() } : {}),
  ...(input.hazardFeatures !== undefined ? { hazardFeatures: [...new Set(input.hazardFeatures)] } : {}),
  ...(input.safeOperationConditions !== undefined ? { safeOperationConditions: input.safeOperationConditions.trim() } : {}),
  ...(input.commissionedOn !== undefined ? { commissionedOn: input.commissionedOn } : {}),
});

async function assertRegistrationFree(deps: AppDeps, organisationId: string, registrationNumber: string, self?: string) {
  const other = await findFacilityByRegistration(deps.db, organisationId, registrationNumber);
  if (other && other.id !== self) throw new AppError('pc.facility_registration_taken', { registrationNumber });
}

/** R315-9: an HPF enters the organisation's register with what the official reads before inspecting it. */
export async function registerFacility(deps: AppDeps, actor: Actor, organisationId: string, input: FacilityInput) {
  const row: FacilityRow = {
    id: randomUUID(),
    organisationId,
    safeOperationConditions: '',
    commissionedOn: null,
    decommissionedOn: null,
    createdAt: deps.now(),
    ...(clean(input) as FacilityInput),
  } as FacilityRow;
  await assertRegistrationFree(deps, organisationId, row.registrationNumber);
  await deps.db.transaction(async (tx) => {
    await insertFacility(tx, row);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.facility_registered',
      subjectType: 'pc_facility',
      subjectId: row.id,
      payload: { ...row, createdAt: undefined },
    });
  });
  return row;
}

/** Corrects a facility's data; a decommissioned facility stays as it was when it left service. */
export async function changeFacility(deps: AppDeps, actor: Actor, organisationId: string, id: string, input: Partial<FacilityInput>) {
  const set = clean(input);
  if (set.registrationNumber) await assertRegistrationFree(deps, organisationId, set.registrationNumber, id);
  return deps.db.transaction(async (tx) => {
    const f = await findFacility(tx, organisationId, id, true);
    if (!f) throw new AppError('pc.facility_not_found');
    if (f.decommissionedOn) throw new AppError('pc.facility_decommissioned', { name: f.name });
    await updateFacility(tx, id, set);
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.facility_changed',
      subjectType: 'pc_facility',
      subjectId: id,
      payload: { before: Object.fromEntries(Object.keys(set).map((k) => [k, f[k as keyof FacilityRow]])), after: set },
    });
    return { ...f, ...set };
  });
}

/** The facility leaves service; it is kept, with its inspections, as evidence. */
export async function decommissionFacility(deps: AppDeps, actor: Actor, organisationId: string, id: string, on: string) {
  return deps.db.transaction(async (tx) => {
    const f = await findFacility(tx, organisationId, id, true);
    if (!f) throw new AppError('pc.facility_not_found');
    if (f.decommissionedOn) throw new AppError('pc.facility_decommissioned', { name: f.name });
    if (f.commissionedOn && on < f.commissionedOn)
      throw new AppError('pc.date_invalid', { field: 'decommissionedOn', rule: 'after_commissioned', value: on });
    await updateFacility(tx, id, { decommissionedOn: on });
    await recordPcEvent(tx, deps, {
      organisationId,
      actor,
      action: 'pc.facility_decommissioned',
      subjectType: 'pc_facility',
      subjectId: id,
      payload: { name: f.name, decommissionedOn: on },
    });
    return { ...f, decommissionedOn: on };
  });
}
