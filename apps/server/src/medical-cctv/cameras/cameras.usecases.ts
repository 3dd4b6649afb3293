import { randomUUID } from 'node:crypto';
import type { ControlObject } from '@baqylau/contracts';
import type { DbOrTx } from '../../db/database.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/ledger/ledger.types.ts';
import { recordCctvEvent, isCalendarDate } from '../cctv-ledger.ts';
import { findPlace } from '../premises/premises.repository.ts';
import { findCamera, findCameraByNumber, insertCamera, updateCamera, type CameraRow } from './cameras.repository.ts';
import { assertCameraMayBeAt } from './judgeSpot.ts';

export interface NewCamera {
  number: string;
  placeId: string;
  coverage: string;
  controlObjects: ControlObject[];
  model?: string;
  installedOn: string;
  signInstalled?: boolean;
}

function assertDate(value: string, field: string) {
  if (!isCalendarDate(value)) throw new AppError('cctv.date_invalid', { field, value });
}

/** R335-4 … R335-7: a camera enters the register only where the rules allow it. */
export async function registerCamera(deps: AppDeps, actor: Actor, organisationId: string, input: NewCamera) {
  assertDate(input.installedOn, 'installedOn');
  const number = input.number.trim();
  if (!number) throw new AppError('cctv.camera_number_required');
  if (!input.controlObjects.length) throw new AppError('cctv.control_objects_required');
  return deps.db.transaction(async (tx) => {
    if (await findCameraByNumber(tx, organisationId, number)) throw new AppError('cctv.camera_number_taken', { number });
    const place = await findPlace(tx, organisationId, input.placeId, true);
    if (!place) throw new AppError('cctv.place_not_found', { field: 'placeId' });
    const { judgement, placement } = await assertCameraMayBeAt(tx, deps, organisationId, place);
    const row = {
      id: randomUUID(),
      organisationId,
      number,
      placeId: place.id,
      placement,
      coverage: input.coverage.trim(),
      controlObjects: [...new Set(input.controlObjects)],
      model: (input.model ?? '').trim(),
      signInstalled: input.signInstalled ?? false,
      installedOn: input.installedOn,
      rulesId: judgement.rulesId,
      createdAt: deps.now(),
    };
    await insertCamera(tx, row);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.camera_registered',
      subjectType: 'cctv_camera',
      subjectId: row.id,
      payload: { ...row, createdAt: undefined, verdict: judgement.verdict, cites: judgement.cites },
    });
    return row as CameraRow;
  });
}

async function lockActiveCamera(tx: DbOrTx, organisationId: string, id: string) {
  const camera = await findCamera(tx, organisationId, id, true);
  if (!camera) throw new AppError('cctv.camera_not_found');
  if (camera.removedOn) throw new AppError('cctv.camera_removed', { number: camera.number });
  return camera;
}

/** A camera moves to another room or perimeter section: judged again, as a new registration would be. */
export async function moveCamera(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { placeId: string; reason: string },
) {
  return deps.db.transaction(async (tx) => {
    const camera = await lockActiveCamera(tx, organisationId, id);
    const place = await findPlace(tx, organisationId, input.placeId, true);
    if (!place) throw new AppError('cctv.place_not_found', { field: 'placeId' });
    const { judgement, placement } = await assertCameraMayBeAt(tx, deps, organisationId, place);
    // A new place has its own sign (point 6) and its own spot on a plan.
    const set = {
      placeId: place.id,
      placement,
      rulesId: judgement.rulesId,
      signInstalled: false,
      signPhotoSha256: null,
      signPhotoMime: null,
      signPhotoSize: null,
      planX: null,
      planY: null,
    };
    await updateCamera(tx, camera.id, set);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.camera_moved',
      subjectType: 'cctv_camera',
      subjectId: camera.id,
      payload: { from: camera.placeId, to: place.id, reason: input.reason, verdict: judgement.verdict, cites: judgement.cites },
    });
    return { ...camera, ...set };
  });
}

/** Point 6: the sign "Бейне бақылауда" hangs where the camera is (a photo proves it). */
export async function recordSign(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { installed: boolean; photo?: { sha256: string; mime: string; size: number } },
) {
  return deps.db.transaction(async (tx) => {
    const camera = await lockActiveCamera(tx, organisationId, id);
    const photo = input.installed
      ? (input.photo ??
        (camera.signPhotoSha256 ? { sha256: camera.signPhotoSha256, mime: camera.signPhotoMime, size: camera.signPhotoSize } : null))
      : null;
    const set = {
      signInstalled: input.installed,
      signPhotoSha256: photo?.sha256 ?? null,
      signPhotoMime: photo?.mime ?? null,
      signPhotoSize: photo?.size ?? null,
    };
    await updateCamera(tx, camera.id, set);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.camera_sign_recorded',
      subjectType: 'cctv_camera',
      subjectId: camera.id,
      payload: set,
    });
    return { ...camera, ...set };
  });
}

/** Where the camera stands on its floor plan (fractions of the plan's width and height). */
export async function pinCamera(deps: AppDeps, actor: Actor, organisationId: string, id: string, input: { x: number; y: number }) {
  return deps.db.transaction(async (tx) => {
    const camera = await lockActiveCamera(tx, organisationId, id);
    const set = { planX: input.x, planY: input.y };
    await updateCamera(tx, camera.id, set);
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.camera_pinned',
      subjectType: 'cctv_camera',
      subjectId: camera.id,
      payload: set,
    });
    return { ...camera, ...set };
  });
}

/** A camera is taken down: it stays in the register with the date and the reason. */
export async function removeCamera(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  id: string,
  input: { removedOn: string; reason: string },
) {
  assertDate(input.removedOn, 'removedOn');
  return deps.db.transaction(async (tx) => {
    const camera = await lockActiveCamera(tx, organisationId, id);
    if (input.removedOn < camera.installedOn) throw new AppError('cctv.removed_before_installed', { installedOn: camera.installedOn });
    await updateCamera(tx, camera.id, { removedOn: input.removedOn });
    await recordCctvEvent(tx, deps, {
      organisationId,
      actor,
      action: 'cctv.camera_removed',
      subjectType: 'cctv_camera',
      subjectId: camera.id,
      payload: input,
    });
    return { ...camera, removedOn: input.removedOn };
  });
}
