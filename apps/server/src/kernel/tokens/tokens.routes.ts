import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { Ok, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import type { TokenPrincipal } from '../../platform/http/principal.ts';
import { listApiTokens } from './tokens.repository.ts';
import { createApiToken, revokeToken } from './tokens.usecases.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const NullableWhen = Type.Union([When, Type.Null()]);

export function tokenRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/organisations/:orgId/api-tokens',
      {
        config: { authz: rule.org(['head', 'responsible']) },
        schema: {
          tags: ['api tokens'],
          summary: 'Machine tokens of the organisation (dock agents)',
          params: OrgParams,
          response: responses({
            200: Type.Array(
              Type.Object({
                id: Uuid,
                name: Type.String(),
                scope: Type.String(),
                createdAt: When,
                lastUsedAt: NullableWhen,
                revokedAt: NullableWhen,
              }),
            ),
          }),
        },
      },
      async (req) => listApiTokens(deps.db, req.params.orgId),
    );

    app.post(
      '/api/v1/organisations/:orgId/api-tokens',
      {
        config: { authz: rule.org(['head', 'responsible']) },
        schema: {
          tags: ['api tokens'],
          summary: 'Issue a dock-agent token; the secret is shown once',
          params: OrgParams,
          body: Type.Object({ name: Type.String({ minLength: 2, maxLength: 100 }) }),
          response: responses({ 201: Type.Object({ id: Uuid, name: Type.String(), scope: Type.String(), secret: Type.String() }) }),
        },
      },
      async (req, reply) => reply.status(201).send(await createApiToken(deps, actorOf(req), req.params.orgId, req.body.name)),
    );

    app.post(
      '/api/v1/organisations/:orgId/api-tokens/:tokenId/revoke',
      {
        config: { authz: rule.org(['head', 'responsible']) },
        schema: {
          tags: ['api tokens'],
          summary: 'Revoke a token',
          params: Type.Object({ orgId: Uuid, tokenId: Uuid }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await revokeToken(deps, actorOf(req), req.params.orgId, req.params.tokenId);
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/dock/whoami',
      {
        config: { authz: rule.token('dock') },
        schema: {
          tags: ['dock'],
          summary: 'Which organisation a dock token belongs to',
          response: responses({ 200: Type.Object({ organisationId: Uuid, tokenId: Uuid }) }),
        },
      },
      async (req) => {
        const p = req.principal as TokenPrincipal;
        return { organisationId: p.organisationId, tokenId: p.tokenId };
      },
    );
  };
}
