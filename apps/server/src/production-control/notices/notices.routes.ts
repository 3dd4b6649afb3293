import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { OrgRole } from '@baqylau/contracts';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { rule } from '../../platform/http/authz.ts';
import type { SessionPrincipal } from '../../platform/http/principal.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { OrgParams, responses } from '../../platform/http/schemas.ts';
import { acceptRawUploads } from '../../platform/storage/checked-upload.ts';
import { namesOf } from '../instructions/instructions.repository.ts';
import { EVIDENCE_TYPES, evidenceType, storeEvidence } from '../pc-files.ts';
import { BASE, participants, service } from '../pc-http.ts';
import { recordPcEvent } from '../pc-ledger.ts';
import { addresseeStatus, findNotice, isAddressee, listNotices, noticesOf, successorOf } from './notices.repository.ts';
import { MyNotice, NoticeBody, NoticeDetail, NoticeListItem, NoticeParams } from './notices.schemas.ts';
import { acknowledgeNotice, assertDraftTakesDocument, attachNoticeDocument, draftNotice, publishNotice } from './notices.usecases.ts';

const tags = ['production-control'];
/** Who sees every notice and its acknowledgement status: the service, the first head and the auditor (R315-24). */
const STATUS_READERS: OrgRole[] = ['head', 'pc_service_head', 'pc_official', 'auditor'];
const statusReaders = rule.org(STATUS_READERS);
/** Days to acknowledge when the author names none: a shift cycle. */
const DEFAULT_DAYS = 3;
const DAY = 86_400_000;

