import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { rule } from '../../platform/http/authz.ts';
import { OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { BASE, firstHead, readers, service } from '../pc-http.ts';
import { capaSummary } from './capa-summary.repository.ts';
import { thisYear, unitHeadRestriction } from './capa-rules.ts';
import { listCapas } from './capa.repository.ts';
import { AcceptBody, PlanProposal, ProposalBody, ProposalParams, RejectBody } from './capa.schemas.ts';
import { planProposalsView } from './capa.view.ts';
import { findPlanProposal, listPlanProposals, type PlanProposalRow } from './plan-proposals.repository.ts';
import { acceptPlanProposal, proposeForPlan, rejectPlanProposal } from './plan-proposals.usecases.ts';

const tags = ['production-control'];
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Count = Type.Integer();
const Summary = Type.Object({
  year: Count,
  causesByCategory: Type.Array(
    Type.Object({
      categoryId: Uuid,
      code: Type.String(),
      nameKk: Type.String(),
      nameRu: Type.String(),
      nameEn: Type.String(),
      count: Count,
    }),
  ),
  capas: Type.Object({
    opened: Count,
    openedCorrective: Count,
    openedPreventive: Count,
    closed: Count,
    evaluatedEffective: Count,
    evaluatedNotEffective: Count,
    openAtYearEnd: Count,
  }),
  proposals: Type.Object({ forYear: Count, pending: Count, accepted: Count, rejected: Count }),
});
/** The organisation's figures: the head, the service and the auditor (not a unit head). */
const summaryReaders = rule.org(['head', 'pc_service_head', 'pc_official', 'auditor']);

/** Point 21: the year's CAPAs feed next year's plan — proposals, the first head's decisions, and the year's figures. */
export function planProposalRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const shaped = async (orgId: string, rows: PlanProposalRow[]) => {
      const numbers = new Map((await listCapas(deps.db, orgId)).map((c) => [c.id, c.number]));
      return planProposalsView(deps.db, orgId, rows, numbers);
    };
    const one = async (orgId: string, id: string) => (await shaped(orgId, [(await findPlanProposal(deps.db, orgId, id))!]))[0]!;

    app.get(
      `${BASE}/capa/summary`,
      {
        config: { authz: summaryReaders },
        schema: {
          tags,
          summary:
            'The year’s CAPA figures: causes by category, CAPAs opened/closed/evaluated, proposals for next year (R315-21, for R315-20 and R315-26)',
          params: OrgParams,
          querystring: Type.Object({ year: Type.Optional(Year) }, { additionalProperties: false }),
          response: responses({ 200: Summary }),
        },
      },
      async (req) => capaSummary(deps.db, req.params.orgId, req.query.year ?? thisYear(deps)),
    );

    app.get(
      `${BASE}/capa/plan-proposals`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'Proposals for next year’s plan from the CAPAs, with the first head’s decisions (point 21)',
          params: OrgParams,
          querystring: Type.Object({ year: Type.Optional(Year), capaId: Type.Optional(Uuid) }, { additionalProperties: false }),
          response: responses({ 200: Type.Object({ items: Type.Array(PlanProposal) }) }),
        },
      },
      async (req) => {
        const { orgId } = req.params;
        const unitHeadId = (await unitHeadRestriction(deps.db, orgId, actorOf(req).id)) ?? undefined;
        return { items: await shaped(orgId, await listPlanProposals(deps.db, orgId, { ...req.query, unitHeadId })) };
      },
    );

    app.post(
      `${BASE}/capa/plan-proposals`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Propose an item for next year’s plan from a CAPA (point 21)',
          params: OrgParams,
          body: ProposalBody,
          response: responses({ 201: PlanProposal }),
        },
      },
      async (req, reply) => {
        const row = await proposeForPlan(deps, actorOf(req), req.params.orgId, req.body);
        reply.code(201);
        return (await shaped(req.params.orgId, [row]))[0]!;
      },
    );

    app.post(
      `${BASE}/capa/plan-proposals/:proposalId/accept`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'The first head accepts a proposal; an inspection with its line becomes a draft line of that year’s schedule (R315-7)',
          params: ProposalParams,
          body: AcceptBody,
          response: responses({ 200: PlanProposal }),
        },
      },
      async (req) => {
        await acceptPlanProposal(deps, actorOf(req), req.params.orgId, req.params.proposalId, req.body ?? {});
        return one(req.params.orgId, req.params.proposalId);
      },
    );

    app.post(
      `${BASE}/capa/plan-proposals/:proposalId/reject`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'The first head rejects a proposal, with the reason',
          params: ProposalParams,
          body: RejectBody,
          response: responses({ 200: PlanProposal }),
        },
      },
      async (req) => {
        await rejectPlanProposal(deps, actorOf(req), req.params.orgId, req.params.proposalId, req.body);
        return one(req.params.orgId, req.params.proposalId);
      },
    );
  };
}
