import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { TABLE_READINGS } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, When, YearParams, organisers, readers } from '../competition-http.ts';
import { listYears } from './years.repository.ts';
import { openYear, yearOrThrow, yearView } from './years.usecases.ts';

const Deadline = Type.Object({ point: Type.String(), dueOn: Type.String(), closesAt: When, passed: Type.Boolean() });
export const Year = Type.Object({
  id: Uuid,
  reportingYear: Type.Integer(),
  rules: Type.Object({
    id: Type.String(),
    wording: Type.String(),
    places: Type.Integer(),
    readings: Type.Object({
      jointInspections: literalUnion(TABLE_READINGS.jointInspections),
      ppeProtocols: literalUnion(TABLE_READINGS.ppeProtocols),
      additionalIndicators: literalUnion(TABLE_READINGS.additionalIndicators),
    }),
  }),
  timeZone: Type.String(),
  submission: Deadline,
  results: Deadline,
  openedAt: When,
  publishedAt: Type.Union([When, Type.Null()]),
});

/** RC-4: a competition per reporting year, with the rules and deadlines it pinned (RC-16, RC-21). */
export function yearRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/years`,
      {
        config: { authz: readers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'Competition years, newest first (RC-4)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Year) }) }),
        },
      },
      async (req) => ({ items: (await listYears(deps.db, req.params.orgId)).map((y) => yearView(y, deps.now())) }),
    );

    app.post(
      `${BASE}/years`,
      {
        config: { authz: organisers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'Open the competition for a reporting year: it pins the regulation in force and its deadlines (RC-4, RC-16, RC-21)',
          params: OrgParams,
          body: Type.Object({ reportingYear: Type.Integer({ minimum: 2000, maximum: 2200 }) }, { additionalProperties: false }),
          response: responses({ 201: Year }),
        },
      },
      async (req, reply) => reply.status(201).send(yearView(await openYear(deps, actorOf(req), req.params.orgId, req.body), deps.now())),
    );

    app.get(
      `${BASE}/years/:yearId`,
      {
        config: { authz: readers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'One competition year: its rules, readings of the points table and deadlines',
          params: YearParams,
          response: responses({ 200: Year }),
        },
      },
      async (req) => yearView(await yearOrThrow(deps, req.params.orgId, req.params.yearId), deps.now()),
    );
  };
}
