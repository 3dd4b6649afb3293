import { Readable } from 'node:stream';
import type { AppDeps } from '../platform/deps.ts';
import { AppError } from '../platform/errors.ts';
import { safeFileName } from '../platform/safe-file-name.ts';

/** What a competition document may be, recognised by its first bytes (the declared type must agree). */
const KINDS = {
  'application/pdf': (h: Buffer) => h.subarray(0, 5).toString('latin1') === '%PDF-',
  'image/png': (h: Buffer) => h.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (h: Buffer) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff,
  // ISO base media (MP4, MOV): a box whose type is "ftyp" at offset 4 — the video of point 16.
  'video/mp4': (h: Buffer) => h.subarray(4, 8).toString('latin1') === 'ftyp',
} as const;
export type UploadType = keyof typeof KINDS;
export const UPLOAD_TYPES = Object.keys(KINDS) as UploadType[];

const MB = 2 ** 20;
/** Scans and photos are small; the video of point 16 may be long. */
export const maxBytesFor = (t: UploadType) => (t === 'video/mp4' ? 1024 * MB : 50 * MB);
const HEAD = 512;

/** The media type of a request body, if it is one the competition takes; otherwise a coded refusal naming what is. */
export function uploadType(contentType: string | undefined): UploadType {
  const t = contentType?.split(';')[0]?.trim().toLowerCase() as UploadType | undefined;
  if (!t || !UPLOAD_TYPES.includes(t)) throw new AppError('competition.file_type_invalid', { allowed: UPLOAD_TYPES.join(', ') });
  return t;
}

async function* checked(body: AsyncIterable<Buffer>, type: UploadType, maxBytes: number) {
  let head = Buffer.alloc(0);
  let size = 0;
  let judged = false;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > maxBytes) throw new AppError('competition.file_too_large', { maxMb: Math.round(maxBytes / MB) });
    if (judged) {
      yield chunk;
      continue;
    }
    head = Buffer.concat([head, chunk]);
    if (head.length < HEAD) continue;
    if (!KINDS[type](head)) throw new AppError('competition.file_content_mismatch', { type });
    judged = true;
    yield head;
  }
  if (!judged) {
    if (!head.length) throw new AppError('competition.file_empty');
    if (!KINDS[type](head)) throw new AppError('competition.file_content_mismatch', { type });
    yield head;
  }
}

/** Streams an upload into the write-once store, checking its size and that its bytes are what it claims; SHA-256 on the way. */
export async function storeUpload(deps: AppDeps, body: AsyncIterable<Buffer>, type: UploadType, rawName: string) {
  const stored = await deps.store.put(Readable.from(checked(body, type, maxBytesFor(type))));
  return { ...stored, mime: type, fileName: safeFileName(rawName, 'document') };
}
