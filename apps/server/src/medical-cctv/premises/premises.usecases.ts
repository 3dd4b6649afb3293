import { randomUUID } from 'node:crypto';
import { citeShort, type CareType, type PlaceKind, type RoomType } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { dateInZone } from '../../platform/time.ts';
import { recordCctvEvent } from '../cctv-ledger.ts';
import { activeCamerasAt } from '../cameras/cameras.repository.ts';
import { judgePlacement } from '../placement/judgePlacement.ts';
import { rulesInForce } from '../placement/placement-rules.ts';
import { mayStandUnder } from './place-tree.ts';
import { findPlace, findProfile, insertPlaces, openChildren, saveProfile, updatePlace, type PlaceRow } from './premises.repository.ts';

/** Points 8–11: the types of care the organisation gives decide where cameras may go. */
export async function setCareTypes(deps: AppDeps, actor: Actor, organisationId: string, careTypes: CareType[]) {
  const unique = [...new Set(careTypes)];
  if (!unique.length) throw new AppError('cctv.profile_missing');
  await deps.db.transaction(async (tx) => {
    await saveProfile(tx, { organisationId, careTypes: unique, updatedAt: deps.now() });
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.profile_set',
      subjectType: 'organisation',
      subjectId: organisationId,
      payload: { careTypes: unique },
    });
  });
  return { careTypes: unique };
}

export async function careTypesOf(deps: AppDeps, organisationId: string): Promise<CareType[]> {
  const p = await findProfile(deps.db, organisationId);
  if (!p?.careTypes.length) throw new AppError('cctv.profile_missing');
  return p.careTypes;
}

export interface NewPlace {
  kind: PlaceKind;
  name: string;
  parentId?: string | null;
  roomType?: RoomType | null;
  unit?: string;
}

/** Checks a new place against the tree and the taxonomy; the same checks serve the form and the import. */
export async function preparePlace(
  deps: AppDeps,
  organisationId: string,
  input: NewPlace,
  parentOf?: (id: string) => Promise<PlaceRow | undefined>,
) {
  const parent = input.parentId ? await (parentOf ?? ((id) => findPlace(deps.db, organisationId, id)))(input.parentId) : undefined;
  if (input.parentId && !parent) throw new AppError('cctv.place_not_found', { field: 'parentId' });
  if (parent?.removedAt) throw new AppError('cctv.place_closed', { name: parent.name });
  if (!mayStandUnder(input.kind, parent?.kind ?? null))
    throw new AppError('cctv.place_parent_invalid', { kind: input.kind, parentKind: parent?.kind ?? 'none' });
  if (input.kind === 'room' && !input.roomType) throw new AppError('cctv.room_type_required', { name: input.name });
  if (input.kind !== 'room' && input.roomType) throw new AppError('cctv.room_type_only_for_rooms', { kind: input.kind });
  const name = input.name.trim();
  if (!name) throw new AppError('cctv.place_name_required');
  return {
    id: randomUUID(),
    organisationId,
    parentId: parent?.id ?? null,
    kind: input.kind,
    name,
    roomType: input.roomType ?? null,
    unit: (input.unit ?? '').trim(),
    createdAt: deps.now(),
  };
}

/** R335-2: a building, mobile complex, floor, room or perimeter section enters the register. */
export async function addPlace(deps: AppDeps, actor: Actor, organisationId: string, input: NewPlace) {
  const row = await preparePlace(deps, organisationId, input);
  await deps.db.transaction(async (tx) => {
    await insertPlaces(tx, [row]);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.place_added',
      subjectType: 'cctv_place',
      subjectId: row.id,
      payload: { ...row, createdAt: undefined },
    });
  });
  return row;
}

/**
 * Renames a place or changes a room's type or unit. A new room type is judged again for every
 * camera in the room: a change that would leave a camera where the rules forbid it is refused.
 */
