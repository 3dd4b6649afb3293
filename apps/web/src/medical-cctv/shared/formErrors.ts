import { ApiError, fieldError } from '../../kernel/api/errors.ts';

/**
 * The form field a DSM-335 refusal is about. The server names it in `details.field` for dates, IINs
 * and missing places; for the others the code says which field it is.
 */
const FIELD_OF_CODE: Record<string, string> = {
  'cctv.profile_missing': 'careTypes',
  'cctv.place_name_required': 'name',
  'cctv.place_parent_invalid': 'parentId',
  'cctv.room_type_required': 'roomType',
  'cctv.room_type_only_for_rooms': 'roomType',
  'cctv.camera_number_required': 'number',
  'cctv.camera_number_taken': 'number',
  'cctv.camera_place_invalid': 'placeId',
  'cctv.placement_prohibited': 'placeId',
  'cctv.placement_not_provided': 'placeId',
  'cctv.consent_basis_missing': 'placeId',
  'cctv.place_closed': 'placeId',
  'cctv.control_objects_required': 'controlObjects',
  'cctv.removed_before_installed': 'removedOn',
  'cctv.consent_not_blood_draw': 'placeId',
  'cctv.consent_represented_required': 'representedName',
  'cctv.consent_contract_required': 'employmentContract',
  'cctv.consent_document_required': 'file',
  'cctv.withdrawn_before_given': 'withdrawnOn',
  'cctv.request_period_invalid': 'periodTo',
  'cctv.request_period_too_long': 'periodTo',
  'cctv.request_places_required': 'placeIds',
  'cctv.request_reason_required': 'reason',
  'cctv.request_not_entitled': 'grant',
  'cctv.file_type_invalid': 'file',
  'cctv.file_content_mismatch': 'file',
  'cctv.file_empty': 'file',
  'cctv.file_too_large': 'file',
  'cctv.import_unreadable': 'file',
  'cctv.import_column_missing': 'file',
  'cctv.import_invalid': 'file',
  'cctv.import_row_limit': 'file',
};

/** The field a domain refusal belongs to (not a schema refusal: those carry their own list of fields). */
export function refusedField(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code === 'validation.failed') return undefined;
  const named = (error.details as { field?: unknown } | undefined)?.field;
  return typeof named === 'string' ? named : FIELD_OF_CODE[error.code];
}

/** The server's message (already translated) to show under one field, if the error is about it. */
export function serverError(error: unknown, field: string): string | undefined {
  return fieldError(error, field) ?? (refusedField(error) === field && error instanceof ApiError ? error.message : undefined);
}

/** Whether the error still needs the alert above the form, given the fields that show their own messages. */
export function needsAlert(error: unknown, fields: readonly string[]): boolean {
  if (!error) return false;
  const field = refusedField(error);
  return !(field && fields.includes(field));
}
