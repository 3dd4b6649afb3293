import { ORG_ROLES } from '@baqylau/contracts';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { rule } from '../../platform/http/authz.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { Ok, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { listNotifications, markNotificationsRead } from './notifications.repository.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });

export function notificationRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // Anyone with a role in the organisation reads their own notices, whatever rule set gave them the role.
    const members = rule.org(ORG_ROLES);
    app.get(
      '/api/v1/organisations/:orgId/notifications',
      {
        config: { authz: members },
        schema: {
          tags: ['notifications'],
          summary: 'My notices in this organisation, newest first',
          params: OrgParams,
          response: responses({
            200: Type.Array(
              Type.Object({
                id: Uuid,
                kind: Type.String(),
                payload: Type.Unknown(),
                createdAt: When,
                readAt: Type.Union([When, Type.Null()]),
              }),
            ),
          }),
        },
      },
      async (req) => listNotifications(deps.db, (req.principal as SessionPrincipal).userId, req.params.orgId),
    );
    app.post(
      '/api/v1/organisations/:orgId/notifications/read',
      {
        config: { authz: members },
        schema: {
          tags: ['notifications'],
          summary: 'Mark notices read',
          params: OrgParams,
          body: Type.Object({ ids: Type.Array(Uuid, { maxItems: 200 }) }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await markNotificationsRead(deps.db, (req.principal as SessionPrincipal).userId, req.body.ids, deps.now());
        return { ok: true as const };
      },
    );
  };
}
