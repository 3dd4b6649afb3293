import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { Uuid, responses } from '../../platform/http/schemas.ts';
import { ApplicationDetail } from '../applications/applications.schemas.ts';
import { applicationDetail } from '../applications/applicationView.ts';
import { ApplicationParams, BASE, When, judges, preparers, viewerOf } from '../competition-http.ts';
import { yearOrThrow } from '../years/years.usecases.ts';
import { enterStageOne, selectForStageTwo } from './stage-one.usecases.ts';

const StageOneResult = Type.Object({
  id: Uuid,
  commissionId: Uuid,
  memberOrganisationId: Uuid,
  group: Type.Integer(),
  applicationId: Uuid,
  total: Type.Integer(),
  tiedWith: Type.Array(Uuid),
  reason: Type.String(),
  decidedBy: Uuid,
  decidedAt: When,
});

/** RC-10, RC-12: stage I within a member organisation — candidates entered, reviewed by its commission, its winner per group selected. */
export function stageOneRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post(
      `${BASE}/applications/:applicationId/stage-one`,
      {
        config: { authz: preparers },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'Enter a candidate into the member organisation’s stage I (point 10): its commission reviews the application from then on',
          params: ApplicationParams,
          response: responses({ 200: ApplicationDetail }),
        },
      },
      async (req) => {
        const a = await enterStageOne(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.applicationId);
        return applicationDetail(deps, await yearOrThrow(deps, req.params.orgId, a.yearId), a);
      },
    );

    app.post(
      `${BASE}/applications/:applicationId/stage-one/selection`,
      {
        config: { authz: judges },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'The chair of the member organisation’s commission records its stage I result: this candidate, with the most points in the group, goes to stage II (points 11, 20); a tie needs the reason',
          params: ApplicationParams,
          body: Type.Object({ reason: Type.Optional(Type.String({ maxLength: 2000 })) }, { additionalProperties: false }),
          response: responses({ 201: StageOneResult }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await selectForStageTwo(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.applicationId, req.body)),
    );
  };
}
