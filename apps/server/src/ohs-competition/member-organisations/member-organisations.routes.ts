import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { usersByIds } from '../../kernel/users/users.repository.ts';
import { BASE, When, organisers, readers } from '../competition-http.ts';
import { listCoordinators, listMemberOrganisations } from './member-organisations.repository.ts';
import { addMemberOrganisation, assignCoordinator } from './member-organisations.usecases.ts';

const MemberOrganisation = Type.Object({
  id: Uuid,
  nameKk: Type.String(),
  nameRu: Type.String(),
  createdAt: When,
  coordinators: Type.Array(Type.Object({ userId: Uuid, fullName: Type.String() })),
});

/** Point 10: the union's member organisations and their coordinators. */
export function memberOrganisationRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/member-organisations`,
      {
        config: { authz: readers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'The union’s member organisations (point 10) and who coordinates each',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(MemberOrganisation) }) }),
        },
      },
      async (req) => {
        const [members, coordinators] = await Promise.all([
          listMemberOrganisations(deps.db, req.params.orgId),
          listCoordinators(deps.db, req.params.orgId),
        ]);
        const names = new Map(
          (
            await usersByIds(
              deps.db,
              coordinators.map((c) => c.userId),
            )
          ).map((u) => [u.id, u.fullName]),
        );
        return {
          items: members.map((m) => ({
            ...m,
            coordinators: coordinators
              .filter((c) => c.memberOrganisationId === m.id)
              .map((c) => ({ userId: c.userId, fullName: names.get(c.userId) ?? '' })),
          })),
        };
      },
    );

    app.post(
      `${BASE}/member-organisations`,
      {
        config: { authz: organisers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'Add a member organisation (a region, Astana, Almaty or Shymkent)',
          params: OrgParams,
          body: Type.Object(
            { nameKk: Type.String({ minLength: 3, maxLength: 300 }), nameRu: Type.String({ minLength: 3, maxLength: 300 }) },
            { additionalProperties: false },
          ),
          response: responses({ 201: Type.Omit(MemberOrganisation, ['coordinators']) }),
        },
      },
      async (req, reply) => reply.status(201).send(await addMemberOrganisation(deps, actorOf(req), req.params.orgId, req.body)),
    );

    app.post(
      `${BASE}/member-organisations/:memberOrganisationId/coordinators`,
      {
        config: { authz: organisers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'Make a user holding the coordinator role the coordinator of this member organisation',
          params: Type.Object({ orgId: Uuid, memberOrganisationId: Uuid }),
          body: Type.Object({ userId: Uuid }, { additionalProperties: false }),
          response: responses({ 200: Type.Object({ memberOrganisationId: Uuid, userId: Uuid }) }),
        },
      },
      async (req) => assignCoordinator(deps, actorOf(req), req.params.orgId, req.params.memberOrganisationId, req.body.userId),
    );
  };
}
