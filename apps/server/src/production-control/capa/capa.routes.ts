import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { rule } from '../../platform/http/authz.ts';
import { OrgParams, responses } from '../../platform/http/schemas.ts';
import { BASE, PC_SERVICE, organisers, readers, service, firstHead } from '../pc-http.ts';
import { visibleCapa, unitHeadRestriction } from './capa-rules.ts';
import { findCapa, listCapas } from './capa.repository.ts';
import {
  CapaDetail,
  CapaItem,
  CapaParams,
  CauseBody,
  CloseBody,
  DecisionBody,
  EvaluationBody,
  MeasureBody,
  MeasureParams,
  OpenCapaBody,
  SummaryBody,
} from './capa.schemas.ts';
import { openCapa, recordCause } from './capa.usecases.ts';
import { capaDetailView, capaListView } from './capa.view.ts';
import { closeCapa, evaluateEffectiveness, reportToManagement } from './effectiveness.usecases.ts';
import { addMeasure, approveMeasures, markMeasureDone } from './measures.usecases.ts';
import { planProposalRoutes } from './plan-proposals.routes.ts';
import { taxonomyRoutes } from './taxonomy.routes.ts';

const tags = ['production-control'];
/** A measure is reported done by the service or by its responsible unit head (checked in the use case). */
const measureReporters = rule.org([...PC_SERVICE, 'unit_head']);

/**
 * R315-21 (points 21–23): corrective and preventive actions. Readers: the head, the service, the auditor;
 * a unit head reads the CAPAs of the units they head; performers none. The head (first head) approves
 * measures; the head or the service's head closes, once the measures are evaluated effective.
 */
export function capaRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    await app.register(taxonomyRoutes(deps));
    await app.register(planProposalRoutes(deps));

    const detail = async (orgId: string, capaId: string) => capaDetailView(deps.db, (await findCapa(deps.db, orgId, capaId))!);

    app.get(
      `${BASE}/capas`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'Corrective and preventive actions, newest first; a unit head sees those of their units (R315-21)',
          params: OrgParams,
          querystring: Type.Object(
            { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
            { additionalProperties: false },
          ),
          response: responses({ 200: Type.Object({ items: Type.Array(CapaItem) }) }),
        },
      },
      async (req) => {
        const { orgId } = req.params;
        const unitHeadId = (await unitHeadRestriction(deps.db, orgId, actorOf(req).id)) ?? undefined;
        const rows = await listCapas(deps.db, orgId, { year: req.query.year, unitHeadId });
        return { items: await capaListView(deps.db, orgId, rows) };
      },
    );

    app.post(
      `${BASE}/capas`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary:
            'Open a corrective action over violations (point 22) or a preventive one from an information source or forecast (point 23)',
          params: OrgParams,
          body: OpenCapaBody,
          response: responses({ 201: CapaDetail }),
        },
      },
      async (req, reply) => {
        const row = await openCapa(deps, actorOf(req), req.params.orgId, req.body);
        reply.code(201);
        return capaDetailView(deps.db, row);
      },
    );

    app.get(
      `${BASE}/capas/:capaId`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'One CAPA with its violations, causes, decisions, measures, evaluations (R315-21)',
          params: CapaParams,
          response: responses({ 200: CapaDetail }),
        },
      },
      async (req) => capaDetailView(deps.db, await visibleCapa(deps.db, req.params.orgId, req.params.capaId, actorOf(req).id)),
    );

    app.post(
      `${BASE}/capas/:capaId/causes`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Record the cause found by the analysis, from the taxonomy (point 22(2))',
          params: CapaParams,
          body: CauseBody,
          response: responses({ 201: CapaDetail }),
        },
      },
      async (req, reply) => {
        await recordCause(deps, actorOf(req), req.params.orgId, req.params.capaId, req.body);
        reply.code(201);
        return detail(req.params.orgId, req.params.capaId);
      },
    );

    app.post(
      `${BASE}/capas/:capaId/measures`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Propose a measure against a recorded cause: responsible, deadline, resources (point 22(3))',
          params: CapaParams,
          body: MeasureBody,
          response: responses({ 201: CapaDetail }),
        },
      },
      async (req, reply) => {
        await addMeasure(deps, actorOf(req), req.params.orgId, req.params.capaId, req.body);
        reply.code(201);
        return detail(req.params.orgId, req.params.capaId);
      },
    );

    app.post(
      `${BASE}/capas/:capaId/decisions`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'The first head’s decision approving the proposed measures (points 22(4), 23(3))',
          params: CapaParams,
          body: DecisionBody,
          response: responses({ 201: CapaDetail }),
        },
      },
      async (req, reply) => {
        await approveMeasures(deps, actorOf(req), req.params.orgId, req.params.capaId, req.body);
        reply.code(201);
        return detail(req.params.orgId, req.params.capaId);
      },
    );

    app.post(
      `${BASE}/capas/:capaId/measures/:measureId/done`,
      {
        config: { authz: measureReporters },
        schema: {
          tags,
          summary: 'Report an approved measure done (the service or its responsible unit head)',
          params: MeasureParams,
          body: SummaryBody,
          response: responses({ 200: CapaDetail }),
        },
      },
      async (req) => {
        await markMeasureDone(deps, actorOf(req), req.params.orgId, req.params.capaId, req.params.measureId, req.body);
        return detail(req.params.orgId, req.params.capaId);
      },
    );

    app.post(
      `${BASE}/capas/:capaId/evaluations`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Evaluate the effectiveness of the measures done: effective, or not (the CAPA reopens for new measures)',
          params: CapaParams,
          body: EvaluationBody,
          response: responses({ 201: CapaDetail }),
        },
      },
      async (req, reply) => {
        await evaluateEffectiveness(deps, actorOf(req), req.params.orgId, req.params.capaId, req.body);
        reply.code(201);
        return detail(req.params.orgId, req.params.capaId);
      },
    );

    app.post(
      `${BASE}/capas/:capaId/management-reports`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Present the information on the actions taken to the organisation’s management (point 23(4))',
          params: CapaParams,
          body: SummaryBody,
          response: responses({ 201: CapaDetail }),
        },
      },
      async (req, reply) => {
        await reportToManagement(deps, actorOf(req), req.params.orgId, req.params.capaId, req.body);
        reply.code(201);
        return detail(req.params.orgId, req.params.capaId);
      },
    );

    app.post(
      `${BASE}/capas/:capaId/close`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Close a CAPA evaluated effective (the head or the service’s head only)',
          params: CapaParams,
          body: CloseBody,
          response: responses({ 200: CapaDetail }),
        },
      },
      async (req) => {
        await closeCapa(deps, actorOf(req), req.params.orgId, req.params.capaId, req.body ?? {});
        return detail(req.params.orgId, req.params.capaId);
      },
    );
  };
}