/** R315-4, R315-20: notices to staff — written and published by the service, acknowledged by each addressee. */
export function noticeRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, EVIDENCE_TYPES);
    const one = `${BASE}/notices/:noticeId`;
    const readsStatus = (req: FastifyRequest, orgId: string) =>
      req.principal?.kind === 'session' && STATUS_READERS.some((r) => (req.principal as SessionPrincipal).roles.get(orgId)?.has(r));

    /** A notice as its reader may see it: a draft only by its author, a published one by the service or an addressee. */
    const detail = async (req: FastifyRequest, orgId: string, noticeId: string) => {
      const actor = actorOf(req);
      const n = await findNotice(deps.db, orgId, noticeId);
      const addressee = n ? await isAddressee(deps.db, noticeId, actor.id) : false;
      const service = readsStatus(req, orgId);
      if (!n || (!n.publishedAt && n.authorId !== actor.id) || (!addressee && !service)) throw new AppError('pc.notice_not_found');
      const status = await addresseeStatus(deps.db, noticeId);
      const now = deps.now().getTime();
      const overdueFrom = n.publishedAt ? n.publishedAt.getTime() + n.acknowledgeWithinDays * DAY : Infinity;
      const names = await namesOf(deps.db, [n.authorId]);
      return {
        ...n,
        authorName: names.get(n.authorId) ?? '',
        supersededById: await successorOf(deps.db, noticeId),
        addresseeScope: n.addressees,
        document: n.documentSha256 ? { fileName: n.documentName!, mime: n.documentMime!, size: n.documentSize! } : null,
        acknowledgedAt: status.find((s) => s.userId === actor.id)?.acknowledgedAt ?? null,
        isAddressee: addressee,
        status: service ? status.map((s) => ({ ...s, overdue: !s.acknowledgedAt && now > overdueFrom })) : null,
      };
    };

    app.get(
      `${BASE}/notices`,
      {
        config: { authz: statusReaders },
        schema: {
          tags,
          summary:
            'Every published notice (and the reader’s own drafts), newest first, with how many addressees acknowledged (R315-4, R315-20)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(NoticeListItem) }) }),
        },
      },
      async (req) => ({ items: await listNotices(deps.db, req.params.orgId, actorOf(req).id) }) as never,
    );

    app.get(
      `${BASE}/notices/mine`,
      {
        config: { authz: participants },
        schema: {
          tags,
          summary: 'The notices addressed to me, unacknowledged first (R315-4, R315-20)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(MyNotice) }) }),
        },
      },
      async (req) => ({ items: await noticesOf(deps.db, req.params.orgId, actorOf(req).id) }) as never,
    );

    app.post(
      `${BASE}/notices`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Write a notice to staff as a draft: changed regulations (point 4), violations and their causes (point 20), other',
          params: OrgParams,
          body: NoticeBody,
          response: responses({ 201: NoticeDetail }),
        },
      },
      async (req, reply) => {
        const b = req.body;
        const row = await draftNotice(deps, actorOf(req), req.params.orgId, {
          ...b,
          language: b.language ?? req.locale,
          acknowledgeWithinDays: b.acknowledgeWithinDays ?? DEFAULT_DAYS,
        });
        reply.code(201);
        return detail(req, req.params.orgId, row.id) as never;
      },
    );

    app.get(
      one,
      {
        config: { authz: participants },
        schema: {
          tags,
          summary: 'A notice; for the service also who has and has not acknowledged it (R315-4, R315-20)',
          params: NoticeParams,
          response: responses({ 200: NoticeDetail }),
        },
      },
      async (req) => detail(req, req.params.orgId, req.params.noticeId) as never,
    );

    app.post(
      `${one}/document`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Attach the document to the author’s draft (PDF, JPEG, PNG; at most 25 MB), as the raw body',
          params: NoticeParams,
          querystring: Type.Object({ fileName: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
          response: responses({ 201: NoticeDetail, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const type = evidenceType(req.headers['content-type']);
        const actor = actorOf(req);
        const { orgId, noticeId } = req.params;
        await assertDraftTakesDocument(deps.db, actor, orgId, noticeId);
        const stored = await storeEvidence(deps, req.body as AsyncIterable<Buffer>, type, req.query.fileName);
        await attachNoticeDocument(deps, actor, orgId, noticeId, stored);
        reply.code(201);
        return detail(req, orgId, noticeId) as never;
      },
    );

    app.get(
      `${one}/document`,
      {
        config: { authz: participants },
        schema: { tags, summary: 'The notice’s attached document (every download is logged)', params: NoticeParams },
      },
      async (req, reply) => {
        const d = await detail(req, req.params.orgId, req.params.noticeId);
        const stat = d.documentSha256 ? await deps.store.stat(d.documentSha256) : null;
        if (!d.documentSha256 || !stat) throw new AppError('pc.notice_document_not_found');
        await deps.db.transaction((tx) =>
          recordPcEvent(tx, deps, {
            organisationId: req.params.orgId,
            actor: actorOf(req),
            action: 'pc.notice_document_downloaded',
            subjectType: 'pc_notice',
            subjectId: d.id,
            payload: { sha256: d.documentSha256 },
          }),
        );
        return sendStoredObject(req, reply, deps, {
          sha256: d.documentSha256,
          size: stat.size,
          contentType: d.documentMime!,
          downloadName: d.documentName!,
        });
      },
    );

    app.post(
      `${one}/publication`,
      {
        config: { authz: service },
        schema: {
          tags,
          summary: 'Publish the draft: the addressees are resolved and notified; the notice never changes afterwards (R315-4, R315-20)',
          params: NoticeParams,
          response: responses({ 200: NoticeDetail }),
        },
      },
      async (req) => {
        await publishNotice(deps, actorOf(req), req.params.orgId, req.params.noticeId);
        return detail(req, req.params.orgId, req.params.noticeId) as never;
      },
    );

    app.post(
      `${one}/acknowledgement`,
      {
        config: { authz: participants },
        schema: {
          tags,
          summary: 'I have read the notice: my acknowledgement, once, with its time (R315-4, R315-20)',
          params: NoticeParams,
          response: responses({ 200: NoticeDetail }),
        },
      },
      async (req) => {
        await acknowledgeNotice(deps, actorOf(req), req.params.orgId, req.params.noticeId);
        return detail(req, req.params.orgId, req.params.noticeId) as never;
      },
    );
  };
}
