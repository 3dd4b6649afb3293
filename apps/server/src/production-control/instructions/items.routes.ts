import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { IsoDate, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import {
  acceptRawUploads,
  checkedUploadType,
  storeCheckedUpload,
  type UploadRefusals,
  type UploadType,
} from '../../platform/storage/checked-upload.ts';
import { dateInZone } from '../../platform/time.ts';
import { BASE, firstHead, participants } from '../pc-http.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { addMeasureEvidence, reportMeasureDone, verifyElimination } from './closure.usecases.ts';
import { answerDeadline, settleDeadline } from './deadlines.usecases.ts';
import { measuresOf } from './instruction-list.ts';
import { instructionView } from './instruction-view.ts';
import { ItemParams, officials, performers, unitHeads } from './instructions-http.ts';
import { findInstruction, itemsOfInstruction, reportAttachmentsOf, type InstructionRow } from './instructions.repository.ts';
import { Evidence, Instruction, Measure } from './instructions.schemas.ts';

const EVIDENCE_TYPES: UploadType[] = ['image/jpeg', 'image/png', 'application/pdf'];
const REFUSALS: UploadRefusals = {
  typeInvalid: 'pc.evidence_type_invalid',
  tooLarge: 'pc.evidence_too_large',
  mismatch: 'pc.evidence_content_mismatch',
  empty: 'pc.evidence_empty',
};
const MAX_EVIDENCE = 20 * 2 ** 20;
const body = (props: Parameters<typeof Type.Object>[0]) => Type.Object(props, { additionalProperties: false });

/** R315-16, R315-17, R315-27: an item's deadline agreement and settlement, the measure reported with evidence, its verification. */
export function instructionItemRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, EVIDENCE_TYPES);
    const item = `${BASE}/instructions/:instructionId/items/:itemId`;
    const shaped = (i: InstructionRow) => instructionView(deps.db, i, dateInZone(deps.now()));
    const post = (path: string, authz: typeof officials, summary: string, schema: ReturnType<typeof body>) => ({
      path: `${item}/${path}`,
      opts: {
        config: { authz },
        schema: { tags: ['production-control'], summary, params: ItemParams, body: schema, response: responses({ 200: Instruction }) },
      },
    });

    const agreement = post(
      'agreement',
      unitHeads,
      'The unit head agrees the deadline, or disputes it with a proposed date and reason (R315-16, R315-17)',
      body({ agree: Type.Boolean(), proposedDeadline: Type.Optional(IsoDate), reason: Type.Optional(Type.String({ maxLength: 2000 })) }),
    );
    app.post(agreement.path, agreement.opts, async (req) => {
      const b = req.body as { agree: boolean; proposedDeadline?: string; reason?: string };
      const answer = b.agree
        ? ({ agree: true } as const)
        : { agree: false as const, proposedDeadline: b.proposedDeadline ?? '', reason: b.reason ?? '' };
      if (!answer.agree && !answer.proposedDeadline)
        throw new AppError('pc.deadline_proposal_invalid', { field: 'proposedDeadline', rule: 'required' });
      return shaped(await answerDeadline(deps, actorOf(req), req.params.orgId, req.params.instructionId, req.params.itemId, answer));
    });

    const settlement = post(
      'settlement',
      firstHead,
      'The first head settles a disputed deadline (R315-17)',
      body({ deadline: IsoDate, note: Type.String({ maxLength: 2000 }) }),
    );
    app.post(settlement.path, settlement.opts, async (req) =>
      shaped(
        await settleDeadline(
          deps,
          actorOf(req),
          req.params.orgId,
          req.params.instructionId,
          req.params.itemId,
          req.body as { deadline: string; note: string },
        ),
      ),
    );

    const report = post(
      'report',
      performers,
      'The performer reports the measure done; evidence must be uploaded first (R315-27)',
      body({ note: Type.Optional(Type.String({ maxLength: 2000 })) }),
    );
    app.post(report.path, report.opts, async (req) =>
      shaped(
        await reportMeasureDone(
          deps,
          actorOf(req),
          req.params.orgId,
          req.params.instructionId,
          req.params.itemId,
          req.body as { note?: string },
        ),
      ),
    );

    const verification = post(
      'verification',
      officials,
      'The official verifies the violation eliminated, or rejects the report with a reason (R315-27)',
      body({
        accept: Type.Boolean(),
        note: Type.Optional(Type.String({ maxLength: 2000 })),
        reason: Type.Optional(Type.String({ maxLength: 2000 })),
      }),
    );
    app.post(verification.path, verification.opts, async (req) => {
      const b = req.body as { accept: boolean; note?: string; reason?: string };
      const v = b.accept ? ({ accept: true, note: b.note } as const) : ({ accept: false, reason: b.reason ?? '' } as const);
      return shaped(await verifyElimination(deps, actorOf(req), req.params.orgId, req.params.instructionId, req.params.itemId, v));
    });

    app.post(
      `${item}/evidence`,
      {
        config: { authz: performers },
        schema: {
          tags: ['production-control'],
          summary: 'A photo or document proving the measure (JPEG, PNG, PDF; at most 20 MB), as the raw body',
          params: ItemParams,
          querystring: body({ fileName: Type.String({ minLength: 1, maxLength: 300 }) }),
          response: responses({ 201: Evidence, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const type = checkedUploadType(req.headers['content-type'], EVIDENCE_TYPES, REFUSALS);
        const stored = await storeCheckedUpload(deps.store, req.body as AsyncIterable<Buffer>, {
          type,
          maxBytes: MAX_EVIDENCE,
          rawName: (req.query as { fileName: string }).fileName,
          fallbackName: 'evidence',
          refusals: REFUSALS,
        });
        const row = await addMeasureEvidence(deps, actorOf(req), req.params.orgId, req.params.instructionId, req.params.itemId, stored);
        return reply.status(201).send(row);
      },
    );

    app.get(
      `${item}/evidence/:attachmentId`,
      {
        config: { authz: participants },
        schema: {
          tags: ['production-control'],
          summary: 'A photo or document of a measure report (every download is logged)',
          params: Type.Object({ orgId: Uuid, instructionId: Uuid, itemId: Uuid, attachmentId: Uuid }),
        },
      },
      async (req, reply) => {
        const i = await findInstruction(deps.db, req.params.orgId, req.params.instructionId);
        const it = i && (await itemsOfInstruction(deps.db, i.id)).find((x) => x.id === req.params.itemId);
        const a = it && (await reportAttachmentsOf(deps.db, [it.violationId])).find((x) => x.id === req.params.attachmentId);
        const stat = a ? await deps.store.stat(a.sha256) : undefined;
        if (!i || !a || !stat) throw new AppError('pc.evidence_not_found');
        await deps.db.transaction((tx) =>
          recordPcEvent(tx, deps, {
            organisationId: i.organisationId,
            actor: actorOf(req),
            action: 'pc.measure_evidence_downloaded',
            subjectType: 'pc_violation',
            subjectId: a.violationId,
            payload: { attachmentId: a.id, sha256: a.sha256 },
          }),
        );
        return sendStoredObject(req, reply, deps, { sha256: a.sha256, size: stat.size, contentType: a.mime, downloadName: a.fileName });
      },
    );

    app.get(
      `${BASE}/measures/mine`,
      {
        config: { authz: performers },
        schema: {
          tags: ['production-control'],
          summary: 'My measures: items I perform, or answer for as the unit head, not yet verified',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Measure) }) }),
        },
      },
      async (req) => ({ items: await measuresOf(deps.db, req.params.orgId, actorOf(req).id, dateInZone(deps.now())) }),
    );
  };
}
