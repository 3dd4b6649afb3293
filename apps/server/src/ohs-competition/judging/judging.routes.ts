import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { COMMISSION_LEVELS, COMMISSION_STAGES, INDICATOR_IDS } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { findApplication } from '../applications/applications.repository.ts';
import { ScoreSheetSchema } from '../applications/applications.schemas.ts';
import { visibleApplication } from '../competition-access.ts';
import { ApplicationParams, BASE, When, YearParams, judges, judgingReaders, organisers, readers, viewerOf } from '../competition-http.ts';
import { yearOrThrow } from '../years/years.usecases.ts';
import { applicationScore } from './applicationScore.ts';
import { addCommissionMember, formCommission } from './commissions.usecases.ts';
import { listCommissions, membersOf, reviewsOf } from './judging.repository.ts';
import { reviewIndicator } from './reviews.usecases.ts';
import { commissionOfStage, stageOf } from './stages.ts';

const Member = Type.Object({
  userId: Uuid,
  fullName: Type.String(),
  memberOrganisationId: Type.Union([Uuid, Type.Null()]),
  chair: Type.Boolean(),
});
const Commission = Type.Object({
  id: Uuid,
  level: literalUnion(COMMISSION_LEVELS),
  stage: literalUnion(COMMISSION_STAGES),
  memberOrganisationId: Type.Union([Uuid, Type.Null()]),
  formedBy: Type.String(),
  createdAt: When,
  members: Type.Array(Member),
});
const Review = Type.Object({
  id: Uuid,
  commissionId: Uuid,
  indicatorId: literalUnion(INDICATOR_IDS),
  memberId: Uuid,
  memberName: Type.String(),
  claimedCount: Type.Integer(),
  acceptedCount: Type.Integer(),
  acceptedPositive: Type.Integer(),
  reason: Type.String(),
  createdAt: When,
});

/** RC-12: commissions and their members; RC-19: reviews of each indicator, the score from the accepted counts. */
export function judgingRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/years/:yearId/commissions`,
      {
        config: { authz: readers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'The year’s competition commissions and their members (RC-12)',
          params: YearParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Commission) }) }),
        },
      },
      async (req) => {
        const year = await yearOrThrow(deps, req.params.orgId, req.params.yearId);
        const commissions = await listCommissions(deps.db, year.id);
        const members = await membersOf(
          deps.db,
          commissions.map((c) => c.id),
        );
        return { items: commissions.map((c) => ({ ...c, members: members.filter((m) => m.commissionId === c.id) })) };
      },
    );

    app.post(
      `${BASE}/years/:yearId/commissions`,
      {
        config: { authz: organisers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'Form a commission: a member organisation’s (point 13) or the republican one (point 14)',
          params: YearParams,
          body: Type.Object(
            {
              level: literalUnion(COMMISSION_LEVELS),
              memberOrganisationId: Type.Optional(Uuid),
              formedBy: Type.String({ minLength: 3, maxLength: 500 }),
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: Type.Omit(Commission, ['members']) }),
        },
      },
      async (req, reply) => reply.status(201).send(await formCommission(deps, actorOf(req), req.params.orgId, req.params.yearId, req.body)),
    );

    app.post(
      `${BASE}/commissions/:commissionId/members`,
      {
        config: { authz: organisers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'Add a member (or the chair) to a commission, with the member organisation they come from (for recusal)',
          params: Type.Object({ orgId: Uuid, commissionId: Uuid }),
          body: Type.Object(
            { userId: Uuid, memberOrganisationId: Type.Optional(Uuid), chair: Type.Optional(Type.Boolean()) },
            { additionalProperties: false },
          ),
          response: responses({ 201: Type.Omit(Member, ['fullName']) }),
        },
      },
      async (req, reply) =>
        reply.status(201).send(await addCommissionMember(deps, actorOf(req), req.params.orgId, req.params.commissionId, req.body)),
    );

    app.post(
      `${BASE}/applications/:applicationId/reviews`,
      {
        config: { authz: judges },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'Review one indicator at the application’s stage (I: the member organisation’s commission, II: the republican one): accept the count or reduce it with a written reason (RC-19); recusal applies (RC-12)',
          params: ApplicationParams,
          body: Type.Object(
            {
              indicatorId: literalUnion(INDICATOR_IDS),
              acceptedCount: Type.Integer({ minimum: 0, maximum: 100000 }),
              acceptedPositive: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
              reason: Type.Optional(Type.String({ maxLength: 2000 })),
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: Type.Omit(Review, ['memberName']) }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await reviewIndicator(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.applicationId, req.body)),
    );

    app.get(
      `${BASE}/applications/:applicationId/reviews`,
      {
        config: { authz: judgingReaders },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'The reviews of an application at a stage (its current one unless asked) and its score sheet by the claimed and by the accepted counts (RC-19)',
          params: ApplicationParams,
          querystring: Type.Object({ stage: Type.Optional(literalUnion(COMMISSION_STAGES)) }, { additionalProperties: false }),
          response: responses({
            200: Type.Object({
              stage: Type.Union([literalUnion(COMMISSION_STAGES), Type.Null()]),
              claimed: ScoreSheetSchema,
              accepted: ScoreSheetSchema,
              reviews: Type.Array(Review),
            }),
          }),
        },
      },
      async (req) => {
        const a = await visibleApplication(
          deps.db,
          req.params.orgId,
          viewerOf(req),
          await findApplication(deps.db, req.params.orgId, req.params.applicationId),
        );
        const year = await yearOrThrow(deps, req.params.orgId, a.yearId);
        const stage = req.query.stage ?? stageOf(a);
        const commission = stage ? await commissionOfStage(deps.db, a, stage) : undefined;
        return { stage, ...applicationScore(year, a, await reviewsOf(deps.db, [a.id], commission?.id)) };
      },
    );
  };
}
