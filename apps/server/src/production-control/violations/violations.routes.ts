import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SEVERITIES, VIOLATION_STATUSES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { acceptRawUploads } from '../../platform/storage/checked-upload.ts';
import { dateInZone } from '../../platform/time.ts';
import { EVIDENCE_TYPES, evidenceType, storeEvidence } from '../pc-files.ts';
import { BASE, readers, service } from '../pc-http.ts';
import { assertFindingTakesFile, attachToFinding, logAttachmentDownload } from './attachments.usecases.ts';
import { listViolations } from './violation-list.repository.ts';
import { attachmentsOf, eventsOf } from './violations.repository.ts';
import { Attachment, AttachmentParams, CURSOR, Violation, ViolationDetail, ViolationParams, encodeCursor } from './violations.schemas.ts';

const TAGS = ['production-control'];
type ListRow = Awaited<ReturnType<typeof listViolations>>[number];
const view = (r: ListRow) => ({ ...r.violation, facilityName: r.facilityName, unitName: r.unitName, overdue: r.overdue });

/** The violation list with filters (R315-27), one violation with its history and files, a finding's photos. */
export function violationRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, EVIDENCE_TYPES);
    const one = `${BASE}/violations/:violationId`;

    app.get(
      `${BASE}/violations`,
      {
        config: { authz: readers },
        schema: {
          tags: TAGS,
          summary: 'Violations, newest first, filtered; keyset pages (cursor = the previous page’s next)',
          params: OrgParams,
          querystring: Type.Object(
            {
              status: Type.Optional(Type.Array(literalUnion(VIOLATION_STATUSES), { maxItems: 4 })),
              facilityId: Type.Optional(Uuid),
              unitId: Type.Optional(Uuid),
              severity: Type.Optional(literalUnion(SEVERITIES)),
              dangerous: Type.Optional(Type.Boolean()),
              overdue: Type.Optional(Type.Boolean()),
              text: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
              cursor: Type.Optional(Type.String({ pattern: CURSOR.source })),
              limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            },
            { additionalProperties: false },
          ),
          response: responses({ 200: Type.Object({ items: Type.Array(Violation), next: Type.Union([Type.String(), Type.Null()]) }) }),
        },
      },
      async (req) => {
        const { cursor, limit = 50, ...f } = req.query;
        const m = cursor ? CURSOR.exec(cursor) : null;
        const rows = await listViolations(deps.db, req.params.orgId, {
          ...f,
          limit,
          today: dateInZone(deps.now()),
          after: m ? { foundAt: new Date(m[1]!), id: m[2]! } : undefined,
        });
        const page = rows.slice(0, limit);
        const last = page.at(-1);
        return {
          items: page.map(view),
          next: rows.length > limit && last ? encodeCursor(last.violation.foundAt, last.violation.id) : null,
        };
      },
    );

    app.get(
      one,
      {
        config: { authz: readers },
        schema: {
          tags: TAGS,
          summary: 'One violation with its history and files',
          params: ViolationParams,
          response: responses({ 200: ViolationDetail }),
        },
      },
      async (req) => {
        const { orgId, violationId } = req.params;
        const [r] = await listViolations(deps.db, orgId, { limit: 1, today: dateInZone(deps.now()), id: violationId });
        if (!r) throw new AppError('pc.violation_not_found');
        const [events, attachments] = await Promise.all([eventsOf(deps.db, violationId), attachmentsOf(deps.db, violationId)]);
        return { ...view(r), events: events.map((e) => ({ ...e.event, actorName: e.actorName })), attachments };
      },
    );

    app.post(
      `${one}/attachments`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'Attach a photo or document to a finding (JPEG, PNG, PDF; at most 25 MB), as the raw body',
          params: ViolationParams,
          querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
          response: responses({ 201: Attachment, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const type = evidenceType(req.headers['content-type']);
        const actor = actorOf(req);
        await assertFindingTakesFile(deps.db, actor, req.params.orgId, req.params.violationId);
        const stored = await storeEvidence(deps, req.body as AsyncIterable<Buffer>, type, req.query.fileName);
        return reply.status(201).send(await attachToFinding(deps, actor, req.params.orgId, req.params.violationId, stored));
      },
    );

    app.get(
      `${one}/attachments/:attachmentId`,
      {
        config: { authz: readers },
        schema: { tags: TAGS, summary: 'A photo or document of the violation (every download is logged)', params: AttachmentParams },
      },
      async (req, reply) => {
        const { orgId, violationId, attachmentId } = req.params;
        const a = await logAttachmentDownload(deps, actorOf(req), orgId, violationId, attachmentId);
        const stat = await deps.store.stat(a.sha256);
        if (!stat) throw new AppError('pc.attachment_not_found');
        return sendStoredObject(req, reply, deps, { sha256: a.sha256, size: stat.size, contentType: a.mime, downloadName: a.fileName });
      },
    );
  };
}
