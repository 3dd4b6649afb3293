import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCESS_REQUEST_STATES, APPLICANT_RELATIONSHIPS, REQUEST_FILE_KINDS } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { sendStoredObject } from '../../platform/http/send-object.ts';
import { IsoDate, IsoDateTime, Locale, OrgParams, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { BASE, RequestParams, When, acceptRawUploads, deciders, keepers, readers } from '../cctv-http.ts';
import { CLIP_TYPES, DOCUMENT_TYPES, MB, storeUpload, uploadType } from '../cctv-files.ts';
import { recordCctvEvent } from '../cctv-ledger.ts';
import { filesOfRequest, findRequest, listRequests, type AccessRequestRow, type RequestFileRow } from './access-requests.repository.ts';
import {
  addRequestFile,
  assertRequestTakesFile,
  confirmHold,
  decideAccessRequest,
  discloseRecordings,
  receiveAccessRequest,
} from './access-requests.usecases.ts';
import { decisionLetter } from './decisionLetter.ts';
import { packagesOfRequest, type DisclosurePackageRow } from '../disclosure-packages/disclosure-packages.repository.ts';
import { DisclosurePackage, disclosurePackageView } from '../disclosure-packages/disclosure-packages.routes.ts';

const RequestFile = Type.Object({
  id: Uuid,
  kind: literalUnion(REQUEST_FILE_KINDS),
  fileName: Type.String(),
  mime: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  seq: Type.Integer(),
  uploadedAt: When,
});
const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);
const AccessRequest = Type.Object({
  id: Uuid,
  number: Type.String(),
  receivedOn: Type.String(),
  applicantName: Type.String(),
  applicantIin: Type.String(),
  applicantContact: Type.String(),
  relationship: literalUnion(APPLICANT_RELATIONSHIPS),
  patientName: Type.String(),
  patientIin: Type.String(),
  dateOfDeath: Type.String(),
  periodFrom: When,
  periodTo: When,
  placeIds: Type.Array(Uuid),
  state: literalUnion(ACCESS_REQUEST_STATES),
  holdInstruction: Type.String(),
  holdConfirmedAt: Type.Union([When, Type.Null()]),
  holdConfirmedBy: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  decidedAt: Type.Union([When, Type.Null()]),
  providedAt: Type.Union([When, Type.Null()]),
  files: Type.Array(RequestFile),
  /** Disclosure packages built for the family, oldest first. */
  packages: Type.Array(DisclosurePackage),
});
const view = (r: AccessRequestRow, files: RequestFileRow[], packages: DisclosurePackageRow[]) => ({
  ...r,
  holdConfirmedAt: r.holdConfirmedAt ?? null,
  holdConfirmedBy: r.holdConfirmedBy ?? null,
  decisionReason: r.decisionReason ?? null,
  decidedAt: r.decidedAt ?? null,
  providedAt: r.providedAt ?? null,
  files,
  packages: packages.map(disclosurePackageView),
});
const FileParams = Type.Object({ orgId: Uuid, requestId: Uuid, fileId: Uuid });

