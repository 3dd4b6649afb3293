import type { AppDeps } from '../platform/deps.ts';
import { checkedUploadType, storeCheckedUpload, type UploadRefusals, type UploadType } from '../platform/storage/checked-upload.ts';

/** Photos and documents of a finding or a measure report: a phone camera's JPEG/PNG, or a PDF. */
export const EVIDENCE_TYPES: UploadType[] = ['image/jpeg', 'image/png', 'application/pdf'];
export const EVIDENCE_MAX_BYTES = 25 * 2 ** 20;

const REFUSALS: UploadRefusals = {
  typeInvalid: 'pc.file_type_invalid',
  tooLarge: 'pc.file_too_large',
  mismatch: 'pc.file_content_mismatch',
  empty: 'pc.file_empty',
};

export const evidenceType = (contentType: string | undefined) => checkedUploadType(contentType, EVIDENCE_TYPES, REFUSALS);

/** An Order 315 upload into the write-once store, checked against its declared type and size. */
export const storeEvidence = (deps: AppDeps, body: AsyncIterable<Buffer>, type: UploadType, rawName: string) =>
  storeCheckedUpload(deps.store, body, { type, maxBytes: EVIDENCE_MAX_BYTES, rawName, fallbackName: 'evidence', refusals: REFUSALS });
