/** An error answered by the API: `{ error: { code, message, details } }`, message already in the user's language. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** No answer at all (server down, network cut): the UI shows its own translated text. */
export const NETWORK_ERROR = 'network.failed';

export interface FieldProblem {
  field: string;
  message: string;
}

/** validation.failed carries `details.fields[]`; other errors carry none. */
export function fieldProblems(error: unknown): FieldProblem[] {
  if (!(error instanceof ApiError) || error.code !== 'validation.failed') return [];
  const fields = (error.details as { fields?: unknown } | undefined)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is FieldProblem => typeof f?.field === 'string' && typeof f?.message === 'string');
}

/** The message to show next to one field, if the server named it. */
export function fieldError(error: unknown, field: string): string | undefined {
  const hits = fieldProblems(error).filter((p) => p.field === field || p.field.endsWith(`.${field}`));
  return hits.length ? hits.map((p) => p.message).join('; ') : undefined;
}

/** Codes after which the session is gone or incomplete: the app re-reads /me and routes accordingly. */
export const SESSION_CODES = new Set(['auth.unauthenticated', 'auth.second_factor_required', 'auth.second_factor_enrolment_required']);

export const isSessionError = (error: unknown) => error instanceof ApiError && SESSION_CODES.has(error.code);
