import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../../platform/deps.ts';
import { actorOf } from '../../platform/http/actor.ts';
import { rule } from '../../platform/http/authz.ts';
import { Ok, OrgParams, Uuid, responses } from '../../platform/http/schemas.ts';
import { listPartialUploads, removePartialUpload } from './ingest/partial-uploads.ts';
import type { createTusServer } from './ingest/tus.server.ts';

const When = Type.Unsafe<Date>({ type: 'string', format: 'date-time' });
const PartialUpload = Type.Object({
  uploadId: Type.String(),
  inventoryNumber: Type.String(),
  fileName: Type.String(),
  receivedBytes: Type.Integer(),
  sizeBytes: Type.Union([Type.Integer(), Type.Null()]),
  createdAt: When,
  lastWrittenAt: When,
  awaitingConfirmation: Type.Boolean(),
});

/**
 * R444-6/R444-11: the staging disk of the dock uploads, for the responsible person, who alone uploads and
 * stores recordings: free space and unfinished uploads (the head sees them too); removal, with a reason, in the ledger.
 */
export function partialUploadRoutes(deps: AppDeps, tus: ReturnType<typeof createTusServer>): FastifyPluginAsyncTypebox {
  return async (app) => {
    const base = '/api/v1/organisations/:orgId/partial-uploads';
    app.get(
      base,
      {
        config: { authz: rule.org(['responsible', 'head']) },
        schema: {
          tags: ['dock'],
          summary: 'Uploads under way that hold staging disk space, with the free space and the reserve new uploads need',
          params: OrgParams,
          response: responses({
            200: Type.Object({
              freeBytes: Type.Integer(),
              totalBytes: Type.Integer(),
              reserveBytes: Type.Integer(),
              uploads: Type.Array(PartialUpload),
            }),
          }),
        },
      },
      async (req) => listPartialUploads(deps, tus.datastore, req.params.orgId),
    );

    app.post(
      `${base}/:uploadId/remove`,
      {
        config: { authz: rule.org(['responsible']) },
        schema: {
          tags: ['dock'],
          summary: 'Remove a partial upload (its file stays on the device; a recording is never removed here), with a reason',
          params: Type.Object({ orgId: Uuid, uploadId: Type.String({ minLength: 1, maxLength: 100 }) }),
          body: Type.Object({ reason: Type.String({ minLength: 3, maxLength: 1000 }) }),
          response: responses({ 200: Ok }),
        },
      },
      async (req) => {
        const { orgId, uploadId } = req.params;
        await tus.serialised(uploadId, () => removePartialUpload(deps, tus.datastore, actorOf(req), orgId, uploadId, req.body.reason));
        return { ok: true as const };
      },
    );
  };
}
