import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CONSENT_FORMS, CONSENT_KINDS } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { IsoDate, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, ConsentParams, When, acceptRawUploads, keepers, readers } from '../cctv-http.ts';
import { DOCUMENT_TYPES, MB, storeUpload, uploadType } from '../cctv-files.ts';
import { recordCctvEvent } from '../cctv-ledger.ts';
import { findConsent, listConsents, type ConsentRow } from './consents.repository.ts';
import { recordConsent, withdrawConsent } from './consents.usecases.ts';

const Consent = Type.Object({
  id: Uuid,
  kind: literalUnion(CONSENT_KINDS),
  form: literalUnion(CONSENT_FORMS),
  personName: Type.String(),
  representedName: Type.String(),
  employmentContract: Type.String(),
  scope: Type.String(),
  placeId: Uuid,
  documentName: Type.Union([Type.String(), Type.Null()]),
  givenOn: Type.String(),
  withdrawnOn: Type.Union([Type.String(), Type.Null()]),
  withdrawalNote: Type.Union([Type.String(), Type.Null()]),
  createdAt: When,
});
const view = (c: ConsentRow) => ({
  ...c,
  withdrawnOn: c.withdrawnOn ?? null,
  withdrawalNote: c.withdrawalNote ?? null,
  documentName: c.documentName ?? null,
});
const Fields = {
  kind: literalUnion(CONSENT_KINDS),
  personName: Type.String({ minLength: 3, maxLength: 300 }),
  representedName: Type.Optional(Type.String({ maxLength: 300 })),
  employmentContract: Type.Optional(Type.String({ maxLength: 200 })),
  scope: Type.String({ minLength: 3, maxLength: 2000 }),
  placeId: Uuid,
  givenOn: IsoDate,
};

/** R335-8-1: consents for blood-draw rooms; a withdrawal takes the cameras' basis away at once. */
export function consentRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, DOCUMENT_TYPES);

    app.get(
      `${BASE}/consents`,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Consents of point 8-1',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(Consent) }) }),
        },
      },
      async (req) => ({ items: (await listConsents(deps.db, req.params.orgId)).map(view) }),
    );

    app.post(
      `${BASE}/consents`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Record an electronic consent (R335-8-1)',
          params: OrgParams,
          body: Type.Object(Fields, { additionalProperties: false }),
          response: responses({ 201: Consent }),
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(view((await recordConsent(deps, actorOf(req), req.params.orgId, { ...req.body, form: 'electronic' })) as ConsentRow)),
    );

    app.post(
      `${BASE}/consents/written`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Record a written consent: its scan (PDF, JPEG or PNG) is the raw body, the fields the query (R335-8-1)',
          params: OrgParams,
          querystring: Type.Object({ ...Fields, fileName: Type.String({ minLength: 1, maxLength: 300 }) }, { additionalProperties: false }),
          response: responses({ 201: Consent, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const type = uploadType(req.headers['content-type'], DOCUMENT_TYPES);
        const { fileName, ...fields } = req.query;
        const document = await storeUpload(deps, req.body as AsyncIterable<Buffer>, type, 20 * MB, fileName);
        return reply
          .status(201)
          .send(view((await recordConsent(deps, actorOf(req), req.params.orgId, { ...fields, form: 'written', document })) as ConsentRow));
      },
    );

    app.post(
      `${BASE}/consents/:consentId/withdraw`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Record the withdrawal of a consent; the room’s cameras turn non-compliant when it was the last of its side',
          params: ConsentParams,
          body: Type.Object(
            { withdrawnOn: IsoDate, note: Type.String({ minLength: 3, maxLength: 2000 }) },
            { additionalProperties: false },
          ),
          response: responses({ 200: Type.Object({ consent: Consent, basisLost: Type.Boolean() }) }),
        },
      },
      async (req) => {
        const r = await withdrawConsent(deps, actorOf(req), req.params.orgId, req.params.consentId, req.body);
        return { consent: view(r), basisLost: r.basisLost };
      },
    );

    app.get(
      `${BASE}/consents/:consentId/document`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The scan of a written consent (personal data: every download is logged)',
          params: ConsentParams,
        },
      },
      async (req, reply) => {
        const c = await findConsent(deps.db, req.params.orgId, req.params.consentId);
        const stat = c?.documentSha256 ? await deps.store.stat(c.documentSha256) : undefined;
        if (!c?.documentSha256 || !stat) throw new AppError('cctv.file_not_found');
        await deps.db.transaction((tx) =>
          recordCctvEvent(tx, deps, {
            organisationId: req.params.orgId,
            actor: actorOf(req),
            action: 'cctv.consent_document_downloaded',
            subjectType: 'cctv_consent',
            subjectId: c.id,
            payload: { sha256: c.documentSha256 },
          }),
        );
        return sendStoredObject(req, reply, deps, {
          sha256: c.documentSha256,
          size: stat.size,
          contentType: c.documentMime ?? 'application/octet-stream',
          downloadName: c.documentName ?? 'consent',
        });
      },
    );
  };
}
