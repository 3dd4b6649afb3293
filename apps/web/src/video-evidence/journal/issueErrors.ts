import { ApiError } from '../../kernel/api/errors.ts';

/** Where a refusal of the issue, return or correction belongs on the form, so it is read next to what caused it. */
const FIELD_OF: Record<string, string> = {
  'recorder.not_found': 'recorder',
  'recorder.already_issued': 'recorder',
  'recorder.broken': 'recorder',
  'recorder.under_repair': 'recorder',
  'recorder.written_off': 'recorder',
  'recorder.not_issued': 'recorder',
  'journal.signature_pending': 'recorder',
  'journal.inspector_not_assigned': 'inspector',
  'user.not_found': 'inspector',
  'activity.not_found': 'activity',
  'journal.battery_too_low': 'battery',
  'journal.clock_not_confirmed': 'clock',
  'journal.inspector_signature_invalid': 'signature',
  'journal.correction_signature_required': 'signature',
  'auth.throttled': 'signature',
  'journal.return_before_issue': 'recorder',
};

const VALIDATION_FIELD: Record<string, string> = {
  recorderId: 'recorder',
  inspectorId: 'inspector',
  activityId: 'activity',
  batteryPercent: 'battery',
  clockOffsetSeconds: 'offset',
  note: 'note',
  reason: 'reason',
};

export interface PlacedError {
  /** Messages by form field. */
  at: (field: string) => string | undefined;
  /** True when every message found a field; otherwise the form shows an alert too. */
  placed: boolean;
}

export function placeError(error: unknown): PlacedError {
  if (!(error instanceof ApiError)) return { at: () => undefined, placed: !error };
  if (error.code === 'validation.failed') {
    const fields = ((error.details as { fields?: { field: string; message: string }[] } | undefined)?.fields ?? []).map((f) => ({
      field: VALIDATION_FIELD[f.field.split('.').pop() ?? ''] ?? '',
      message: f.message,
    }));
    return {
      at: (field) => fields.find((f) => f.field === field)?.message,
      placed: fields.length > 0 && fields.every((f) => f.field !== ''),
    };
  }
  const field = FIELD_OF[error.code];
  return { at: (f) => (f === field ? error.message : undefined), placed: !!field };
}
