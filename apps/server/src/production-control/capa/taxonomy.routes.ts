import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { Ok, OrgParams, responses } from '../../platform/http/schemas.ts';
import { BASE, organisers, readers } from '../pc-http.ts';
import { CauseCategory, CauseNames, CauseParams, NewCause } from './capa.schemas.ts';
import { listCauseCategories } from './taxonomy.repository.ts';
import {
  addCauseCategory,
  deleteUnusedCauseCategory,
  renameCauseCategory,
  retireCauseCategory,
  seedDefaultTaxonomy,
} from './taxonomy.usecases.ts';

const tags = ['production-control'];
const List = Type.Object({ items: Type.Array(CauseCategory) });

/** R315-21 (point 22(2)): the taxonomy of causes — data the head or the service's head edits; everyone in production control reads it. */
export function taxonomyRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.get(
      `${BASE}/capa/causes`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'The taxonomy of causes: categories and sub-causes by code, retired ones included',
          params: OrgParams,
          response: responses({ 200: List }),
        },
      },
      async (req) => ({ items: await listCauseCategories(deps.db, req.params.orgId) }),
    );

    app.post(
      `${BASE}/capa/causes/defaults`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Load the default taxonomy of causes (once, into an empty taxonomy)',
          params: OrgParams,
          response: responses({ 201: List }),
        },
      },
      async (req, reply) => {
        const items = await seedDefaultTaxonomy(deps, actorOf(req), req.params.orgId);
        reply.code(201);
        return { items };
      },
    );

    app.post(
      `${BASE}/capa/causes`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Add a category, or a sub-cause of a category',
          params: OrgParams,
          body: NewCause,
          response: responses({ 201: CauseCategory }),
        },
      },
      async (req, reply) => {
        const row = await addCauseCategory(deps, actorOf(req), req.params.orgId, req.body);
        reply.code(201);
        return row;
      },
    );

    app.patch(
      `${BASE}/capa/causes/:causeId`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Correct a cause’s names in kk/ru/en (its code stays)',
          params: CauseParams,
          body: Type.Object(CauseNames, { additionalProperties: false }),
          response: responses({ 200: CauseCategory }),
        },
      },
      async (req) => renameCauseCategory(deps, actorOf(req), req.params.orgId, req.params.causeId, req.body),
    );

    app.post(
      `${BASE}/capa/causes/:causeId/retire`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Retire a cause: no longer chosen, kept for the records naming it',
          params: CauseParams,
          response: responses({ 200: CauseCategory }),
        },
      },
      async (req) => retireCauseCategory(deps, actorOf(req), req.params.orgId, req.params.causeId),
    );

    app.delete(
      `${BASE}/capa/causes/:causeId`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Delete a cause never recorded (a used one is retired instead)',
          params: CauseParams,
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        await deleteUnusedCauseCategory(deps, actorOf(req), req.params.orgId, req.params.causeId);
        return { ok: true as const };
      },
    );
  };
}
