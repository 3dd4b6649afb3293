import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { listMembers } from '../../kernel/users/users.repository.ts';
import { BASE, organisers } from '../competition-http.ts';

/** The roles the organisers place: coordinators go to member organisations, commission members to commissions. */
const PLACED_ROLES = ['member_coordinator', 'commission_member'] as const;
type PlacedRole = (typeof PLACED_ROLES)[number];
const isPlaced = (r: string): r is PlacedRole => (PLACED_ROLES as readonly string[]).includes(r);

/**
 * RC-12: the union's people the organisers may place — those holding the coordinator or the
 * commission member role — with names only (the kernel's members list, with logins and e-mails, is the head's).
 */
export function peopleRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/people`,
      {
        config: { authz: organisers },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'The union’s people holding the coordinator or the commission member role, for assigning coordinators and composing commissions',
          params: OrgParams,
          response: responses({
            200: Type.Object({
              items: Type.Array(Type.Object({ userId: Uuid, fullName: Type.String(), roles: Type.Array(literalUnion(PLACED_ROLES)) })),
            }),
          }),
        },
      },
      async (req) => ({
        items: (await listMembers(deps.db, req.params.orgId))
          .filter((m) => !m.disabled && m.roles.some(isPlaced))
          .map((m) => ({ userId: m.id, fullName: m.fullName, roles: m.roles.filter(isPlaced) })),
      }),
    );
  };
}
