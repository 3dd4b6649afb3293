import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ITEM_OUTCOMES } from '@baqylau/contracts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { IsoDateTime, Uuid, literalUnion, responses } from '../../platform/http/schemas.ts';
import { acceptRawUploads } from '../../platform/storage/checked-upload.ts';
import { findInspection } from '../inspections/inspections.repository.ts';
import { EVIDENCE_TYPES } from '../pc-files.ts';
import { BASE, service } from '../pc-http.ts';
import { syncAcknowledgement, syncPhoto } from './offline-files.usecases.ts';
import { syncAnswer } from './offline-sync.usecases.ts';
import { acknowledgementOf, receiptView, receiptsOf } from './offline.repository.ts';

const TAGS = ['production-control'];
const Sha256 = Type.String({ pattern: '^[0-9a-f]{64}$' });
const DeviceId = Type.String({ minLength: 8, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' });
const Receipt = Type.Object({
  receiptId: Uuid,
  clientId: Uuid,
  kind: literalUnion(['answer', 'photo', 'acknowledgement'] as const),
  subjectId: Uuid,
  violationId: Type.Union([Uuid, Type.Null()]),
  sha256: Type.Union([Type.String(), Type.Null()]),
  recordedAt: Type.String(),
  receivedAt: Type.String(),
});
const RecordParams = Type.Object({ orgId: Uuid, inspectionId: Uuid, clientId: Uuid });
const ByRecord = responses({ 200: Receipt, 201: Receipt, 413: Type.Ref('ErrorBody'), 415: Type.Ref('ErrorBody') });

/**
 * Offline field inspections (issue 18): each record made without network is sent on its own under the
 * device's id for it, and answered with a receipt — 201 when taken now, 200 with the same receipt when
 * it was taken before (a broken sync resumes by sending again). The online rules are checked again.
 */
export function offlineRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    acceptRawUploads(app, EVIDENCE_TYPES);
    const base = `${BASE}/inspections/:inspectionId/offline`;
    type Outcome = { receipt: Parameters<typeof receiptView>[0]; replayed: boolean };
    const send = (reply: { status: (n: 200 | 201) => { send: (b: ReturnType<typeof receiptView>) => unknown } }, r: Outcome) =>
      reply.status(r.replayed ? 200 : 201).send(receiptView(r.receipt));

    app.get(
      `${base}/receipts`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'The receipts of the records synced from the field for this inspection, and the unit head’s acknowledgement',
          params: Type.Object({ orgId: Uuid, inspectionId: Uuid }),
          response: responses({
            200: Type.Object({
              receipts: Type.Array(Receipt),
              acknowledgement: Type.Union([
                Type.Object({
                  signerName: Type.String(),
                  signerPosition: Type.String(),
                  signedAt: Type.String(),
                  signatureSha256: Type.String(),
                }),
                Type.Null(),
              ]),
            }),
          }),
        },
      },
      async (req) => {
        const { orgId, inspectionId } = req.params;
        if (!(await findInspection(deps.db, orgId, inspectionId))) throw new AppError('pc.inspection_not_found');
        const [receipts, ack] = await Promise.all([receiptsOf(deps.db, orgId, inspectionId), acknowledgementOf(deps.db, inspectionId)]);
        return {
          receipts: receipts.map(receiptView),
          acknowledgement: ack
            ? {
                signerName: ack.signerName,
                signerPosition: ack.signerPosition,
                signedAt: ack.signedAt.toISOString(),
                signatureSha256: ack.signatureSha256,
              }
            : null,
        };
      },
    );

    app.put(
      `${base}/answers/:clientId`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'An item’s answer made in the field (R315-9, R315-14); a conflicting answer from another device is refused with 409',
          params: RecordParams,
          body: Type.Object(
            {
              deviceId: DeviceId,
              recordedAt: IsoDateTime,
              itemId: Uuid,
              outcome: literalUnion(ITEM_OUTCOMES),
              note: Type.Optional(Type.String({ maxLength: 4000 })),
              description: Type.Optional(Type.String({ maxLength: 4000 })),
              dangerous: Type.Optional(Type.Boolean()),
              eliminatedOnSpot: Type.Optional(Type.Boolean()),
            },
            { additionalProperties: false },
          ),
          response: ByRecord,
        },
      },
      async (req, reply) => {
        const { orgId, inspectionId, clientId } = req.params;
        return send(reply, await syncAnswer(deps, actorOf(req), orgId, inspectionId, clientId, req.body));
      },
    );

    app.put(
      `${base}/photos/:clientId`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary:
            'A finding’s photo taken in the field, as the raw body (JPEG, PNG, PDF; at most 25 MB), with the SHA-256 the device computed',
          params: RecordParams,
          querystring: Type.Object(
            {
              deviceId: DeviceId,
              recordedAt: IsoDateTime,
              answerClientId: Uuid,
              sha256: Sha256,
              fileName: Type.String({ minLength: 1, maxLength: 300 }),
            },
            { additionalProperties: false },
          ),
          response: ByRecord,
        },
      },
      async (req, reply) => {
        const { orgId, inspectionId, clientId } = req.params;
        const upload = { body: req.body as AsyncIterable<Buffer>, contentType: req.headers['content-type'] };
        return send(reply, await syncPhoto(deps, actorOf(req), orgId, inspectionId, clientId, req.query, upload));
      },
    );

    app.put(
      `${base}/acknowledgement/:clientId`,
      {
        config: { authz: service },
        schema: {
          tags: TAGS,
          summary: 'The unit head’s acknowledgement of the findings, signed in the field: the drawn signature as the raw body (PNG)',
          params: RecordParams,
          querystring: Type.Object(
            {
              deviceId: DeviceId,
              recordedAt: IsoDateTime,
              signerName: Type.String({ maxLength: 300 }),
              signerPosition: Type.String({ maxLength: 300 }),
              sha256: Sha256,
            },
            { additionalProperties: false },
          ),
          response: ByRecord,
        },
      },
      async (req, reply) => {
        const { orgId, inspectionId, clientId } = req.params;
        const upload = { body: req.body as AsyncIterable<Buffer>, contentType: req.headers['content-type'] };
        return send(reply, await syncAcknowledgement(deps, actorOf(req), orgId, inspectionId, clientId, req.query, upload));
      },
    );
  };
}
