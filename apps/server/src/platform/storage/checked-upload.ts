import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ErrorCode } from '@baqylau/contracts';
import { AppError } from '../errors.ts';
import { safeFileName } from '../safe-file-name.ts';
import type { BlobStore } from './storage.ts';

/** What an upload may be, recognised by its first bytes: the declared type must agree with them. */
const KINDS = {
  'application/pdf': (h: Buffer) => h.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (h: Buffer) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (h: Buffer) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  'image/svg+xml': (h: Buffer) =>
    /^(\uFEFF)?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(h.toString('utf8')),
  // ISO base media (MP4, MOV): a box whose type is "ftyp" at offset 4.
  'video/mp4': (h: Buffer) => h.subarray(4, 8).toString('latin1') === 'ftyp',
} as const;
export type UploadType = keyof typeof KINDS;

/** The codes a rule set answers a refused upload with (each rule set words them in its catalog part). */
export interface UploadRefusals {
  typeInvalid: ErrorCode;
  tooLarge: ErrorCode;
  mismatch: ErrorCode;
  empty: ErrorCode;
}

const HEAD = 512;

/** The media type of a request body, if it is one of `allowed`; otherwise a coded refusal naming what is allowed. */
export function checkedUploadType(contentType: string | undefined, allowed: readonly UploadType[], r: UploadRefusals): UploadType {
  const t = contentType?.split(';')[0]?.trim().toLowerCase() as UploadType | undefined;
  if (!t || !allowed.includes(t)) throw new AppError(r.typeInvalid, { allowed: allowed.join(', ') });
  return t;
}

async function* checked(body: AsyncIterable<Buffer>, type: UploadType, maxBytes: number, r: UploadRefusals) {
  let head = Buffer.alloc(0);
  let size = 0;
  let judged = false;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw new AppError(r.tooLarge, { maxMb: Number((maxBytes / 2 ** 20).toFixed(1)) });
    if (judged) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < HEAD) continue;
    if (!KINDS[type](head)) throw new AppError(r.mismatch, { type });
    judged = true;
    yield head;
  }
  if (!judged) {
    if (!head.length) throw new AppError(r.empty);
    if (!KINDS[type](head)) throw new AppError(r.mismatch, { type });
    yield head;
  }
}

/** Streams an upload into the write-once store, checking its size and that its bytes are what it claims; SHA-256 on the way. */
export async function storeCheckedUpload(
  store: BlobStore,
  body: AsyncIterable<Buffer>,
  o: { type: UploadType; maxBytes: number; rawName: string; fallbackName: string; refusals: UploadRefusals },
) {
  const stored = await store.put(Readable.from(checked(body, o.type, o.maxBytes, o.refusals)));
  return { ...stored, mime: o.type, fileName: safeFileName(o.rawName, o.fallbackName) };
}

/** Uploads stay streams: checked and hashed on their way into the store, never buffered by a body parser. */
export function acceptRawUploads(app: FastifyInstance, types: readonly string[]) {
  for (const t of types) if (!app.hasContentTypeParser(t)) app.addContentTypeParser(t, (_req, payload, done) => done(null, payload));
}
