import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, When, firstHead, readers, service } from '../pc-http.ts';
import { listProposals, type ProposalRow } from './proposals.repository.ts';
import { closeProposal, decideProposal, proposeStaffRemoval } from './proposals.usecases.ts';

const TAGS = ['production-control'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(s: T) => Type.Union([s, Type.Null()]);
const Proposal = Type.Object({
  id: Uuid,
  kind: literalUnion(['suspend_work', 'remove_staff'] as const),
  inspectionId: Nullable(Uuid),
  violationId: Nullable(Uuid),
  facilityId: Uuid,
  facilityName: Type.String(),
  unitId: Nullable(Uuid),
  unitName: Nullable(Type.String()),
  description: Type.String(),
  staffMember: Nullable(Type.String()),
  proposedByName: Type.String(),
  proposedAt: When,
  status: literalUnion(['pending', 'accepted', 'rejected'] as const),
  decidedAt: Nullable(When),
  decisionNote: Nullable(Type.String()),
  decisionOrderNumber: Nullable(Type.String()),
  closedAt: Nullable(When),
  closingNote: Nullable(Type.String()),
});
const ProposalParams = Type.Object({ orgId: Uuid, proposalId: Uuid });

/** Proposals to the first head (R315-9, R315-27, R315-4): suspend dangerous work, remove untrained staff; decided and closed by the head. */
export function proposalRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const named = async (orgId: string, p: ProposalRow) => {
      const [r] = await listProposals(deps.db, orgId, 'all', p.id);
      if (!r) throw new Error('a proposal just written is missing');
      return { ...r.proposal, facilityName: r.facilityName, unitName: r.unitName, proposedByName: r.proposedByName };
    };

    app.get(
      `${BASE}/proposals`,
      {
        config: { authz: readers },
        schema: {
          tags: TAGS,
          summary: 'Proposals to the first head: pending, open (not yet closed) or all',
          params: OrgParams,
          querystring: Type.Object(
            { state: Type.Optional(literalUnion(['pending', 'open', 'all'] as const)) },
            { additionalProperties: false },
          ),
          response: responses({ 200: Type.Object({ items: Type.Array(Proposal) }) }),
        },
      },
      async (req) => ({
        items: (await listProposals(deps.db, req.params.orgId, req.query.state ?? 'open')).map((r) => ({
          ...r.proposal,
          facilityName: r.facilityName,
          unitName: r.unitName,
          proposedByName: r.proposedByName,
        })),
      }),
    );

    app.post(
      `${BASE}/proposals`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'Propose removing a staff member without timely training (R315-4); the first head is notified',
          params: OrgParams,
          body: Type.Object(
            {
              inspectionId: Uuid,
              staffMember: Type.String({ minLength: 3, maxLength: 300 }),
              description: Type.String({ minLength: 3, maxLength: 4000 }),
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: Proposal }),
        },
      },
      async (req, reply) => {
        const p = await proposeStaffRemoval(deps, actorOf(req), req.params.orgId, req.body);
        return reply.status(201).send(await named(req.params.orgId, p));
      },
    );

    app.post(
      `${BASE}/proposals/:proposalId/decision`,
      {
        config: { authz: firstHead },
        schema: {
          tags: TAGS,
          summary: 'The first head accepts (with the order’s number) or rejects (with a reason)',
          params: ProposalParams,
          body: Type.Object(
            {
              accept: Type.Boolean(),
              orderNumber: Type.Optional(Type.String({ maxLength: 50 })),
              reason: Type.Optional(Type.String({ maxLength: 4000 })),
            },
            { additionalProperties: false },
          ),
          response: responses({ 200: Proposal }),
        },
      },
      async (req) => named(req.params.orgId, await decideProposal(deps, actorOf(req), req.params.orgId, req.params.proposalId, req.body)),
    );

    app.post(
      `${BASE}/proposals/:proposalId/close`,
      {
        config: { authz: firstHead },
        schema: {
          tags: TAGS,
          summary: 'Close an accepted proposal: the work resumed, or the person trained (R315-27)',
          params: ProposalParams,
          body: Type.Object({ note: Type.String({ minLength: 3, maxLength: 4000 }) }, { additionalProperties: false }),
          response: responses({ 200: Proposal }),
        },
      },
      async (req) => named(req.params.orgId, await closeProposal(deps, actorOf(req), req.params.orgId, req.params.proposalId, req.body)),
    );
  };
}
