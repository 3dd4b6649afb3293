import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config/config.ts';
import type { BlobStore, ByteRange } from '../storage/storage.ts';
import { attachmentDisposition } from './content-disposition.ts';
import { verifyingStream } from '../storage/verifying-stream.ts';

export interface SendObject {
  sha256: string;
  size: number;
  contentType: string;
  /** Sets Content-Disposition: attachment with this name. */
  downloadName?: string;
  /**
   * The bytes are known not to match `sha256` (a damaged original handed out on purpose): no ETag
   * (it would vouch for the recorded hash) and an `X-Baqylau-Integrity: damaged` header.
   */
  damaged?: boolean;
  /** A whole-object read is hashed on the way out; on a mismatch the transfer fails and this is called. */
  onDamaged?: (found: { sha256: string; size: number }) => Error;
}

/** Set by the nginx site of `baqylau nginx-site` on every proxied request (replacing any client value). */
export const OFFLOAD_HEADER = 'x-baqylau-offload';

type Sender = { store: BlobStore; config: Pick<Config, 'mediaOffload' | 'mediaOffloadPrefix'> };

/**
 * The one place that serves stored bytes: strong ETag (the content hash never
 * changes for an address), conditional GET, and single HTTP ranges (206/416),
 * so players can seek. Multiple ranges get the whole object (RFC 9110 allows it).
 * Callers authorise and log first; with MEDIA_OFFLOAD=x-accel the bytes then
 * go out through nginx (sendfile, its own Range and ETag handling).
 */
export async function sendStoredObject(req: FastifyRequest, reply: FastifyReply, { store, config }: Sender, o: SendObject) {
  reply.header('cache-control', 'private, no-transform').type(o.contentType);
  if (o.downloadName) reply.header('content-disposition', attachmentDisposition(o.downloadName));
  // Only a request that came through the nginx site (which sets the header) is handed back to it;
  // anything else (a health check, a tool on the server itself) still gets the bytes.
  if (config.mediaOffload === 'x-accel' && req.headers[OFFLOAD_HEADER] === 'x-accel' && store.relativePath) {
    return reply.header('x-accel-redirect', config.mediaOffloadPrefix + store.relativePath(o.sha256)).send();
  }
  const etag = o.damaged ? undefined : `"${o.sha256}"`;
  if (etag) reply.header('etag', etag);
  else reply.header('x-baqylau-integrity', 'damaged');
  reply.header('accept-ranges', 'bytes');
  const inm = req.headers['if-none-match'];
  if (etag && inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return reply.status(304).send();

  let range: ByteRange | undefined;
  const header = req.headers.range;
  const ifRange = req.headers['if-range'];
  if (header && (!ifRange || (etag && ifRange === etag))) {
    const parsed = parseRange(header, o.size);
    if (parsed === 'unsatisfiable') return reply.status(416).header('content-range', `bytes */${o.size}`).send();
    range = parsed;
  }
  if (range) {
    reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${o.size}`)
      .header('content-length', range.end - range.start + 1);
  } else {
    reply.status(200).header('content-length', o.size);
  }
  if (req.method === 'HEAD') return reply.send();
  const body = await store.get(o.sha256, range);
  if (range || !o.onDamaged || o.damaged) return reply.send(body);
  return reply.send(body.pipe(verifyingStream(o, o.onDamaged)));
}

/** bytes=a-b, bytes=a-, bytes=-n; anything else (or several ranges) means "the whole object". */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  if (size === 0) return 'unsatisfiable';
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
    if (start >= size || end < start) return 'unsatisfiable';
  }
  return { start, end };
}
