import { ERROR_CODES, type ErrorCode } from '@baqylau/contracts';

/** A domain error: a stable code (translated for the user) plus optional details. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.status = ERROR_CODES[code];
  }
}
