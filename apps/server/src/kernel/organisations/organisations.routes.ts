import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ORGANISATION_TYPES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rule } from '../../platform/http/authz.ts';
import { literalUnion, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { findOrganisation, listOrganisations } from './organisations.repository.ts';
import { createOrganisation } from './organisations.usecases.ts';

const Organisation = Type.Object({
  id: Uuid,
  type: Type.String(),
  nameKk: Type.String(),
  nameRu: Type.String(),
  bin: Type.String(),
  timeZone: Type.String(),
});

export function organisationRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      '/api/v1/organisations',
      {
        config: { authz: rule.admin },
        schema: { tags: ['organisations'], summary: 'All organisations', response: responses({ 200: Type.Array(Organisation) }) },
      },
      async () => listOrganisations(deps.db),
    );

    app.post(
      '/api/v1/organisations',
      {
        config: { authz: rule.admin },
        schema: {
          tags: ['organisations'],
          summary: 'Register an organisation (tenant)',
          body: Type.Object({
            type: literalUnion(ORGANISATION_TYPES),
            nameKk: Type.String({ minLength: 2, maxLength: 300 }),
            nameRu: Type.String({ minLength: 2, maxLength: 300 }),
            bin: Type.String({ pattern: '^\\d{12}$' }),
          }),
          response: responses({ 201: Organisation }),
        },
      },
      async (req, reply) => reply.status(201).send(await createOrganisation(deps, actorOf(req), req.body)),
    );

    app.get(
      '/api/v1/organisations/:orgId',
      {
        config: { authz: rule.org(['head', 'responsible', 'inspector', 'auditor'], { admin: true }) },
        schema: { tags: ['organisations'], summary: 'One organisation', params: OrgParams, response: responses({ 200: Organisation }) },
      },
      async (req) => {
        const o = await findOrganisation(deps.db, req.params.orgId);
        if (!o) throw new AppError('organisation.not_found');
        return o;
      },
    );
  };
}
