import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { OrgParams, responses } from '../../platform/http/schemas.ts';
import { acceptRawUploads } from '../../platform/storage/checked-upload.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { EVIDENCE_TYPES, evidenceType, storeEvidence } from '../pc-files.ts';
import { BASE, firstHead, organisers, readers, service } from '../pc-http.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { findPlan } from './plans.repository.ts';
import {
  ApprovalBody,
  CompletionBody,
  MeasureParams,
  Plan,
  PlanBody,
  PlanParams,
  StoredFile,
  VersionBody,
  VersionParams,
} from './plans.schemas.ts';
import { approveVersion, completeMeasure, createPlan, submitVersion } from './plans.usecases.ts';
import { plansView } from './plans.view.ts';

const tags = ['production-control'];
const ROOT = `${BASE}/plans`;
const ONE = `${ROOT}/:planId`;

/** R315-4, R315-26 sections 1 and 4: the plan of industrial-safety measures and the accident-response plans, as versioned documents. */
export function planRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, EVIDENCE_TYPES);
    const one = async (orgId: string, planId: string) => {
      const p = (await plansView(deps.db, orgId, deps.now(), planId)).items[0];
      if (!p) throw new AppError('pc.plan_not_found');
      return p;
    };

    app.get(
      ROOT,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary:
            'Every plan with its versions, the version in force, measures’ states and the accident-response plans’ validity (R315-4)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ today: Type.String(), items: Type.Array(Plan) }) }),
        },
      },
      async (req) => plansView(deps.db, req.params.orgId, deps.now()),
    );

    app.post(
      ROOT,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary: 'Open a plan: of industrial-safety measures for a year, or an accident-response plan of a facility (R315-4)',
          params: OrgParams,
          body: PlanBody,
          response: responses({ 201: Plan }),
        },
      },
      async (req, reply) => {
        const row = await createPlan(deps, actorOf(req), req.params.orgId, req.body);
        reply.code(201);
        return one(req.params.orgId, row.id);
      },
    );

    app.get(
      ONE,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'A plan and its history: who submitted and who approved each version (R315-4)',
          params: PlanParams,
          response: responses({ 200: Plan }),
        },
      },
      async (req) => one(req.params.orgId, req.params.planId),
    );

    app.post(
      `${ONE}/document`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary:
            'Upload the signed document of a version to come (PDF, JPEG or PNG; at most 25 MB), as the raw body; the version names it by SHA-256',
          params: PlanParams,
          querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
          response: responses({ 201: StoredFile, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const type = evidenceType(req.headers['content-type']);
        const { orgId, planId } = req.params;
        if (!(await findPlan(deps.db, orgId, planId))) throw new AppError('pc.plan_not_found');
        const stored = await storeEvidence(deps, req.body as AsyncIterable<Buffer>, type, req.query.fileName);
        await deps.db.transaction((tx) =>
          recordPcEvent(tx, deps, {
            organisationId: orgId,
            actor: actorOf(req),
            action: 'pc.plan_document_uploaded',
            subjectType: 'pc_plan',
            subjectId: planId,
            payload: stored,
          }),
        );
        return reply.status(201).send(stored);
      },
    );

    app.post(
      `${ONE}/versions`,
      {
        config: { authz: organisers },
        schema: {
          tags,
          summary:
            'Submit a new version (write-once): summary, validity, the signed document and, for a plan of measures, its measures (R315-4)',
          params: PlanParams,
          body: VersionBody,
          response: responses({ 201: Plan }),
        },
      },
      async (req, reply) => {
        await submitVersion(deps, actorOf(req), req.params.orgId, req.params.planId, req.body);
        reply.code(201);
        return one(req.params.orgId, req.params.planId);
      },
    );

    app.get(
      `${ONE}/versions/:versionId/document`,
      {
        config: { authz: readers },
        schema: { tags, summary: 'The signed document of a version', params: VersionParams },
      },
      async (req, reply) => {
        const v = (await one(req.params.orgId, req.params.planId)).versions.find((x) => x.id === req.params.versionId);
        if (!v?.file) throw new AppError('pc.plan_version_not_found');
        return sendStoredObject(req, reply, deps, {
          sha256: v.file.sha256,
          size: v.file.size,
          contentType: v.file.mime,
          downloadName: v.file.fileName,
        });
      },
    );

    app.post(
      `${ONE}/versions/:versionId/approval`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'The first head approves the latest, unapproved version (order number optional); it becomes the plan in force (R315-4)',
          params: VersionParams,
          body: ApprovalBody,
          response: responses({ 200: Plan }),
        },
      },
      async (req) => {
        await approveVersion(deps, actorOf(req), req.params.orgId, req.params.planId, req.params.versionId, req.body.orderNumber);
        return one(req.params.orgId, req.params.planId);
      },
    );

    app.post(
      `${ONE}/measures/:measureId/completion`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Record a measure of the plan in force done (date, note; write-once) (R315-26 section 1)',
          params: MeasureParams,
          body: CompletionBody,
          response: responses({ 201: Plan }),
        },
      },
      async (req, reply) => {
        await completeMeasure(deps, actorOf(req), req.params.orgId, req.params.planId, req.params.measureId, req.body);
        reply.code(201);
        return one(req.params.orgId, req.params.planId);
      },
    );
  };
}
