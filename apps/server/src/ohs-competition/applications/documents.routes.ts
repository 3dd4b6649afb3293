import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DOCUMENT_KINDS, INDICATOR_IDS } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { IsoDate, Ok, literalUnion, responses } from '../../platform/http/schemas.ts';
import { dateInZone } from '../../platform/time.ts';
import { visibleApplication } from '../competition-access.ts';
import { storeUpload, uploadType, UPLOAD_TYPES } from '../competition-files.ts';
import { ApplicationParams, BASE, DocumentParams, acceptRawUploads, preparers, readers, viewerOf } from '../competition-http.ts';
import { recordCompetitionEvent } from '../competition-ledger.ts';
import { findApplication, findDocument } from './applications.repository.ts';
import { DocumentSchema } from './applications.schemas.ts';
import { documentView } from './applicationView.ts';
import { attachDocument, checkDocumentMeta, detachDocument, draftForDocuments } from './documents.usecases.ts';

/** RC-16 attachments and RC-18 evidence: write-once stored files with their SHA-256. */
export function documentRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, UPLOAD_TYPES);

    app.post(
      `${BASE}/applications/:applicationId/documents`,
      {
        config: { authz: preparers },
        schema: {
          tags: ['ohs-competition'],
          summary:
            'Add a document to a draft: the file (PDF, JPEG, PNG, MP4) is the raw body; evidence names its indicator and event date (RC-18)',
          params: ApplicationParams,
          querystring: Type.Object(
            {
              kind: literalUnion(DOCUMENT_KINDS),
              indicatorId: Type.Optional(literalUnion(INDICATOR_IDS)),
              eventDate: Type.Optional(IsoDate),
              title: Type.String({ minLength: 1, maxLength: 500 }),
              fileName: Type.String({ minLength: 1, maxLength: 300 }),
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: DocumentSchema, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const { fileName, ...meta } = req.query;
        const viewer = viewerOf(req);
        // Everything that can be refused is refused before a byte is stored.
        checkDocumentMeta(meta, dateInZone(deps.now()));
        await draftForDocuments(deps, viewer, req.params.orgId, req.params.applicationId);
        const type = uploadType(req.headers['content-type']);
        const stored = await storeUpload(deps, req.body as AsyncIterable<Buffer>, type, fileName);
        const doc = await attachDocument(deps, actorOf(req), viewer, req.params.orgId, req.params.applicationId, meta, stored);
        return reply.status(201).send(documentView(doc));
      },
    );

    app.post(
      `${BASE}/applications/:applicationId/documents/:documentId/detach`,
      {
        config: { authz: preparers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'Take a document off a draft (the stored file stays; it no longer counts)',
          params: DocumentParams,
          response: responses({ 200: Ok }),
        },
      },
      async (req) => detachDocument(deps, actorOf(req), viewerOf(req), req.params.orgId, req.params.applicationId, req.params.documentId),
    );

    app.get(
      `${BASE}/applications/:applicationId/documents/:documentId`,
      {
        config: { authz: readers },
        schema: {
          tags: ['ohs-competition'],
          summary: 'A document of an application (personal data: every download is in the ledger)',
          params: DocumentParams,
        },
      },
      async (req, reply) => {
        const { orgId, applicationId, documentId } = req.params;
        await visibleApplication(deps.db, orgId, viewerOf(req), await findApplication(deps.db, orgId, applicationId));
        const found = await findDocument(deps.db, applicationId, documentId);
        const stat = found ? await deps.store.stat(found.document.sha256) : undefined;
        if (!found || !stat) throw new AppError('competition.document_not_found');
        await deps.db.transaction((tx) =>
          recordCompetitionEvent(tx, deps, {
            organisationId: orgId,
            actor: actorOf(req),
            action: 'competition.document_downloaded',
            subjectType: 'competition_application',
            subjectId: applicationId,
            payload: { documentId, sha256: found.document.sha256 },
          }),
        );
        return sendStoredObject(req, reply, deps, {
          sha256: found.document.sha256,
          size: stat.size,
          contentType: found.document.mime,
          downloadName: found.document.fileName,
        });
      },
    );
  };
}
