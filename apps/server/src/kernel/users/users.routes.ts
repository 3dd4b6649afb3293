import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { OrgRole } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { Locale, Ok, OrgParams, OrgRoleSchema, Uuid, responses } from '../../platform/http/schemas.ts';
import { listMembers, listUsers } from './users.repository.ts';
import { createUser, grantRole, revokeRole } from './users.usecases.ts';

const Member = Type.Object({
  id: Uuid,
  login: Type.String(),
  fullName: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  totpEnabled: Type.Boolean(),
  disabled: Type.Boolean(),
  roles: Type.Array(Type.String()),
});

export function userRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/users',
      {
        config: { authz: rule.admin },
        schema: {
          tags: ['users'],
          summary: 'All users',
          response: responses({
            200: Type.Array(
              Type.Object({
                id: Uuid,
                login: Type.String(),
                fullName: Type.String(),
                email: Type.Union([Type.String(), Type.Null()]),
                isPlatformAdmin: Type.Boolean(),
                totpEnabled: Type.Boolean(),
              }),
            ),
          }),
        },
      },
      async () => listUsers(deps.db),
    );

    app.post(
      '/api/v1/users',
      {
        config: { authz: rule.admin },
        schema: {
          tags: ['users'],
          summary: 'Create a user, optionally with a first role in an organisation',
          body: Type.Object({
            login: Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' }),
            fullName: Type.String({ minLength: 3, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
            email: Type.Optional(Type.String({ format: 'email', maxLength: 200 })),
            locale: Type.Optional(Locale),
            isPlatformAdmin: Type.Optional(Type.Boolean()),
            organisationId: Type.Optional(Uuid),
            role: Type.Optional(OrgRoleSchema),
          }),
          response: responses({ 201: Type.Object({ id: Uuid, login: Type.String(), fullName: Type.String() }) }),
        },
      },
      async (req, reply) => reply.status(201).send(await createUser(deps, actorOf(req), req.body)),
    );

    app.get(
      '/api/v1/organisations/:orgId/members',
      {
        config: { authz: rule.org(['head', 'responsible', 'auditor'], { admin: true }) },
        schema: {
          tags: ['users'],
          summary: 'Members of an organisation and their roles',
          params: OrgParams,
          response: responses({ 200: Type.Array(Member) }),
        },
      },
      async (req) => listMembers(deps.db, req.params.orgId),
    );

    app.post(
      '/api/v1/organisations/:orgId/members',
      {
        config: { authz: rule.admin },
        schema: {
          tags: ['users'],
          summary: 'Grant a role in an organisation',
          params: OrgParams,
          body: Type.Object({ userId: Uuid, role: OrgRoleSchema }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await grantRole(deps, actorOf(req), req.params.orgId, req.body.userId, req.body.role as OrgRole);
        return { ok: true as const };
      },
    );

    app.delete(
      '/api/v1/organisations/:orgId/members/:userId/roles/:role',
      {
        config: { authz: rule.admin },
        schema: {
          tags: ['users'],
          summary: 'Revoke a role in an organisation',
          params: Type.Object({ orgId: Uuid, userId: Uuid, role: OrgRoleSchema }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await revokeRole(deps, actorOf(req), req.params.orgId, req.params.userId, req.params.role as OrgRole);
        return { ok: true as const };
      },
    );
  };
}
