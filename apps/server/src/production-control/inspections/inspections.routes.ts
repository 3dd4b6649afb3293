import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ITEM_OUTCOMES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDate, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, When, firstHead, readers, service } from '../pc-http.ts';
import { answerItem } from './answer-item.usecases.ts';
import { briefOfInspection, preInspectionBrief } from './brief.usecases.ts';
import { completeInspection } from './complete-inspection.usecases.ts';
import { violationsOfInspection } from '../violations/violations.repository.ts';
import { actOfInspection, itemsOf, listInspections } from './inspections.repository.ts';
import {
  Brief,
  Inspection,
  InspectionItem,
  InspectionParams,
  InspectionWithItems,
  ItemParams,
  inspectionView,
  itemView,
} from './inspections.schemas.ts';
import { openExtraordinaryInspection, startScheduledInspection } from './start-inspection.usecases.ts';

const TAGS = ['production-control'];

/** Inspections (R315-7, -8, -11): start, the brief (R315-9), the items with re-checks (R315-14), completion. */
export function inspectionRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    const one = `${BASE}/inspections/:inspectionId`;
    const withItems = async (orgId: string, id: string) => {
      const [r] = await listInspections(deps.db, orgId, { id, limit: 1, offset: 0 });
      if (!r) throw new AppError('pc.inspection_not_found');
      const found = new Map((await violationsOfInspection(deps.db, id)).map((v) => [v.itemId, v.id]));
      const items = (await itemsOf(deps.db, id)).map((x) => itemView(x, found));
      return { ...inspectionView(r.inspection, r), items, act: await actOfInspection(deps.db, id) };
    };

    app.get(
      `${BASE}/inspections`,
      {
        config: { authz: readers },
        schema: {
          tags: TAGS,
          summary: 'Inspections, newest first',
          params: OrgParams,
          querystring: Type.Object(
            {
              facilityId: Type.Optional(Uuid),
              status: Type.Optional(literalUnion(['in_progress', 'completed'] as const)),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
              offset: Type.Optional(Type.Integer({ minimum: 0 })),
            },
            { additionalProperties: false },
          ),
          response: responses({ 200: Type.Object({ items: Type.Array(Inspection) }) }),
        },
      },
      async (req) => {
        const rows = await listInspections(deps.db, req.params.orgId, {
          ...req.query,
          limit: req.query.limit ?? 50,
          offset: req.query.offset ?? 0,
        });
        return { items: rows.map((r) => inspectionView(r.inspection, r)) };
      },
    );

    app.get(
      `${BASE}/inspections/brief`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'The pre-inspection brief of a facility (unit): conditions, previous results, open and eliminated violations (R315-9)',
          params: OrgParams,
          querystring: Type.Object({ facilityId: Uuid, unitId: Type.Optional(Uuid) }, { additionalProperties: false }),
          response: responses({ 200: Brief }),
        },
      },
      async (req) => preInspectionBrief(deps, req.params.orgId, req.query),
    );

    app.post(
      `${BASE}/inspections`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'Start a scheduled or comprehensive inspection from an item of the approved schedule (R315-7, R315-11, R315-3)',
          params: OrgParams,
          body: Type.Object({ scheduleItemId: Uuid }, { additionalProperties: false }),
          response: responses({ 201: InspectionWithItems }),
        },
      },
      async (req, reply) => {
        const i = await startScheduledInspection(deps, actorOf(req), req.params.orgId, req.body);
        return reply.status(201).send(await withItems(req.params.orgId, i.id));
      },
    );

    app.post(
      `${BASE}/inspections/extraordinary`,
      {
        config: { authz: firstHead },
        schema: {
          tags: TAGS,
          summary: 'The first head’s order opening an extraordinary inspection after an accident or injury (R315-8)',
          params: OrgParams,
          body: Type.Object(
            {
              facilityId: Uuid,
              unitId: Type.Optional(Uuid),
              checklistId: Uuid,
              officialId: Uuid,
              orderNumber: Type.String({ minLength: 1, maxLength: 50 }),
              orderDate: IsoDate,
              basis: literalUnion(['accident', 'injury'] as const),
              basisDescription: Type.String({ minLength: 3, maxLength: 4000 }),
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: InspectionWithItems }),
        },
      },
      async (req, reply) => {
        const i = await openExtraordinaryInspection(deps, actorOf(req), req.params.orgId, req.body);
        return reply.status(201).send(await withItems(req.params.orgId, i.id));
      },
    );

    app.get(
      one,
      {
        config: { authz: readers },
        schema: {
          tags: TAGS,
          summary: 'One inspection with its own checklist',
          params: InspectionParams,
          response: responses({ 200: InspectionWithItems }),
        },
      },
      async (req) => withItems(req.params.orgId, req.params.inspectionId),
    );

    app.get(
      `${one}/brief`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'The brief of a started inspection; its official opening it is recorded (R315-9)',
          params: InspectionParams,
          response: responses({
            200: Type.Object({ ...Brief.properties, inspectionId: Uuid, briefSeenAt: Type.Union([When, Type.Null()]) }),
          }),
        },
      },
      async (req) => briefOfInspection(deps, actorOf(req), req.params.orgId, req.params.inspectionId),
    );

    app.post(
      `${one}/items/:itemId/answer`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'Answer an item: compliant, not applicable, violation; a re-check item: eliminated confirmed or reopened (R315-14)',
          params: ItemParams,
          body: Type.Object(
            {
              outcome: literalUnion(ITEM_OUTCOMES),
              note: Type.Optional(Type.String({ maxLength: 4000 })),
              description: Type.Optional(Type.String({ maxLength: 4000 })),
              dangerous: Type.Optional(Type.Boolean()),
              eliminatedOnSpot: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: responses({ 200: Type.Object({ item: InspectionItem, violationId: Type.Union([Uuid, Type.Null()]) }) }),
        },
      },
      async (req) => {
        const r = await answerItem(deps, actorOf(req), req.params.orgId, req.params.inspectionId, req.params.itemId, req.body);
        const found = new Map(r.violation ? [[r.item.id, r.violation.id]] : []);
        return { item: itemView(r.item, found), violationId: r.violation?.id ?? null };
      },
    );

    app.post(
      `${one}/complete`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'Complete the inspection with a conclusion; writes its journal entry (R315-12)',
          params: InspectionParams,
          body: Type.Object({ conclusion: Type.String({ minLength: 3, maxLength: 8000 }) }, { additionalProperties: false }),
          response: responses({ 200: Type.Object({ ...InspectionWithItems.properties, journalSeq: Type.Integer() }) }),
        },
      },
      async (req) => {
        const r = await completeInspection(deps, actorOf(req), req.params.orgId, req.params.inspectionId, req.body);
        return { ...(await withItems(req.params.orgId, r.inspection.id)), journalSeq: r.journalEntry.seq };
      },
    );
  };
}
