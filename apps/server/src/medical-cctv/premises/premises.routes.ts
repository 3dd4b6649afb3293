import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CARE_TYPES, PLACE_KINDS, ROOM_TYPES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { Ok, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, PlaceParams, When, acceptRawUploads, keepers, readers } from '../cctv-http.ts';
import { MB, PLAN_TYPES, storeUpload, uploadType } from '../cctv-files.ts';
import { importRooms } from './importRooms.ts';
import { findPlace, findProfile, listPlaces } from './premises.repository.ts';
import { addPlace, assertFloor, attachFloorPlan, changePlace, closePlace, setCareTypes } from './premises.usecases.ts';

const Place = Type.Object({
  id: Uuid,
  parentId: Type.Union([Uuid, Type.Null()]),
  kind: literalUnion(PLACE_KINDS),
  name: Type.String(),
  roomType: Type.Union([literalUnion(ROOM_TYPES), Type.Null()]),
  unit: Type.String(),
  hasPlan: Type.Boolean(),
  createdAt: When,
  removedAt: Type.Union([When, Type.Null()]),
});
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Unit = Type.String({ maxLength: 200 });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const view = (p: Awaited<ReturnType<typeof listPlaces>>[number]) => ({ ...p, hasPlan: p.planSha256 !== null });

/** R335-2: the organisation's care types and its premises register, with floor plans and an import. */
export function premisesRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, PLAN_TYPES);
    app.addContentTypeParser(['text/csv', XLSX], { parseAs: 'buffer', bodyLimit: 5 * MB }, (_req, body, done) => done(null, body));

    app.get(
      `${BASE}/profile`,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The types of care the organisation gives (points 8–11)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ careTypes: Type.Array(literalUnion(CARE_TYPES)) }) }),
        },
      },
      async (req) => ({ careTypes: (await findProfile(deps.db, req.params.orgId))?.careTypes ?? [] }),
    );

    app.put(
      `${BASE}/profile`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Set the types of care (points 8–11); the placement rules follow them',
          params: OrgParams,
          body: Type.Object({ careTypes: Type.Array(literalUnion(CARE_TYPES), { minItems: 1, maxItems: 4, uniqueItems: true }) }),
          response: responses({ 200: Type.Object({ careTypes: Type.Array(literalUnion(CARE_TYPES)) }) }),
        },
      },
      async (req) => setCareTypes(deps, actorOf(req), req.params.orgId, req.body.careTypes),
    );

    app.get(
      `${BASE}/places`,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The premises register (R335-2)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Place) }) }),
        },
      },
      async (req) => ({ items: (await listPlaces(deps.db, req.params.orgId)).map(view) }),
    );

    app.post(
      `${BASE}/places`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Add a building, mobile medical complex, floor, room or perimeter section (R335-2)',
          params: OrgParams,
          body: Type.Object(
            {
              kind: literalUnion(PLACE_KINDS),
              name: Name,
              parentId: Type.Optional(Type.Union([Uuid, Type.Null()])),
              roomType: Type.Optional(literalUnion(ROOM_TYPES)),
              unit: Type.Optional(Unit),
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: Place }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(
          view({
            ...(await addPlace(deps, actorOf(req), req.params.orgId, req.body)),
            planSha256: null,
            planMime: null,
            planSize: null,
            removedAt: null,
          }),
        ),
    );

    app.patch(
      `${BASE}/places/:placeId`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Rename a place or change a room’s type or unit; a type that the rules forbid for its cameras is refused',
          params: PlaceParams,
          body: Type.Object(
            { name: Type.Optional(Name), unit: Type.Optional(Unit), roomType: Type.Optional(literalUnion(ROOM_TYPES)) },
            { additionalProperties: false },
          ),
          response: responses({ 200: Place }),
        },
      },
      async (req) => view(await changePlace(deps, actorOf(req), req.params.orgId, req.params.placeId, req.body)),
    );

    app.delete(
      `${BASE}/places/:placeId`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Close a place without cameras or open places under it (kept in the register)',
          params: PlaceParams,
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await closePlace(deps, actorOf(req), req.params.orgId, req.params.placeId);
        return { ok: true as const };
      },
    );

    app.put(
      `${BASE}/places/:placeId/plan`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Upload a floor’s plan (SVG, PNG or JPEG as the raw body, at most 10 MB)',
          params: PlaceParams,
          response: responses({ 200: Place, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req) => {
        const type = uploadType(req.headers['content-type'], PLAN_TYPES);
        await assertFloor(deps, req.params.orgId, req.params.placeId);
        const stored = await storeUpload(deps, req.body as AsyncIterable<Buffer>, type, 10 * MB, 'plan');
        return view(await attachFloorPlan(deps, actorOf(req), req.params.orgId, req.params.placeId, stored));
      },
    );

    app.get(
      `${BASE}/places/:placeId/plan`,
      { config: { authz: readers }, schema: { tags: ['medical-cctv'], summary: 'A floor’s plan', params: PlaceParams } },
      async (req, reply) => {
        const place = await findPlace(deps.db, req.params.orgId, req.params.placeId);
        if (!place?.planSha256 || !place.planMime) throw new AppError('cctv.file_not_found');
        const stat = await deps.store.stat(place.planSha256);
        if (!stat) throw new AppError('cctv.file_not_found');
        // An uploaded SVG may carry script: it is shown as an image only, never run as a document.
        reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
        reply.header('x-content-type-options', 'nosniff');
        return sendStoredObject(req, reply, deps, { sha256: place.planSha256, size: stat.size, contentType: place.planMime });
      },
    );

    app.post(
      `${BASE}/places/import`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Import rooms from CSV or XLSX (columns building, floor, room, room_type, unit); one bad line refuses the file',
          params: OrgParams,
          response: responses({
            201: Type.Object({ created: Type.Integer(), rooms: Type.Integer() }),
            413: Type.Ref('ErrorBody'),
            415: Type.Ref('ErrorBody'),
          }),
        },
      },
      async (req, reply) => {
        const ct = req.headers['content-type']?.split(';')[0]?.trim();
        if (ct !== 'text/csv' && ct !== XLSX) throw new AppError('cctv.file_type_invalid', { allowed: `text/csv, ${XLSX}` });
        return reply
          .status(201)
          .send(await importRooms(deps, actorOf(req), req.params.orgId, req.body as Buffer, ct === 'text/csv' ? 'csv' : 'xlsx'));
      },
    );
  };
}
