import type { AppDeps } from '../platform/deps.ts';
import { checkedUploadType, storeCheckedUpload, type UploadRefusals, type UploadType } from '../platform/storage/checked-upload.ts';

export type { UploadType };

/** What the competition takes: scans and photos of documents, and the video of point 16. */
export const UPLOAD_TYPES: UploadType[] = ['application/pdf', 'image/png', 'image/jpeg', 'video/mp4'];
const MB = 2 ** 20;
/** Scans and photos are small; the video of point 16 may be long. */
export const maxBytesFor = (t: UploadType) => (t === 'video/mp4' ? 1024 * MB : 50 * MB);

const REFUSALS: UploadRefusals = {
  typeInvalid: 'competition.file_type_invalid',
  tooLarge: 'competition.file_too_large',
  mismatch: 'competition.file_content_mismatch',
  empty: 'competition.file_empty',
};

/** The media type of a request body, if it is one the competition takes; otherwise a coded refusal naming what is. */
export const uploadType = (contentType: string | undefined) => checkedUploadType(contentType, UPLOAD_TYPES, REFUSALS);

/** A competition document into the write-once store, checked for size and content; SHA-256 on the way. */
export const storeUpload = (deps: AppDeps, body: AsyncIterable<Buffer>, type: UploadType, rawName: string) =>
  storeCheckedUpload(deps.store, body, { type, maxBytes: maxBytesFor(type), rawName, fallbackName: 'document', refusals: REFUSALS });
