import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HAZARD_FEATURES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDate, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, When, organisers, readers } from '../pc-http.ts';
import { findFacility, listFacilities, listUnits } from './facilities.repository.ts';
import { changeFacility, decommissionFacility, registerFacility } from './facilities.usecases.ts';
import { addUnit, changeUnit } from './units.usecases.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const Facility = Type.Object({
  id: Uuid,
  name: Type.String(),
  registrationNumber: Type.String(),
  address: Type.String(),
  hazardFeatures: Type.Array(literalUnion(HAZARD_FEATURES)),
  safeOperationConditions: Type.String(),
  commissionedOn: Nullable(Type.String()),
  decommissionedOn: Nullable(Type.String()),
  createdAt: When,
});
export const Unit = Type.Object({
  id: Uuid,
  facilityId: Uuid,
  name: Type.String(),
  headId: Nullable(Uuid),
  closedOn: Nullable(Type.String()),
  createdAt: When,
});
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const FacilityFields = {
  name: Text(300),
  registrationNumber: Text(100),
  address: Text(500),
  hazardFeatures: Type.Array(literalUnion(HAZARD_FEATURES), { minItems: 1, maxItems: HAZARD_FEATURES.length, uniqueItems: true }),
  safeOperationConditions: Type.Optional(Type.String({ maxLength: 10_000 })),
  commissionedOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
};
const FacilityParams = Type.Object({ orgId: Uuid, facilityId: Uuid });
const UnitParams = Type.Object({ orgId: Uuid, unitId: Uuid });
const tags = ['production-control'];

/** R315-9: the register of hazardous production facilities and their structural units. */
export function facilitiesRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/facilities`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'The HPF register with each facility’s structural units',
          params: OrgParams,
          response: responses({
            200: Type.Object({ items: Type.Array(Type.Object({ ...Facility.properties, units: Type.Array(Unit) })) }),
          }),
        },
      },
      async (req) => {
        const [facilities, units] = await Promise.all([listFacilities(deps.db, req.params.orgId), listUnits(deps.db, req.params.orgId)]);
        return { items: facilities.map((f) => ({ ...f, units: units.filter((u) => u.facilityId === f.id) })) };
      },
    );

    app.post(
      `${BASE}/facilities`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Register an HPF (registration number unique in the organisation)',
          params: OrgParams,
          body: Type.Object(FacilityFields, { additionalProperties: false }),
          response: responses({ 201: Facility }),
        },
      },
      async (req, reply) => reply.status(201).send(await registerFacility(deps, actorOf(req), req.params.orgId, req.body)),
    );

    app.get(
      `${BASE}/facilities/:facilityId`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'One facility with its structural units',
          params: FacilityParams,
          response: responses({ 200: Type.Object({ ...Facility.properties, units: Type.Array(Unit) }) }),
        },
      },
      async (req) => {
        const f = await findFacility(deps.db, req.params.orgId, req.params.facilityId);
        if (!f) throw new AppError('pc.facility_not_found');
        return { ...f, units: await listUnits(deps.db, req.params.orgId, f.id) };
      },
    );

    app.patch(
      `${BASE}/facilities/:facilityId`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Correct a facility’s data',
          params: FacilityParams,
          body: Type.Partial(Type.Object(FacilityFields), { additionalProperties: false, minProperties: 1 }),
          response: responses({ 200: Facility }),
        },
      },
      async (req) => changeFacility(deps, actorOf(req), req.params.orgId, req.params.facilityId, req.body),
    );

    app.post(
      `${BASE}/facilities/:facilityId/decommission`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Decommission a facility (kept in the register with its records)',
          params: FacilityParams,
          body: Type.Object({ decommissionedOn: IsoDate }, { additionalProperties: false }),
          response: responses({ 200: Facility }),
        },
      },
      async (req) => decommissionFacility(deps, actorOf(req), req.params.orgId, req.params.facilityId, req.body.decommissionedOn),
    );

    app.post(
      `${BASE}/facilities/:facilityId/units`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Add a structural unit with its head (a person holding unit_head here)',
          params: FacilityParams,
          body: Type.Object({ name: Text(300), headId: Type.Optional(Type.Union([Uuid, Type.Null()])) }, { additionalProperties: false }),
          response: responses({ 201: Unit }),
        },
      },
      async (req, reply) => reply.status(201).send(await addUnit(deps, actorOf(req), req.params.orgId, req.params.facilityId, req.body)),
    );

    app.patch(
      `${BASE}/units/:unitId`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Rename a structural unit or change its head (null: the post is vacant)',
          params: UnitParams,
          body: Type.Object(
            { name: Type.Optional(Text(300)), headId: Type.Optional(Type.Union([Uuid, Type.Null()])) },
            { additionalProperties: false, minProperties: 1 },
          ),
          response: responses({ 200: Unit }),
        },
      },
      async (req) => changeUnit(deps, actorOf(req), req.params.orgId, req.params.unitId, req.body),
    );
  };
}
