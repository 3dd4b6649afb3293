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

/** Whether a database error (or the Drizzle error wrapping it) is a unique-constraint violation (SQLSTATE 23505). */
export const isUniqueViolation = (e: unknown) =>
  (e as { code?: string }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505';

/**
 * What stops the server's start or a command of the CLI: a stable code whose text is `common:startup.<code>`
 * in kk/ru/en, and the details it names (the setting, the bucket). The CLI prints it in BAQYLAU_LANG.
 */
export class StartupError extends Error {
  constructor(
    readonly code: string,
    readonly details: Record<string, string | number> = {},
    english?: string,
  ) {
    super(english ?? `${code} ${JSON.stringify(details)}`);
  }
}
