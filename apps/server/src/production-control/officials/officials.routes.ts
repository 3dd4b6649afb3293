import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PC_POSITIONS, type OrgRole } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDate, OrgParams, OrgRoleSchema, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { dateInZone } from '../../platform/time.ts';
import { BASE, When, firstHead, readers } from '../pc-http.ts';
import { listAppointments, type AppointmentRow } from './officials.repository.ts';
import { appointOfficial, endAppointment } from './officials.usecases.ts';
import { listPcPeople, namesByIds } from './people.repository.ts';

const PC_ROLES: OrgRole[] = ['head', 'pc_service_head', 'pc_official', 'unit_head', 'performer', 'auditor'];
const Appointment = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  position: literalUnion(PC_POSITIONS),
  orderNumber: Type.String(),
  orderDate: Type.String(),
  facilityIds: Type.Array(Uuid),
  unitIds: Type.Array(Uuid),
  validFrom: Type.String(),
  validTo: Type.Union([Type.String(), Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  inForce: Type.Boolean(),
  appointedBy: Uuid,
  createdAt: When,
});
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const tags = ['production-control'];

/** R315-3: officials of the production-control service, appointed by the first head's order, and the organisation's people. */
export function officialsRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const view = async (rows: AppointmentRow[]) => {
      const names = await namesByIds(
        deps.db,
        rows.map((r) => r.personId),
      );
      const today = dateInZone(deps.now());
      return rows.map((r) => ({
        ...r,
        personName: names.get(r.personId) ?? '',
        inForce: r.validFrom <= today && (r.validTo === null || r.validTo >= today),
      }));
    };

    app.get(
      `${BASE}/people`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'The organisation’s people taking part in production control, with their roles',
          params: OrgParams,
          response: responses({
            200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, fullName: Type.String(), roles: Type.Array(OrgRoleSchema) })) }),
          }),
        },
      },
      async (req) => ({ items: await listPcPeople(deps.db, req.params.orgId, PC_ROLES) }),
    );

    app.get(
      `${BASE}/appointments`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'Appointments of officials by the head’s order: the history, newest first (R315-3)',
          params: OrgParams,
          querystring: Type.Object({ personId: Type.Optional(Uuid) }, { additionalProperties: false }),
          response: responses({ 200: Type.Object({ items: Type.Array(Appointment) }) }),
        },
      },
      async (req) => ({ items: await view(await listAppointments(deps.db, req.params.orgId, req.query.personId)) }),
    );

    app.post(
      `${BASE}/appointments`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'Appoint an official or the service’s head by the first head’s order (R315-3)',
          params: OrgParams,
          body: Type.Object(
            {
              personId: Uuid,
              position: literalUnion(PC_POSITIONS),
              orderNumber: Text(100),
              orderDate: IsoDate,
              facilityIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }),
              unitIds: Type.Array(Uuid, { maxItems: 2000 }),
              validFrom: IsoDate,
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: Appointment }),
        },
      },
      async (req, reply) =>
        reply.status(201).send((await view([await appointOfficial(deps, actorOf(req), req.params.orgId, req.body)]))[0]!),
    );

    app.post(
      `${BASE}/appointments/:appointmentId/end`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'End an appointment on a day, with the reason (kept in the history)',
          params: Type.Object({ orgId: Uuid, appointmentId: Uuid }),
          body: Type.Object({ validTo: IsoDate, reason: Text(1000) }, { additionalProperties: false }),
          response: responses({ 200: Appointment }),
        },
      },
      async (req) => (await view([await endAppointment(deps, actorOf(req), req.params.orgId, req.params.appointmentId, req.body)]))[0]!,
    );
  };
}