export async function changePlace(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  placeId: string,
  input: { name?: string; unit?: string; roomType?: RoomType },
) {
  return deps.db.transaction(async (tx) => {
    const place = await findPlace(tx, organisationId, placeId, true);
    if (!place) throw new AppError('cctv.place_not_found', { field: 'placeId' });
    if (place.removedAt) throw new AppError('cctv.place_closed', { name: place.name });
    if (input.roomType && place.kind !== 'room') throw new AppError('cctv.room_type_only_for_rooms', { kind: place.kind });
    if (input.roomType && input.roomType !== place.roomType) {
      const care = await careTypesOf({ ...deps, db: tx }, organisationId);
      const rules = rulesInForce(dateInZone(deps.now()));
      const j = judgePlacement(rules, care, { kind: 'room', roomType: input.roomType });
      const cameras = await activeCamerasAt(tx, organisationId, place.id);
      if (cameras.length && (j.verdict === 'prohibited' || j.verdict === 'not_provided'))
        throw new AppError(j.verdict === 'prohibited' ? 'cctv.placement_prohibited' : 'cctv.placement_not_provided', {
          camera: cameras[0]!.number,
          place: place.name,
          cite: j.cites.map(citeShort).join(', '),
          cites: j.cites,
        });
    }
    const set = {
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.unit !== undefined ? { unit: input.unit.trim() } : {}),
      ...(input.roomType !== undefined ? { roomType: input.roomType } : {}),
    };
    if (set.name === '') throw new AppError('cctv.place_name_required');
    await updatePlace(tx, place.id, set);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.place_changed',
      subjectType: 'cctv_place',
      subjectId: place.id,
      payload: { before: { name: place.name, unit: place.unit, roomType: place.roomType }, after: set },
    });
    return { ...place, ...set };
  });
}

/** A place leaves the register (the building was rebuilt, the room repurposed): only without cameras. */
export async function closePlace(deps: AppDeps, actor: Actor, organisationId: string, placeId: string) {
  await deps.db.transaction(async (tx) => {
    const place = await findPlace(tx, organisationId, placeId, true);
    if (!place) throw new AppError('cctv.place_not_found', { field: 'placeId' });
    if (place.removedAt) throw new AppError('cctv.place_closed', { name: place.name });
    const cameras = await activeCamerasAt(tx, organisationId, place.id);
    if (cameras.length) throw new AppError('cctv.place_has_cameras', { name: place.name, count: cameras.length });
    if ((await openChildren(tx, organisationId, place.id)).length) throw new AppError('cctv.place_has_children', { name: place.name });
    await updatePlace(tx, place.id, { removedAt: deps.now() });
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.place_closed',
      subjectType: 'cctv_place',
      subjectId: place.id,
      payload: { name: place.name },
    });
  });
}

/** A floor's plan (SVG, PNG or JPEG) for the compliance picture; replacing it keeps the old object in the ledger. */
export async function attachFloorPlan(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  placeId: string,
  plan: { sha256: string; mime: string; size: number },
) {
  return deps.db.transaction(async (tx) => {
    const place = await findPlace(tx, organisationId, placeId, true);
    if (!place) throw new AppError('cctv.place_not_found', { field: 'placeId' });
    if (place.kind !== 'floor') throw new AppError('cctv.plan_not_floor', { name: place.name });
    await updatePlace(tx, place.id, { planSha256: plan.sha256, planMime: plan.mime, planSize: plan.size });
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.floor_plan_attached',
      subjectType: 'cctv_place',
      subjectId: place.id,
      payload: { sha256: plan.sha256, mime: plan.mime, size: plan.size, replaced: place.planSha256 },
    });
    return { ...place, planSha256: plan.sha256, planMime: plan.mime, planSize: plan.size };
  });
}

/** Refuses an upload before its bytes are read when the place cannot take a plan. */
export async function assertFloor(deps: AppDeps, organisationId: string, placeId: string) {
  const place = await findPlace(deps.db, organisationId, placeId);
  if (!place) throw new AppError('cctv.place_not_found', { field: 'placeId' });
  if (place.kind !== 'floor') throw new AppError('cctv.plan_not_floor', { name: place.name });
}
