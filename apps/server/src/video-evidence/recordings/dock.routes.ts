// `schema.hide` comes from @fastify/swagger's augmentation of FastifySchema.
import type {} from '@fastify/swagger';
import { Type, type FastifyPluginAsyncTypebox, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { rule } from '../../platform/http/authz.ts';
import { actorOf } from '../../platform/http/actor.ts';
import type { TokenPrincipal } from '../../platform/http/principal.ts';
import { responses, Uuid } from '../../platform/http/schemas.ts';
import { findRecorderByInventory } from '../recorders/recorders.repository.ts';
import { LOCALE_HEADER, REQUEST_ID_HEADER } from './ingest/coded-tus-server.ts';
import { tusProtocol } from './ingest/tus-protocol.ts';
import { createTusServer, EXPOSED_HEADERS, ORG_HEADER, TOKEN_HEADER, UPLOADS_PATH } from './ingest/tus.server.ts';
import { recordingOfUpload } from './recordings.repository.ts';
import { recordDocking } from './recordDocking.ts';
import { partialUploadRoutes } from './partial-uploads.routes.ts';

const Receipt = Type.Object({
  uploadId: Type.String(),
  recordingId: Type.String(),
  sha256: Type.String(),
  size: Type.Integer(),
  state: Type.String(),
  journalEntryId: Type.Union([Type.String(), Type.Null()]),
});

type Recorded = NonNullable<Awaited<ReturnType<typeof recordingOfUpload>>>;
const receiptOf = (rec: Pick<Recorded, 'uploadId' | 'id' | 'sha256' | 'size' | 'state' | 'journalEntryId'>) => ({
  uploadId: rec.uploadId,
  recordingId: rec.id,
  sha256: rec.sha256,
  size: rec.size,
  state: rec.state,
  journalEntryId: rec.journalEntryId,
});

/** Replaces (never merges with) any client-sent copy: the tus server reads rawHeaders. */
function setTrustedHeaders(raw: import('node:http').IncomingMessage, values: Record<string, string>) {
  const names = new Set(Object.keys(values));
  const kept: string[] = [];
  for (let i = 0; i < raw.rawHeaders.length; i += 2) {
    if (!names.has(raw.rawHeaders[i]!.toLowerCase())) kept.push(raw.rawHeaders[i]!, raw.rawHeaders[i + 1]!);
  }
  for (const [k, v] of Object.entries(values)) {
    kept.push(k, v);
    raw.headers[k] = v;
  }
  raw.rawHeaders.splice(0, raw.rawHeaders.length, ...kept);
}

/** Dock agents: report a docking (clock offset, R444-17), upload by tus (R444-11), confirm the SHA-256 and fetch the receipt. */
export function dockRoutes(deps: AppDeps): FastifyPluginAsyncTypebox {
  return async (app) => {
    // A coded failure (a full disk) is logged with its code and details (free space): what the operator acts on.
    const tus = createTusServer(deps, (err, reqId) =>
      app.log.error({ err, reqId, ...(err instanceof AppError ? { code: err.code, details: err.details } : {}) }, 'dock upload failed'),
    );
    const dock = rule.token('dock');
    // The staging disk the tus server writes to, as the responsible person sees it.
    await app.register(partialUploadRoutes(deps, tus));

    // The tus endpoint in a scope of its own: no body parser, tus 1.0.0's rules on what Fastify answers.
    await app.register(async (plain) => {
      tusProtocol(plain, EXPOSED_HEADERS);
      const scope = plain.withTypeProvider<TypeBoxTypeProvider>();
      const handOver = (req: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
        // OPTIONS (tus discovery, a browser's CORS preflight) is public: it names no organisation.
        const p = req.principal?.kind === 'token' ? req.principal : undefined;
        setTrustedHeaders(req.raw, {
          [ORG_HEADER]: p?.organisationId ?? '',
          [TOKEN_HEADER]: p?.tokenId ?? '',
          [LOCALE_HEADER]: req.locale,
          [REQUEST_ID_HEADER]: req.id,
        });
        reply.hijack();
        return tus.server.handle(req.raw, reply.raw);
      };
      const tusSchema = (summary: string, status: 200 | 201 | 204) => ({
        tags: ['dock'],
        summary,
        response: responses({ [status]: Type.Null() }),
      });
      scope.post(
        UPLOADS_PATH,
        {
          config: { authz: dock },
          schema: tusSchema('tus: create an upload (metadata: filename, inventoryNumber, modifiedAt; sha256 optional, else confirm)', 201),
        },
        handOver,
      );
      // HEAD routes are left out of the OpenAPI document unless asked for; this one is a real endpoint.
      scope.head(
        `${UPLOADS_PATH}/:uploadId`,
        {
          config: { authz: dock, swagger: { exposeHeadRoute: true } } as never,
          schema: tusSchema('tus: the offset to resume from (an upload that became a recording: complete)', 200),
        },
        async (req, reply) => {
          const p = req.principal as TokenPrincipal;
          const rec = await tus.committedRecording(p.organisationId, (req.params as { uploadId: string }).uploadId);
          if (!rec) return handOver(req, reply);
          return reply
            .status(200)
            .headers({
              'Cache-Control': 'no-store',
              'Upload-Offset': String(rec.size),
              'Upload-Length': String(rec.size),
              'Baqylau-Sha256': rec.sha256,
              'Baqylau-Recording-Id': rec.id,
            })
            .send(null);
        },
      );
      scope.patch(
        `${UPLOADS_PATH}/:uploadId`,
        { config: { authz: dock }, schema: tusSchema('tus: append bytes at the offset', 204) },
        handOver,
      );
      scope.options(UPLOADS_PATH, { config: { authz: rule.public }, schema: { hide: true } }, handOver);

      scope.delete(
        `${UPLOADS_PATH}/:uploadId`,
        {
          config: { authz: dock },
          schema: {
            tags: ['dock'],
            summary: 'tus termination: the staged upload is discarded (a committed recording stays: 409); an upload already gone: 404',
            params: Type.Object({ uploadId: Type.String({ maxLength: 100 }) }),
            response: responses({ 204: Type.Null() }),
          },
        },
        async (req, reply) => {
          const p = req.principal as TokenPrincipal;
          await tus.abandon(p.organisationId, req.params.uploadId);
          return reply.status(204).send(null);
        },
      );
    });

    app.get(
      '/api/v1/dock/receipts/:uploadId',
      {
        config: { authz: dock },
        schema: {
          tags: ['dock'],
          summary: "The server's SHA-256 of a finished upload: the agent may delete the file from the device only if it matches",
          params: Type.Object({ uploadId: Type.String({ maxLength: 100 }) }),
          response: responses({ 200: Receipt }),
        },
      },
      async (req) => {
        const p = req.principal as TokenPrincipal;
        let rec = await recordingOfUpload(deps.db, p.organisationId, req.params.uploadId);
        if (!rec && (await tus.completeIfFinished(p.organisationId, p.tokenId, req.params.uploadId)))
          rec = await recordingOfUpload(deps.db, p.organisationId, req.params.uploadId);
        if (!rec || rec.organisationId !== p.organisationId) throw new AppError('recording.not_found');
        return receiptOf(rec);
      },
    );

    app.post(
      `${UPLOADS_PATH}/:uploadId/confirm`,
      {
        config: { authz: dock },
        schema: {
          tags: ['dock'],
          summary:
            "The agent's SHA-256 of a finished upload created without one: the server commits the original only if it equals its own, and answers the receipt",
          params: Type.Object({ uploadId: Type.String({ maxLength: 100 }) }),
          body: Type.Object({ sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }) }),
          response: responses({ 200: Receipt }),
        },
      },
      async (req) => {
        const p = req.principal as TokenPrincipal;
        return receiptOf(await tus.confirm(p.organisationId, p.tokenId, req.params.uploadId, req.body.sha256));
      },
    );

    app.post(
      '/api/v1/dock/dockings',
      {
        config: { authz: dock },
        schema: {
          tags: ['dock'],
          summary:
            'A recorder was docked: its clock against server time, once per docking (R444-17); uploads naming the docking are linked once it is recorded',
          body: Type.Object({
            inventoryNumber: Type.String({ minLength: 1, maxLength: 50 }),
            deviceTime: Type.String({ format: 'date-time' }),
            source: Type.Optional(Type.String({ maxLength: 50 })),
            /** The agent's id for this docking, also sent with each upload of it (metadata dockingId). */
            dockingId: Type.Optional(Uuid),
          }),
          response: responses({
            201: Type.Object({ id: Type.String(), offsetSeconds: Type.Integer() }),
            200: Type.Object({ id: Type.String(), offsetSeconds: Type.Integer() }),
          }),
        },
      },
      async (req, reply) => {
        const p = req.principal as TokenPrincipal;
        const recorder = await findRecorderByInventory(deps.db, p.organisationId, req.body.inventoryNumber);
        if (!recorder) throw new AppError('recorder.not_found');
        const { docking, created } = await recordDocking(deps, actorOf(req), recorder, {
          dockingId: req.body.dockingId,
          deviceTime: new Date(req.body.deviceTime),
          source: req.body.source ?? 'agent',
        });
        // A docking already reported (by its id) keeps its first measurement.
        return reply.status(created ? 201 : 200).send({ id: docking.id, offsetSeconds: docking.offsetSeconds });
      },
    );
  };
}
