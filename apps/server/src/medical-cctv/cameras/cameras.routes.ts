import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CONTROL_OBJECTS } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { IsoDate, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, CameraParams, When, acceptRawUploads, keepers, readers } from '../cctv-http.ts';
import { MB, PHOTO_TYPES, storeUpload, uploadType } from '../cctv-files.ts';
import { findCamera, listCameras, type CameraRow } from './cameras.repository.ts';
import { moveCamera, pinCamera, recordSign, registerCamera, removeCamera } from './cameras.usecases.ts';

export const Camera = Type.Object({
  id: Uuid,
  number: Type.String(),
  placeId: Uuid,
  placement: literalUnion(['internal', 'external'] as const),
  coverage: Type.String(),
  controlObjects: Type.Array(literalUnion(CONTROL_OBJECTS)),
  model: Type.String(),
  signInstalled: Type.Boolean(),
  hasSignPhoto: Type.Boolean(),
  installedOn: Type.String(),
  removedOn: Type.Union([Type.String(), Type.Null()]),
  planX: Type.Union([Type.Number(), Type.Null()]),
  planY: Type.Union([Type.Number(), Type.Null()]),
  rulesId: Type.String(),
  createdAt: When,
});
export const cameraView = (c: CameraRow) => ({
  ...c,
  hasSignPhoto: c.signPhotoSha256 !== null,
  planX: c.planX ?? null,
  planY: c.planY ?? null,
  removedOn: c.removedOn ?? null,
});
const Text = (max: number) => Type.String({ minLength: 3, maxLength: max });

/** R335-4 … R335-7: the camera register; every placement is judged by the rules before it is stored. */
export function cameraRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, PHOTO_TYPES);
    const one = `${BASE}/cameras/:cameraId`;

    app.get(
      `${BASE}/cameras`,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The camera register (R335-4, R335-5, R335-6)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Camera) }) }),
        },
      },
      async (req) => ({ items: (await listCameras(deps.db, req.params.orgId)).map(cameraView) }),
    );

    app.post(
      `${BASE}/cameras`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary:
            'Register a camera in a room or on a perimeter section; refused with the point where the rules forbid it (R335-7 … R335-12)',
          params: OrgParams,
          body: Type.Object(
            {
              number: Type.String({ minLength: 1, maxLength: 50 }),
              placeId: Uuid,
              coverage: Text(1000),
              controlObjects: Type.Array(literalUnion(CONTROL_OBJECTS), { minItems: 1, maxItems: 4, uniqueItems: true }),
              model: Type.Optional(Type.String({ maxLength: 200 })),
              installedOn: IsoDate,
              signInstalled: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: Camera }),
        },
      },
      async (req, reply) => reply.status(201).send(cameraView(await registerCamera(deps, actorOf(req), req.params.orgId, req.body))),
    );

    app.post(
      `${one}/move`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Move a camera to another place, judged again by the rules',
          params: CameraParams,
          body: Type.Object({ placeId: Uuid, reason: Text(1000) }, { additionalProperties: false }),
          response: responses({ 200: Camera }),
        },
      },
      async (req) => cameraView(await moveCamera(deps, actorOf(req), req.params.orgId, req.params.cameraId, req.body)),
    );

    app.put(
      `${one}/sign`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Record whether the sign «Бейне бақылауда» hangs at the camera (point 6)',
          params: CameraParams,
          body: Type.Object({ installed: Type.Boolean() }, { additionalProperties: false }),
          response: responses({ 200: Camera }),
        },
      },
      async (req) =>
        cameraView(await recordSign(deps, actorOf(req), req.params.orgId, req.params.cameraId, { installed: req.body.installed })),
    );

    app.put(
      `${one}/sign/photo`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'A photo of the installed sign (JPEG or PNG as the raw body, at most 10 MB); marks the sign installed',
          params: CameraParams,
          response: responses({ 200: Camera, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req) => {
        const type = uploadType(req.headers['content-type'], PHOTO_TYPES);
        const camera = await findCamera(deps.db, req.params.orgId, req.params.cameraId);
        if (!camera) throw new AppError('cctv.camera_not_found');
        if (camera.removedOn) throw new AppError('cctv.camera_removed', { number: camera.number });
        const stored = await storeUpload(deps, req.body as AsyncIterable<Buffer>, type, 10 * MB, 'sign');
        return cameraView(
          await recordSign(deps, actorOf(req), req.params.orgId, req.params.cameraId, {
            installed: true,
            photo: { sha256: stored.sha256, mime: stored.mime, size: stored.size },
          }),
        );
      },
    );

    app.get(
      `${one}/sign/photo`,
      { config: { authz: readers }, schema: { tags: ['medical-cctv'], summary: 'The photo of the sign', params: CameraParams } },
      async (req, reply) => {
        const camera = await findCamera(deps.db, req.params.orgId, req.params.cameraId);
        const stat = camera?.signPhotoSha256 ? await deps.store.stat(camera.signPhotoSha256) : undefined;
        if (!camera?.signPhotoSha256 || !stat) throw new AppError('cctv.file_not_found');
        return sendStoredObject(req, reply, deps, {
          sha256: camera.signPhotoSha256,
          size: stat.size,
          contentType: camera.signPhotoMime ?? 'application/octet-stream',
        });
      },
    );

    app.put(
      `${one}/pin`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Place the camera on its floor plan (fractions of the plan’s width and height)',
          params: CameraParams,
          body: Type.Object(
            { x: Type.Number({ minimum: 0, maximum: 1 }), y: Type.Number({ minimum: 0, maximum: 1 }) },
            { additionalProperties: false },
          ),
          response: responses({ 200: Camera }),
        },
      },
      async (req) => cameraView(await pinCamera(deps, actorOf(req), req.params.orgId, req.params.cameraId, req.body)),
    );

    app.post(
      `${one}/remove`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Take a camera down; it stays in the register with the date and reason',
          params: CameraParams,
          body: Type.Object({ removedOn: IsoDate, reason: Text(1000) }, { additionalProperties: false }),
          response: responses({ 200: Camera }),
        },
      },
      async (req) => cameraView(await removeCamera(deps, actorOf(req), req.params.orgId, req.params.cameraId, req.body)),
    );
  };
}
