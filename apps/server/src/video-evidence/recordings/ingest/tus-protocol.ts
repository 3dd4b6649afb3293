import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/errors.ts';

/** The one tus version this server speaks (tus 1.0.0). */
export const TUS_VERSION = '1.0.0';
export const TUS_CONTENT_TYPE = 'application/offset+octet-stream';

/**
 * tus 1.0.0 rules for the upload endpoint that hold before the tus server sees a
 * request, and for the answers Fastify gives there itself (401, 403, 412, 415,
 * the DELETE route, a 500). Registered in the scope of the tus routes only.
 */
export function tusProtocol(scope: FastifyInstance, exposedHeaders: readonly string[]) {
  // Bodies are the tus server's to read: no parser consumes one (Fastify's JSON or text parser
  // would read a PATCH body into memory, or refuse it with its own 415, before any check below).
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_req, _payload, done) => done(null));

  // After authorisation: a caller without a token learns nothing else.
  scope.addHook('preHandler', async (req: FastifyRequest) => {
    if (req.method === 'OPTIONS') return;
    const version = req.headers['tus-resumable'];
    // Spec: an unsupported version is 412 with Tus-Version (added in onSend).
    if (version !== TUS_VERSION) throw new AppError('ingest.tus_version_unsupported', { version: String(version ?? '') });
    const type = req.headers['content-type'];
    if (req.method === 'PATCH' && type !== TUS_CONTENT_TYPE)
      throw new AppError('ingest.content_type_unsupported', { contentType: String(type ?? '') });
  });

  // Answers Fastify sends here (the tus server's own carry the same): every one but OPTIONS's
  // names the protocol version, and a browser may read them as it reads the tus server's.
  scope.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
    if (req.method !== 'OPTIONS') reply.header('Tus-Resumable', TUS_VERSION);
    if (reply.statusCode === 412) reply.header('Tus-Version', TUS_VERSION);
    if (!reply.hasHeader('access-control-allow-origin')) reply.header('Access-Control-Allow-Origin', '*');
    reply.header('Access-Control-Expose-Headers', ['Tus-Resumable', 'Tus-Version', ...exposedHeaders].join(', '));
  });
}