/** R335-3: applications of a deceased patient's children and spouse, from receipt to what was handed over. */
export function accessRequestRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, [...DOCUMENT_TYPES, ...CLIP_TYPES]);
    const one = `${BASE}/requests/:requestId`;
    const withFiles = async (r: AccessRequestRow) => view(r, await filesOfRequest(deps.db, r.id), await packagesOfRequest(deps.db, r.id));

    app.get(
      `${BASE}/requests`,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Applications for a deceased patient’s recordings (R335-3)',
          params: OrgParams,
          response: responses({ 200: Type.Object({ items: Type.Array(AccessRequest) }) }),
        },
      },
      async (req) => ({ items: await Promise.all((await listRequests(deps.db, req.params.orgId)).map(withFiles)) }),
    );

    app.get(
      one,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'One application with its documents and clips',
          params: RequestParams,
          response: responses({ 200: AccessRequest }),
        },
      },
      async (req) => {
        const r = await findRequest(deps.db, req.params.orgId, req.params.requestId);
        if (!r) throw new AppError('cctv.request_not_found');
        return withFiles(r);
      },
    );

    app.post(
      `${BASE}/requests`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'Receive an application; the requested period is put on hold at once (R335-3)',
          params: OrgParams,
          body: Type.Object(
            {
              receivedOn: IsoDate,
              applicantName: Type.String({ minLength: 3, maxLength: 300 }),
              applicantIin: Type.String({ pattern: '^\\d{12}$' }),
              applicantContact: Type.Optional(Type.String({ maxLength: 300 })),
              relationship: literalUnion(APPLICANT_RELATIONSHIPS),
              patientName: Type.String({ minLength: 3, maxLength: 300 }),
              patientIin: Type.String({ pattern: '^\\d{12}$' }),
              dateOfDeath: IsoDate,
              periodFrom: IsoDateTime,
              periodTo: IsoDateTime,
              placeIds: Type.Array(Uuid, { minItems: 1, maxItems: 50, uniqueItems: true }),
            },
            { additionalProperties: false },
          ),
          response: responses({ 201: AccessRequest }),
        },
      },
      async (req, reply) => {
        const r = await receiveAccessRequest(deps, actorOf(req), req.params.orgId, {
          ...req.body,
          periodFrom: new Date(req.body.periodFrom),
          periodTo: new Date(req.body.periodTo),
        });
        return reply.status(201).send(await withFiles(r as AccessRequestRow));
      },
    );

    app.post(
      `${one}/hold-confirmed`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The video system’s operator confirmed the period is kept',
          params: RequestParams,
          body: Type.Object({ confirmedBy: Type.String({ minLength: 3, maxLength: 300 }) }, { additionalProperties: false }),
          response: responses({ 200: AccessRequest }),
        },
      },
      async (req) => withFiles(await confirmHold(deps, actorOf(req), req.params.orgId, req.params.requestId, req.body)),
    );

    app.post(
      `${one}/decision`,
      {
        config: { authz: deciders },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The head grants or refuses, with reasons; only a child or the surviving spouse can be granted (point 3)',
          params: RequestParams,
          body: Type.Object(
            { grant: Type.Boolean(), reason: Type.String({ minLength: 3, maxLength: 4000 }) },
            { additionalProperties: false },
          ),
          response: responses({ 200: AccessRequest }),
        },
      },
      async (req) => withFiles(await decideAccessRequest(deps, actorOf(req), req.params.orgId, req.params.requestId, req.body)),
    );

    app.post(
      `${one}/files`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary:
            'Add a proof document (PDF, JPEG, PNG; at most 20 MB) or, once granted, a clip to hand over (MP4; at most 2 GiB), as the raw body',
          params: RequestParams,
          querystring: Type.Object(
            { kind: literalUnion(REQUEST_FILE_KINDS), fileName: Type.String({ minLength: 1, maxLength: 300 }) },
            { additionalProperties: false },
          ),
          response: responses({ 201: RequestFile, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') }),
        },
      },
      async (req, reply) => {
        const kind = req.query.kind;
        const type = uploadType(req.headers['content-type'], kind === 'clip' ? CLIP_TYPES : DOCUMENT_TYPES);
        await assertRequestTakesFile(deps, req.params.orgId, req.params.requestId, kind);
        const stored = await storeUpload(
          deps,
          req.body as AsyncIterable<Buffer>,
          type,
          kind === 'clip' ? 2048 * MB : 20 * MB,
          req.query.fileName,
        );
        return reply.status(201).send(await addRequestFile(deps, actorOf(req), req.params.orgId, req.params.requestId, kind, stored));
      },
    );

    app.get(
      `${one}/files/:fileId`,
      {
        config: { authz: keepers, evidence: 'cctv_request_file' },
        schema: { tags: ['medical-cctv'], summary: 'A document or clip of the application (every download is logged)', params: FileParams },
      },
      async (req, reply) => {
        const r = await findRequest(deps.db, req.params.orgId, req.params.requestId);
        const f = r && (await filesOfRequest(deps.db, r.id)).find((x) => x.id === req.params.fileId);
        const stat = f ? await deps.store.stat(f.sha256) : undefined;
        if (!r || !f || !stat) throw new AppError('cctv.file_not_found');
        await deps.db.transaction((tx) =>
          recordCctvEvent(tx, deps, {
            organisationId: r.organisationId,
            actor: actorOf(req),
            action: 'cctv.request_file_downloaded',
            subjectType: 'cctv_access_request',
            subjectId: r.id,
            payload: { fileId: f.id, sha256: f.sha256 },
          }),
        );
        return sendStoredObject(req, reply, deps, { sha256: f.sha256, size: stat.size, contentType: f.mime, downloadName: f.fileName });
      },
    );

    app.post(
      `${one}/disclosure`,
      {
        config: { authz: keepers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The clips were handed to the applicant: the disclosure is logged (recipient, date, purpose)',
          params: RequestParams,
          body: Type.Object({ handedOverOn: IsoDate }, { additionalProperties: false }),
          response: responses({ 200: AccessRequest }),
        },
      },
      async (req) => withFiles(await discloseRecordings(deps, actorOf(req), req.params.orgId, req.params.requestId, req.body)),
    );

    app.get(
      `${one}/decision.pdf`,
      {
        config: { authz: readers },
        schema: {
          tags: ['medical-cctv'],
          summary: 'The decision letter (kk or ru)',
          params: RequestParams,
          querystring: Type.Object({ lang: Type.Optional(Locale) }),
        },
      },
      async (req, reply) => {
        const lang = req.query.lang ?? req.locale;
        const pdf = await decisionLetter(deps, req.params.orgId, req.params.requestId, lang);
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="cctv-decision-${req.params.requestId.slice(0, 8)}-${lang}.pdf"`)
          .send(pdf);
      },
    );
  };
}
