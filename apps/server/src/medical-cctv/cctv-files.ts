import type { AppDeps } from '../platform/deps.ts';
import { checkedUploadType, storeCheckedUpload, type UploadRefusals, type UploadType } from '../platform/storage/checked-upload.ts';

export type { UploadType };

export const PLAN_TYPES: UploadType[] = ['image/svg+xml', 'image/png', 'image/jpeg'];
export const PHOTO_TYPES: UploadType[] = ['image/jpeg', 'image/png'];
export const DOCUMENT_TYPES: UploadType[] = ['application/pdf', 'image/jpeg', 'image/png'];
export const CLIP_TYPES: UploadType[] = ['video/mp4'];
export const MB = 2 ** 20;

const REFUSALS: UploadRefusals = {
  typeInvalid: 'cctv.file_type_invalid',
  tooLarge: 'cctv.file_too_large',
  mismatch: 'cctv.file_content_mismatch',
  empty: 'cctv.file_empty',
};

/** The media type of a DSM-335 upload, if it is one of `allowed`. */
export const uploadType = (contentType: string | undefined, allowed: UploadType[]) => checkedUploadType(contentType, allowed, REFUSALS);

/** A DSM-335 upload into the write-once store (plans, sign photos, consent scans, proof documents, clips). */
export const storeUpload = (deps: AppDeps, body: AsyncIterable<Buffer>, type: UploadType, maxBytes: number, rawName: string) =>
  storeCheckedUpload(deps.store, body, { type, maxBytes, rawName, fallbackName: 'file', refusals: REFUSALS });
