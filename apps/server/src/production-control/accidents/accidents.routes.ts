import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { rule } from '../../platform/http/authz.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { acceptRawUploads } from '../../platform/storage/checked-upload.ts';
import { EVIDENCE_TYPES, evidenceType, storeEvidence } from '../pc-files.ts';
import { BASE, firstHead, readers, service } from '../pc-http.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { accidentDetail, accidentView } from './accident-view.ts';
import {
  Accident,
  AccidentDetail,
  AccidentParams,
  ActBody,
  CommissionBody,
  ExtraordinaryBody,
  MeasureParams,
  NewAccidentBody,
} from './accidents.schemas.ts';
import { findInvestigation, listAccidents } from './accidents.repository.ts';
import { openInspectionAfterAccident } from './extraordinary.usecases.ts';
import {
  appointCommission,
  assertTakesActFile,
  attachInvestigationAct,
  markMeasureDone,
  recordInvestigationAct,
} from './investigation.usecases.ts';
import { registerAccident } from './register.usecases.ts';

const tags = ['production-control'];
/**
 * Who registers: the first head and the production-control service (head, pc_service_head, pc_official).
 * Point 4 (subpoints 9 and 12) gives the keeping of the accident documentation and the organising of
 * investigation and recording to the service's officials; a unit head is not one of them — they report
 * what happened to the service, which enters it. The investigation (commission by order, the act) is
 * the first head's and the service head's; the extraordinary inspection is the first head's order (point 8).
 */
const investigators = rule.org(['head', 'pc_service_head']);

/** R315-4, R315-8: the register of accidents, incidents and injuries, their investigation, the act's measures, the extraordinary inspection. */
export function accidentRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, EVIDENCE_TYPES);
    const one = `${BASE}/accidents/:accidentId`;
    const detail = (orgId: string, id: string) => accidentDetail(deps.db, orgId, id);

    app.get(
      `${BASE}/accidents`,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'The register of accidents, incidents and injuries, newest first; or the one that opened an extraordinary inspection',
          params: OrgParams,
          querystring: Type.Object({ inspectionId: Type.Optional(Uuid) }, { additionalProperties: false }),
          response: responses({ 200: Type.Object({ items: Type.Array(Accident) }) }),
        },
      },
      async (req) => ({ items: (await listAccidents(deps.db, req.params.orgId, req.query)).map(accidentView) }),
    );

    app.post(
      `${BASE}/accidents`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Register an accident, incident or injury (number АО-yyyy/NNN); the first head is notified',
          params: OrgParams,
          body: NewAccidentBody,
          response: responses({ 201: AccidentDetail }),
        },
      },
      async (req, reply) => {
        const row = await registerAccident(deps, actorOf(req), req.params.orgId, req.body);
        return reply.status(201).send(await detail(req.params.orgId, row.id));
      },
    );

    app.get(
      one,
      {
        config: { authz: readers },
        schema: {
          tags,
          summary: 'One entry with its investigation and measures',
          params: AccidentParams,
          response: responses({ 200: AccidentDetail }),
        },
      },
      async (req) => detail(req.params.orgId, req.params.accidentId),
    );

    app.post(
      `${one}/commission`,
      {
        config: { authz: investigators },
        schema: {
          tags,
          summary: 'The order appointing the investigating commission (chair and members)',
          params: AccidentParams,
          body: CommissionBody,
          response: responses({ 200: AccidentDetail }),
        },
      },
      async (req) => {
        await appointCommission(deps, actorOf(req), req.params.orgId, req.params.accidentId, req.body);
        return detail(req.params.orgId, req.params.accidentId);
      },
    );

    app.post(
      `${one}/act-file`,
      {
        config: { authz: investigators },
        schema: {
          tags,
          summary: 'The signed investigation act (JPEG, PNG, PDF; at most 25 MB), as the raw body; replaceable until the act is recorded',
          params: AccidentParams,
          querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
          response: responses({ 200: AccidentDetail, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req) => {
        const type = evidenceType(req.headers['content-type']);
        const { orgId, accidentId } = req.params;
        await assertTakesActFile(deps, orgId, accidentId);
        const stored = await storeEvidence(deps, req.body as AsyncIterable<Buffer>, type, req.query.fileName);
        await attachInvestigationAct(deps, actorOf(req), orgId, accidentId, stored);
        return detail(orgId, accidentId);
      },
    );

    app.get(
      `${one}/act-file`,
      {
        config: { authz: readers },
        schema: { tags, summary: 'The investigation act’s file (every download is logged)', params: AccidentParams },
      },
      async (req, reply) => {
        const { orgId, accidentId } = req.params;
        const a = await detail(orgId, accidentId);
        const inv = await findInvestigation(deps.db, a.id);
        const stat = inv?.actSha256 ? await deps.store.stat(inv.actSha256) : null;
        if (!inv?.actSha256 || !stat) throw new AppError('pc.accident_act_file_required');
        await deps.db.transaction((tx) =>
          recordPcEvent(tx, deps, {
            organisationId: orgId,
            actor: actorOf(req),
            action: 'pc.accident_act_downloaded',
            subjectType: 'pc_accident',
            subjectId: a.id,
            payload: { sha256: inv.actSha256 },
          }),
        );
        return sendStoredObject(req, reply, deps, {
          sha256: inv.actSha256,
          size: stat.size,
          contentType: inv.actMime!,
          downloadName: inv.actFileName!,
        });
      },
    );

    app.post(
      `${one}/act`,
      {
        config: { authz: investigators },
        schema: {
          tags,
          summary: 'Record the investigation act: number, date, causes, measures — the entry becomes investigated',
          params: AccidentParams,
          body: ActBody,
          response: responses({ 200: AccidentDetail }),
        },
      },
      async (req) => {
        await recordInvestigationAct(deps, actorOf(req), req.params.orgId, req.params.accidentId, req.body);
        return detail(req.params.orgId, req.params.accidentId);
      },
    );

    app.post(
      `${one}/measures/:measureId/done`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Mark a measure of the investigation act done',
          params: MeasureParams,
          body: Type.Object({ doneOn: Type.String({ maxLength: 20 }) }, { additionalProperties: false }),
          response: responses({ 200: AccidentDetail }),
        },
      },
      async (req) => {
        const { orgId, accidentId, measureId } = req.params;
        await markMeasureDone(deps, actorOf(req), orgId, accidentId, measureId, req.body);
        return detail(orgId, accidentId);
      },
    );

    app.post(
      `${one}/extraordinary-inspection`,
      {
        config: { authz: firstHead },
        schema: {
          tags,
          summary: 'The first head’s order opening an extraordinary inspection after an accident or injury (R315-8), linked to the entry',
          params: AccidentParams,
          body: ExtraordinaryBody,
          response: responses({ 201: AccidentDetail }),
        },
      },
      async (req, reply) => {
        await openInspectionAfterAccident(deps, actorOf(req), req.params.orgId, req.params.accidentId, req.body);
        return reply.status(201).send(await detail(req.params.orgId, req.params.accidentId));
      },
    );
  };
}
