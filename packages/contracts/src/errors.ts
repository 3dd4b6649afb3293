/**
 * Every error the API returns, with its HTTP status. Clients translate the code;
 * the server also renders a message in the user's language from the same catalog
 * (`errors.<code>` in packages/i18n). The catalog-parity test checks both sides.
 */
export const ERROR_CODES = {
  'validation.failed': 400,
  'request.malformed': 400,
  'auth.invalid_credentials': 401,
  'auth.unauthenticated': 401,
  'auth.locked': 429,
  'auth.second_factor_required': 401,
  'auth.second_factor_enrolment_required': 403,
  'auth.totp_invalid': 401,
  'auth.totp_not_started': 409,
  'auth.totp_already_enabled': 409,
  'auth.csrf_invalid': 403,
  'auth.forbidden': 403,
  'auth.account_disabled': 403,
  'password.too_short': 400,
  'password.too_common': 400,
  'password.contains_login': 400,
  'password.current_wrong': 400,
  'token.invalid': 401,
  'token.not_found': 404,
  'organisation.not_found': 404,
  'organisation.bin_invalid': 400,
  'organisation.not_member': 403,
  'user.not_found': 404,
  'user.login_taken': 409,
  'membership.role_not_grantable': 400,
  'membership.not_found': 404,
  'appointment.not_found': 404,
  'appointment.person_not_member': 400,
  'appointment.responsible_already_active': 409,
  'appointment.period_invalid': 400,
  'appointment.already_ended': 409,
  'ledger.not_found': 404,
  'route.not_found': 404,
  'server.internal': 500,
  'server.busy': 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}
