import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDate, Ok, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { listAppointments } from './appointments.repository.ts';
import { appointResponsible, endAppointment } from './appointments.usecases.ts';

const Kind = Type.Union([Type.Literal('primary'), Type.Literal('deputy')]);
const Appointment = Type.Object({
  id: Uuid,
  personId: Uuid,
  personName: Type.String(),
  kind: Kind,
  orderNumber: Type.String(),
  orderDate: IsoDate,
  validFrom: IsoDate,
  validTo: Type.Union([IsoDate, Type.Null()]),
  endReason: Type.Union([Type.String(), Type.Null()]),
  appointedBy: Uuid,
  createdAt: Type.Unsafe<Date>({ type: 'string', format: 'date-time' }),
});

export function appointmentRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/organisations/:orgId/appointments',
      {
        config: { authz: rule.org(['head', 'responsible', 'auditor']) },
        schema: {
          tags: ['appointments'],
          summary: 'Appointments of the responsible person, newest first (R444-6)',
          params: OrgParams,
          response: responses({ 200: Type.Array(Appointment) }),
        },
      },
      async (req) => listAppointments(deps.db, req.params.orgId),
    );

    app.post(
      '/api/v1/organisations/:orgId/appointments',
      {
        config: { authz: rule.org(['head']) },
        schema: {
          tags: ['appointments'],
          summary: "Appoint the responsible person by the head's order (R444-6)",
          params: OrgParams,
          body: Type.Object({
            personId: Uuid,
            kind: Kind,
            orderNumber: Type.String({ minLength: 1, maxLength: 50 }),
            orderDate: IsoDate,
            validFrom: IsoDate,
            validTo: Type.Optional(Type.Union([IsoDate, Type.Null()])),
          }),
          response: responses({ 201: Type.Object({ id: Uuid }) }),
        },
      },
      async (req, reply) => {
        const row = await appointResponsible(deps, actorOf(req), req.params.orgId, req.body);
        return reply.status(201).send({ id: row.id });
      },
    );

    app.post(
      '/api/v1/organisations/:orgId/appointments/:appointmentId/end',
      {
        config: { authz: rule.org(['head']) },
        schema: {
          tags: ['appointments'],
          summary: 'End an appointment',
          params: Type.Object({ orgId: Uuid, appointmentId: Uuid }),
          body: Type.Object({ validTo: IsoDate, reason: Type.String({ minLength: 3, maxLength: 500 }) }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await endAppointment(deps, actorOf(req), req.params.orgId, req.params.appointmentId, req.body);
        return { ok: true as const };
      },
    );
  };
}
