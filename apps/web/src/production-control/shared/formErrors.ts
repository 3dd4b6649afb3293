import { ApiError, fieldError } from '../../kernel/api/errors.ts';

/** Refusals whose code, not details.field, says which form field they are about. */
const FIELD_OF_CODE: Record<string, string> = {
  'pc.facility_registration_taken': 'registrationNumber',
  'pc.unit_name_taken': 'name',
  'pc.official_not_appointed': 'responsibleOfficialId',
  'pc.checklist_import_unreadable': 'file',
  'pc.checklist_title_required': 'title',
};

/** The field a domain refusal belongs to (a schema refusal carries its own list of fields). */
export function refusedField(error: unknown): string | undefined {
  if (!(error instanceof ApiError) || error.code === 'validation.failed') return undefined;
  const d = error.details as { field?: unknown; row?: unknown } | undefined;
  // A checklist question's refusal names a row: it is shown above the editor, which lists the rows.
  if (typeof d?.row === 'number') return undefined;
  return typeof d?.field === 'string' ? d.field : FIELD_OF_CODE[error.code];
}

/** The server's message (already translated) under one field, if the error is about it. */
export function serverError(error: unknown, field: string): string | undefined {
  return fieldError(error, field) ?? (refusedField(error) === field && error instanceof ApiError ? error.message : undefined);
}

/** Whether the error still needs the alert above the form. */
export function needsAlert(error: unknown, fields: readonly string[]): boolean {
  if (!error) return false;
  const field = refusedField(error);
  return !(field && fields.includes(field));
}
